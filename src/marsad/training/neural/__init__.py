"""A contextual NER model: character language models over ANT + a BiLSTM-CRF tagger.

Training (``train.py``) needs PyTorch and is meant for a GPU or a long CPU run; running the shipped
weights (``infer.py``) needs NumPy only.
"""
