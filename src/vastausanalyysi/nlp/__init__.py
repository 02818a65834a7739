"""The Finnish language layer: the only package that touches Voikko and spaCy."""
