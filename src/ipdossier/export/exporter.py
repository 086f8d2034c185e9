"""`jupyter nbconvert --to dossier`: one notebook as a dossier chapter PDF.

Registered under the `nbconvert.exporters` entry point twice: as `dossier`, which
JupyterLab's "Save and Export Notebook As" menu lists as "Dossier", and as `dossier_pdf`,
its first name. Unlike nbconvert's webpdf, it prints with the system's Chromium (or
IPDOSSIER_CHROMIUM) and never downloads a browser; the page is the report's own: no code,
A4, running header, page numbers, sources appendix.
"""

from __future__ import annotations

from nbconvert.exporters import WebPDFExporter
from traitlets import Bool, Unicode

from .. import data as dossier_data
from ..i18n import LANGUAGES, t
from . import html as report_html
from .browser import check_cjk_fonts
from .printer import PdfPrinter


class DossierPDFExporter(WebPDFExporter):
    export_from_notebook = "Dossier PDF"
    output_mimetype = "application/pdf"

    exclude_input = Bool(True, help="Leave code out of the report.").tag(config=True)
    language = Unicode(
        "", help='"en" or "zh"; default: the notebook\'s injected `language` parameter, or "en".'
    ).tag(config=True)

    def _file_extension_default(self):
        return ".pdf"

    def _notebook_language(self, nb) -> str:
        """The run's `language`: papermill's injected cell comes after the defaults."""
        if self.language:
            return self.language
        found = "en"
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            if cell.cell_type != "code" or not {"parameters", "injected-parameters"} & set(tags):
                continue
            for line in cell.source.splitlines():
                name, _, value = line.partition("=")
                value = value.split("#")[0].strip().strip("\"'")
                if name.split(":")[0].strip() == "language" and value in LANGUAGES:
                    found = value
        return found

    def from_notebook_node(self, nb, resources=None, **kw):
        resources = self._init_resources(resources)
        language = self._notebook_language(nb)
        check_cjk_fonts()  # English editions print Chinese titles too
        stem = (resources.get("metadata") or {}).get("name") or "notebook"
        chapter = report_html.chapter_from_node(nb, 1, mode="print", language=language, stem=stem)
        dossier = dossier_data.load()
        page = report_html.page(
            [chapter],
            web=False,
            cover=False,
            params={"language": language},
            data_version=dossier.version,
            sources=dossier.localised(language).sources,
            event_name="",
        )
        with PdfPrinter() as printer:
            pdf = printer.pdf_bytes(
                page,
                header_title=f"{t('dossier_title', language)} · {chapter.title}",
                footer=t("page_of", language),
            )
        resources["output_extension"] = ".pdf"
        return pdf, resources
