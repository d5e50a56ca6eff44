"""The package version, the bottom of every import chain."""

__version__ = "0.1.0"
