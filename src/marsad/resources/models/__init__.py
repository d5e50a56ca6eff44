"""Trained models shipped with marsad (data files)."""
