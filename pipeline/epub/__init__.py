"""EPUB 3 of every koopBLATT issue and of the handbook, from the same Sphinx doctrees."""
