"""The rewrites an executed chapter goes through before nbconvert's `basic` template
turns it into a report body, one nbconvert `Preprocessor` per transformation.

`html.chapter_from_node` registers them on its exporter, so `ipdossier build` and
`jupyter nbconvert --to dossier` print a chapter through the same chain.
"""

from .chart_slots import ChartSlots
from .charts_as_images import ChartsAsImages
from .charts_for_plotly_js import ChartsForPlotlyJs
from .drop_run_records import DropRunRecords
from .drop_stderr import DropStderr

__all__ = ["ChartSlots", "ChartsAsImages", "ChartsForPlotlyJs", "DropRunRecords", "DropStderr"]
