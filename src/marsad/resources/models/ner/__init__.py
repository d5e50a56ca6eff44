"""The NER model: crf.bin (python-crfsuite), clusters.tsv.gz, gazetteer.tsv.gz, names.tsv."""
