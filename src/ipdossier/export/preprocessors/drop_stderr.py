"""Leave stderr out of a report: warnings and logs are for whoever debugs a run, not for
the report's reader (they stay in the executed notebook)."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor


class DropStderr(Preprocessor):
    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.outputs = [
                o
                for o in cell.get("outputs", [])
                if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
            ]
        return cell, resources
