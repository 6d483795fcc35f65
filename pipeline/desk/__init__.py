"""The editors' desk (`build/redaktion/`, never published): the Redaktionsstand and the flatplan pages.

`after_pdf` is the PDF step's hook (flatplans and page-budget Hinweise); `build_desk` writes the
dashboard. Both read only what the other steps left: the project's diagnostics, the stored reading
findings, the flatplans and the published outputs.
"""

from .build import after_pdf, build_desk

__all__ = ["after_pdf", "build_desk"]
