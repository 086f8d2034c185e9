"""Leave the kernel's run records out of a report: each is an empty output whose metadata
tells the Dossier exporter what the saved outputs came from (notebook.RUN_RECORD); in a
report it would only be an empty box."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor

from ...notebook import RUN_RECORD


class DropRunRecords(Preprocessor):
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.outputs = [
                o for o in cell.get("outputs", []) if RUN_RECORD not in o.get("metadata", {})
            ]
        return cell, resources
