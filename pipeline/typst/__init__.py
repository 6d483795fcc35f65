"""koopBLATT as PDF: a Sphinx builder and docutils→Typst translator, templates, in-process compile."""
