"""koopstadt publication pipeline: MyST contributions → handbook (HTML), koopBLATT (PDF), EPUB."""

__version__ = "0.1.0"
