"""`jupyter nbconvert --to dossier`: one notebook as a dossier chapter PDF.

Registered under the `nbconvert.exporters` entry point as `dossier`, which JupyterLab's
"Save and Export Notebook As" menu lists as "Dossier". Unlike nbconvert's webpdf, it
prints with the system's Chromium (or IPDOSSIER_CHROMIUM) and never downloads a browser;
the page is the report's own: no code, A4, running header, page numbers, sources appendix.

It prints what the notebook's parameters cell asks for. The saved outputs are printed
only when each cell's run record (written by the kernel, `notebook.RUN_RECORD`) says
it came from one complete run of these cells, with these parameters and this data
version, without error; otherwise the notebook is run first (nbconvert's own
ExecutePreprocessor, in the kernel the notebook names) and that run is printed. A run
that fails is an error naming the cell, never a report. A notebook with no parameters
cell is not a chapter and is printed as saved.
"""

from __future__ import annotations

import ast
import copy
import os
import time
from pathlib import Path

from nbconvert.exporters import WebPDFExporter
from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor
from traitlets import Bool, Integer, Unicode

from .. import data as dossier_data
from ..errors import NotebookFailed
from ..i18n import LANGUAGES, t
from ..notebook import RUN_RECORD, cell_digest
from . import html as report_html
from .browser import check_cjk_fonts
from .chart_svgs import draw_missing
from .printer import PdfPrinter

PARAMETER_TAGS = ("parameters", "injected-parameters")


def notebook_parameters(nb) -> dict:
    """The values the parameters cell assigns, then papermill's injected cell over them."""
    values: dict = {}
    for tag in PARAMETER_TAGS:
        for cell in nb.cells:
            if cell.cell_type != "code" or tag not in cell.metadata.get("tags", []):
                continue
            try:
                body = ast.parse(cell.source).body
            except SyntaxError:
                continue  # the run reports it, naming the cell
            for node in body:
                if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                    targets, value = [node.target], node.value
                elif isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                else:
                    continue
                try:
                    literal = ast.literal_eval(value) if value is not None else None
                except ValueError:
                    continue
                for target in targets:
                    if isinstance(target, ast.Name):
                        values[target.id] = literal
    return values


def stale_because(nb, params: dict, data_version: str) -> str | None:
    """Why the saved outputs are not a print of `params` (None: they are)."""
    runs = set()
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or set(PARAMETER_TAGS) & set(cell.metadata.get("tags", [])):
            continue
        outputs = cell.get("outputs", [])
        if any(o.get("output_type") == "error" for o in outputs):
            return f"cell {index} shows an error"
        records = [o.metadata[RUN_RECORD] for o in outputs if RUN_RECORD in o.get("metadata", {})]
        if not records:
            return f"cell {index} has not run since the notebook's set-up"
        record = records[-1]
        if not record.get("ok"):
            return f"cell {index} failed"
        if record.get("cell") != cell_digest(cell.source):
            return f"cell {index} was edited after it ran"
        if record.get("data_version") != data_version:
            return f"the outputs come from data version {record.get('data_version')!r}"
        ran = record.get("params") or {}
        changed = sorted(k for k in set(ran) | set(params) if ran.get(k) != params.get(k))
        if changed:
            return f"the parameters cell changed since the run ({', '.join(changed)})"
        runs.add(record.get("run"))
    if not runs:
        return "nothing has run"
    if len(runs) > 1:
        return "the cells come from different runs"
    return None


class RunChapter(ExecutePreprocessor):
    """nbconvert's execution, with the kernel drawing plotly's JSON only: the exporter's
    own browser draws the SVGs (`chart_svgs.draw_missing`), so the kernel starts
    no browser of its own."""

    async def async_start_new_kernel(self, **kwargs):
        kwargs.setdefault("env", {**os.environ, "PLOTLY_RENDERER": "plotly_mimetype"})
        return await super().async_start_new_kernel(**kwargs)


class DossierPDFExporter(WebPDFExporter):
    export_from_notebook = "Dossier PDF"
    output_mimetype = "application/pdf"

    exclude_input = Bool(True, help="Leave code out of the report.").tag(config=True)
    language = Unicode(
        "", help='"en" or "zh"; default: the notebook\'s `language` parameter, or "en".'
    ).tag(config=True)
    run_timeout = Integer(600, help="Seconds a cell may run when the notebook is run.").tag(
        config=True
    )

    def _file_extension_default(self):
        return ".pdf"

    def _notebook_language(self, nb) -> str:
        """The run's `language`: papermill's injected cell comes after the defaults."""
        if self.language:
            return self.language
        found = notebook_parameters(nb).get("language")
        return found if found in LANGUAGES else "en"

    def _run(self, nb, resources: dict, name: str):
        kernel = (nb.metadata.get("kernelspec") or {}).get("name") or "python3"
        path = (resources.get("metadata") or {}).get("path") or os.getcwd()
        runner = RunChapter(kernel_name=kernel, timeout=self.run_timeout, allow_errors=False)
        nb = copy.deepcopy(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        try:
            nb, _ = runner.preprocess(nb, {"metadata": {"path": path}})
        except CellExecutionError as exc:
            # The kernel's own last line (one line for the package's errors).
            where = next(
                (
                    f"cell {i}"
                    for i, c in enumerate(nb.cells)
                    if any(o.get("output_type") == "error" for o in c.get("outputs", []))
                ),
                "a cell",
            )
            raise NotebookFailed(
                Path(f"{name}.ipynb"), "dossier export", where, f"{exc.ename}: {exc.evalue}"
            ) from None
        return nb

    def from_notebook_node(self, nb, resources=None, **kw):
        start = time.perf_counter()
        resources = self._init_resources(resources)
        stem = (resources.get("metadata") or {}).get("name") or "notebook"
        params = notebook_parameters(nb)
        language = self._notebook_language(nb)
        check_cjk_fonts()  # English editions print Chinese titles too
        dossier = dossier_data.load()
        chapter_like = any(
            "parameters" in c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "code"
        )
        # A notebook without a parameters cell is not a chapter: nothing to run it with.
        reason = stale_because(nb, params, dossier.version) if chapter_like else None
        shown = ", ".join(f"{k}={v!r}" for k, v in params.items() if v != "") or "no parameters"
        if reason:
            self.log.info("Dossier: running %s with %s (%s)", stem, shown, reason)
            nb = self._run(nb, resources, stem)
            what = f"ran {stem} ({reason}) and printed it"
        else:
            what = f"printed {stem} from its saved outputs"
        with PdfPrinter() as printer:
            draw_missing(nb, printer)
            chapter = report_html.chapter_from_node(
                nb, 1, mode="print", language=language, stem=stem
            )
            page = report_html.page(
                [chapter],
                web=False,
                cover=False,
                params={"language": language},
                data_version=dossier.version,
                sources=dossier.localised(language).sources,
                event_name="",
            )
            pdf = printer.pdf_bytes(
                page,
                header_title=f"{t('dossier_title', language)} · {chapter.title}",
                footer=t("page_of", language),
            )
        self.log.info(
            "Dossier: %s with %s, data %s, in %.1f s",
            what,
            shown,
            dossier.version,
            time.perf_counter() - start,
        )
        resources["output_extension"] = ".pdf"
        return pdf, resources
