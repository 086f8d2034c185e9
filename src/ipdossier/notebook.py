"""What a dossier notebook calls: set-up, and display of charts, tables and source notes.

Notebooks stay thin: `ctx = setup(**params)` right after the parameters cell, then
`show(fig, ...)` per chart. Everything shown is escaped, so text from the data (a name
like `<img src=x onerror=...>`) appears as text in JupyterLab, HTML and PDF.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import data as dossier_data
from . import linebreak, theme
from .errors import ParameterError
from .i18n import day_span, long_date, t
from .params import RunParameters

# plotly >= 6 emits only application/vnd.plotly.v1+json in a kernel, which nbconvert drops:
# the SVG beside it keeps charts interactive in JupyterLab and vector in HTML/PDF exports.
RENDERER = "plotly_mimetype+svg"
# Rows up to which a table is kept on one page in print (see `table`).
SHORT_TABLE = 8

_kaleido_started = False


@dataclass
class Context:
    """A notebook run: its checked parameters and the loaded data package."""

    event_id: str
    language: str
    jurisdiction: str
    as_of: str
    dossier: dossier_data.Dossier
    # The cover's: a chapter may name them (the summary), none filters by them.
    author: str = ""
    organisation: str = ""

    def t(self, key: str) -> str:
        return t(key, self.language)

    def date(self, day: pd.Timestamp) -> str:
        return long_date(day, self.language)

    def days(self, start: pd.Timestamp, end: pd.Timestamp) -> str:
        """The days from `start` to `end` as prose writes them: 5–6 July 2017."""
        return day_span(start, end, self.language)

    @property
    def as_of_date(self) -> pd.Timestamp | None:
        return pd.Timestamp(self.as_of) if self.as_of else None


def _start_kaleido() -> None:
    # One browser for every image of the kernel: ~0.15 s per chart instead of ~2 s, and
    # no MathJax fetched from a CDN.
    global _kaleido_started
    if _kaleido_started:
        return
    import kaleido

    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _kaleido_started = True


def setup(
    event_id: str = "bth-2017-baoding",
    language: str = "en",
    jurisdiction: str = "all",
    as_of: str = "",
    author: str = "",
    organisation: str = "",
    *,
    renderer: str | None = None,
) -> Context:
    """Check the parameters, load the data, and configure plotly for the dossier.

    A name papermill injected that the parameters cell does not declare (`-p langauge
    zh`) is an error here, as it is in `ipdossier build`: papermill only warns, and the
    run would go on with the default."""
    _stop_recording()  # cells after a failed setup vouch for nothing
    _cited.clear()  # a run numbers its sources from [1]
    global _run_data
    _run_data = None  # until this run's data is loaded
    _check_injected_names()
    values = {
        "event_id": event_id,
        "language": language,
        "jurisdiction": jurisdiction,
        "as_of": as_of,
        "author": author,
        "organisation": organisation,
    }
    RunParameters.check(values, where="parameters cell")
    theme.register()
    pio.renderers.default = renderer or os.environ.get("PLOTLY_RENDERER") or RENDERER
    # kaleido's browser starts with the first chart drawn as SVG (mimebundle), not here:
    # a kernel that draws none, or only plotly's JSON (JupyterLab under `ipdossier lab`,
    # the build), never starts one.
    # kaleido logs each browser start at INFO, which would land in the report.
    logging.getLogger("kaleido").setLevel(logging.WARNING)
    logging.getLogger("choreographer").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", message=".*kopts.*")
    dossier = dossier_data.load()
    _run_data = dossier
    _record_runs(values, dossier.version)
    return Context(dossier=dossier.localised(language), **values)


# -- the run record: what the saved outputs came from ------------------------------------
#
# The Dossier exporter prints a notebook's saved outputs only when they are what its
# parameters cell asks for. After each cell that runs once `setup` has, the kernel adds
# an empty output whose metadata says which run (one id per `setup`), which cell source,
# which parameters and data version, and whether the cell finished without error. A
# cell edited, run before `setup`, not run, or failed; a parameters cell changed since;
# new data: the exporter runs the notebook again instead (export.exporter).

RUN_RECORD = "ipdossier_run"


def cell_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


_run_hook = None


def _stop_recording() -> None:
    global _run_hook
    if _run_hook is None:
        return
    try:
        get_ipython().events.unregister("post_run_cell", _run_hook)  # type: ignore[name-defined]  # noqa: F821
    except (NameError, ValueError):
        pass
    _run_hook = None


def _record_runs(params: dict, data_version: str) -> None:
    global _run_hook
    try:
        shell = get_ipython()  # type: ignore[name-defined]  # noqa: F821
    except NameError:
        return  # a plain Python run: no cells, no outputs to vouch for
    import uuid

    from IPython.display import display

    _stop_recording()
    run = uuid.uuid4().hex

    def post_run_cell(result) -> None:
        record = {
            "run": run,
            "cell": cell_digest(result.info.raw_cell if result.info else ""),
            "params": dict(params),
            "data_version": data_version,
            "ok": bool(result.success),
        }
        # Empty HTML: JupyterLab renders it as nothing; the report drops it (preprocessor).
        display({"text/html": ""}, metadata={RUN_RECORD: record}, raw=True)

    shell.events.register("post_run_cell", post_run_cell)
    _run_hook = post_run_cell


INJECTED = "# Parameters"  # how papermill's Python translator opens the injected cell


def _assigned(source: str) -> list[str] | None:
    """The names a cell of nothing but assignments assigns, in order; None for any other
    cell."""
    import ast

    try:
        body = ast.parse(source).body
    except SyntaxError:
        return None
    names: list[str] = []
    for node in body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.Assign) and all(isinstance(x, ast.Name) for x in node.targets):
            names += [x.id for x in node.targets]
        else:
            return None
    return names


def _check_injected_names(history: list[str] | None = None) -> None:
    """Names in papermill's injected-parameters cell that the parameters cell before it
    does not declare raise a ParameterError.

    The kernel's input history (`In`) holds both cells: papermill runs the injected one
    right after the cell tagged `parameters`. Outside IPython, or with no injected cell
    run, there is nothing to check."""
    if history is None:
        try:
            history = get_ipython().user_ns.get("In", [])  # type: ignore[name-defined]  # noqa: F821
        except NameError:
            return
    runs = [i for i, src in enumerate(history) if src.lstrip().startswith(INJECTED)]
    if not runs or runs[-1] == 0:
        return
    injected = _assigned(history[runs[-1]])
    declared = _assigned(history[runs[-1] - 1])
    if not injected or not declared:
        return  # not the cell pair papermill runs (cells run out of order in JupyterLab)
    unknown = [name for name in injected if name not in declared]
    if unknown:
        raise ParameterError(
            f"injected-parameters cell: unknown parameter {unknown[0]!r} "
            f"(declared: {', '.join(declared)})"
        )


# Sources by number in order of first citation, as the report numbers them: a run's
# first source cited is [1] (`setup` starts the count again), and rows of the data with
# one URL are one source. A chapter exported alone numbers its sources the same way.
_cited: dict[str, int] = {}


# The package the run's `setup` loaded, which its citations read; None before any setup
# (a note made outside a run reads the package as it is on disk).
_run_data: dossier_data.Dossier | None = None


def _sources() -> dict[str, dict]:
    """The data's sources by id, each row as a dict.

    A chapter cites a few hundred times (every note, every table's source column): the
    index is built once per version of the data and kept with it (`Dossier.memo`), not
    looked up in the table per citation."""
    dossier = _run_data if _run_data is not None else dossier_data.load()
    memo = dossier.memo
    if "sources_by_id" not in memo:
        rows = dossier.table("sources").to_dict("records")
        memo["sources_by_id"] = {str(r["source_id"]): r for r in rows}
    return memo["sources_by_id"]


def _source_key(source_id: str) -> str:
    row = _sources().get(source_id)
    url = row.get("url") if row is not None else None
    return str(url).rstrip("/") if isinstance(url, str) and url else source_id


def citation_number(source_id: str) -> int:
    """The source's number in this run: its place in the order of first citation."""
    return _cited.setdefault(_source_key(source_id), len(_cited) + 1)


def source_label(source_id: str, language: str = "en") -> str:
    """How a note cites a source: by its number ([1]), in both languages (the numbered
    style, GB/T 7714, that Chinese readers expect, and the report's)."""
    return f"[{citation_number(source_id)}]"


def _tooltip(source_id: str) -> tuple[str, str | None]:
    """What a citation shows on hover, and the URL it opens: the source's title and
    publisher (where the notebook is read, the report's appendix is not)."""
    row = _sources().get(source_id)
    if row is None:
        return source_id, None

    def val(key: str) -> str:
        v = row.get(key)
        return "" if v is None or pd.isna(v) else str(v).strip()

    url = val("url") if val("url").startswith(("http://", "https://")) else None
    tip = " — ".join(x for x in (val("title"), val("publisher") or val("publication")) if x)
    return tip or source_id, url


def source_note(rows: pd.DataFrame | pd.Series, language: str = "en", extra: str = "") -> str:
    """HTML caption linking each source (by paragraph) to the report's sources appendix."""
    if isinstance(rows, pd.Series):
        rows = rows.to_frame().T
    cited: dict[str, set[int]] = {}
    # Column by column, not row by row (iterrows builds a Series per row): a note can
    # cover a few hundred rows.
    none = [None] * len(rows)
    sids = rows["source_id"] if "source_id" in rows.columns else none
    for sid, para in zip(sids, rows["para"] if "para" in rows.columns else none, strict=True):
        if sid is None or pd.isna(sid):
            continue
        paras = cited.setdefault(str(sid), set())
        if para is not None and not pd.isna(para):
            paras.add(int(para))
    parts = []
    # Sorted by number within the note, as the report sorts them.
    for sid, paras in sorted(cited.items(), key=lambda kv: citation_number(kv[0])):
        where = ""
        if paras:
            listed = t("para_sep", language).join(str(p) for p in sorted(paras))
            where = t("para_one", language).format(paras=listed)
            where = f", {where}" if language == "en" else where
        # Each reference is marked (ipd-ref, ipd-cite) so that the report numbers its
        # sources in order of first citation and sorts a note's references by that number
        # (export.html.number_citations); JupyterLab shows the label given here.
        parts.append(f'<span class="ipd-ref">{cite_link(sid, language)}{html.escape(where)}</span>')
    sep = "; " if language == "en" else "；"
    text = (
        f'<span class="ipd-cites">{sep.join(parts)}</span>'
        if parts
        else html.escape(t("unknown", language))
    )
    stop = "." if language == "en" else "。"
    tail = f" {html.escape(extra)}" if extra else ""
    colon = ": " if language == "en" else "："
    return (
        f'<p class="ipd-source">{html.escape(t("source", language))}{colon}{text}{stop}{tail}</p>'
    )


def cite_link(source_id: str, language: str = "en") -> str:
    """A reference to a source: its number, the source's title and publisher as a tooltip,
    a link to its URL. `data-source` names the source for the report, which links the
    number to its sources appendix instead (export.html.number_citations)."""
    label = html.escape(source_label(source_id, language))
    tip, url = _tooltip(source_id)
    sid = html.escape(source_id, quote=True)
    href = html.escape(url, quote=True) if url else f"#source-{sid}"
    return (
        f'<a class="ipd-cite" data-source="{sid}" href="{href}" '
        f'title="{html.escape(tip, quote=True)}" target="_blank" rel="noopener">{label}</a>'
    )


# SVGs by figure: a warm kernel runs the same chapter for many variants, and a chart the
# variant does not change (the map under every jurisdiction) is rendered once.
_svg_cache: dict[str, str] = {}


def mimebundle(fig: go.Figure) -> dict:
    """The interactive JSON and, under the dossier's renderer, the vector SVG beside it."""
    fig_dict = fig.to_dict()
    bundle = pio.renderers["plotly_mimetype"].to_mimebundle(dict(fig_dict))
    if "svg" in pio.renderers.default.split("+"):
        spec = json.dumps(bundle, sort_keys=True, default=str)
        width, height = theme.svg_size(fig_dict)
        key = hashlib.sha256(f"{width}x{height}:{spec}".encode()).hexdigest()
        if key not in _svg_cache:
            _start_kaleido()
            svg = pio.to_image(fig_dict, format="svg", width=width, height=height)
            _svg_cache[key] = svg.decode("utf-8")
        bundle["image/svg+xml"] = _svg_cache[key]
    return bundle


def show(
    fig: go.Figure,
    sources: pd.DataFrame | pd.Series | None = None,
    *,
    language: str = "en",
    note: str = "",
) -> None:
    """Display a chart, then its source note (the note is what the PDF footnotes)."""
    from IPython.display import HTML, display

    if pio.renderers.default in (RENDERER, "plotly_mimetype"):
        display(mimebundle(fig), raw=True)
    else:
        fig.show()
    if sources is not None:
        display(HTML(source_note(sources, language, note)))


def cite(rows: pd.DataFrame | pd.Series, *, language: str = "en", note: str = "") -> None:
    """The source note of rows shown without a chart (a table)."""
    from IPython.display import HTML, display

    display(HTML(source_note(rows, language, note)))


def table(
    df: pd.DataFrame,
    *,
    columns: Iterable[str] | dict[str, str] | None = None,
    language: str = "en",
    labelled: Iterable[str] = (),
    terms: Iterable[str] = (),
) -> None:
    """Display a table with every cell escaped and unknown values shown as such.

    `columns` picks the columns; a dict also gives each the header a reader sees, named
    by its English text and shown in `language` from the label catalogue. The values of
    the `labelled` columns are codes (a qualifier, a level) shown by their label. The
    `terms` columns hold names a reader reads as one word (an indicator's name): Chinese
    may break between any two characters, so such a column is kept at least as wide as a
    short term (`ipd-term`, report.css) instead of shrinking to one or two characters a
    line ("PCT专利申请" / "量") beside wider ones."""
    from IPython.display import HTML, display

    if df.empty:
        # A filter (a jurisdiction, a cut-off date) can leave nothing: say so in words.
        message = t("nothing_in_table", language)
        display(HTML(f'<p class="ipd-empty">{html.escape(message)}</p>'))
        return
    if columns is not None:
        # A column the frame leaves out for this edition (the source's English wording in
        # a Chinese report) is not shown.
        if isinstance(columns, dict):
            columns = {k: v for k, v in columns.items() if k in df.columns}
        else:
            columns = [c for c in columns if c in df.columns]
    view = df[list(columns)] if columns is not None else df
    cited = None
    if "source_id" in view.columns:
        # Linked like a note's references, so the report numbers them the same way.
        cited = [v if pd.isna(v) else cite_link(str(v), language) for v in view["source_id"]]
        cited_at = list(view.columns).index("source_id")
    view = view.assign(
        **{col: [v if pd.isna(v) else t(str(v), language) for v in view[col]] for col in labelled}
    )
    if isinstance(columns, dict):
        view = view.rename(columns={k: t(v, language) for k, v in columns.items()})
    shown = pd.DataFrame(
        {
            col: [
                "—" if pd.isna(v) else v.strftime("%Y-%m-%d") if isinstance(v, pd.Timestamp) else v
                for v in view[col]
            ]
            for col in view.columns
        }
    )
    term_columns = [
        html.escape(t(columns[col], language))
        if isinstance(columns, dict) and col in columns
        else html.escape(str(col))
        for col in terms
    ]
    # Escaped here rather than by pandas, so that long unbreakable runs can be marked.
    shown = shown.rename(columns=lambda c: html.escape(str(c)))
    for col in shown.columns:
        if col in term_columns:
            shown[col] = [
                f'<span class="ipd-term">{_term_html(v)}</span>'
                if isinstance(v, str) and v != "—"
                else v
                for v in shown[col]
            ]
        else:
            shown[col] = [
                _kept_together(_cell_html(v)) if isinstance(v, str) else v for v in shown[col]
            ]
    if cited is not None:
        shown.iloc[:, cited_at] = ["—" if pd.isna(v) else v for v in cited]
    # A short table stays whole on one page (report.css): split, three rows read as two
    # tables. A long one flows row by row, its header repeated.
    classes = "ipd-table ipd-short" if len(shown) <= SHORT_TABLE else "ipd-table"
    display(HTML(shown.to_html(index=False, escape=False, classes=classes)))


def _term_html(value: str) -> str:
    """A term's text, escaped, with a line-break opportunity (<wbr>) between its words
    and none inside one: report.css sets term cells `word-break: keep-all`, so Chinese
    breaks only there ("每万人口发明专利拥有量" broke before its last character, 量)."""
    out = ""
    for unit in linebreak.word_units(value):
        # Between two words printed without a space: a space is a break already.
        if out and not out[-1].isspace() and not unit.isspace():
            out += "<wbr>"
        out += html.escape(unit)
    return out


# A run of characters with no place to break a line (no space, hyphen or slash).
_UNBREAKABLE = re.compile(r"[^\s\-/]{24,}")


def _cell_html(value: str) -> str:
    """A cell's text, escaped, with each long unbreakable run marked `ipd-long`: report.css
    lets only those break anywhere. Letting every cell break anywhere would also split
    short words in narrow columns, since the table then thinks every column can shrink."""
    text = html.escape(value)
    return _UNBREAKABLE.sub(lambda m: f'<span class="ipd-long">{m.group(0)}</span>', text)


# A number with what belongs to it: its separators, a date's parts (2016-12-30,
# 2016—2020年, 2020年1-8月; a span of days may break before its 至6日), a magnitude and unit
# (848.5亿元, 6.3件), a document number's year and serial (〔2016〕86号). Chinese text may
# break between any two characters, so a table's column could shrink until "848.5亿元"
# wraps "元" onto a line of its own; marked `ipd-nobr` (report.css), such a run stays on
# one line and the column keeps its width.
_TOGETHER = re.compile(
    r"(?:〔\d{4}〕\d+号)"
    r"|(?:至\d+[年月日])"
    r"|(?:\d[\d,.\-–—]*(?:年|月|日)?)+"
    r"(?:[万亿](?:美元|元|件|家|项|人|次|个|篇)?|(?:美元|元|件|家|项|人|次|个|篇)|底|末|%)?"
)


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _kept_together(cell: str) -> str:
    """`cell` (already escaped HTML) with each number-and-unit run kept on one line; a cell
    holding a long run marked to break anywhere (`ipd-long`) is left as it is."""
    if "ipd-long" in cell or "<a " in cell:
        return cell
    return _TOGETHER.sub(
        lambda m: (
            f'<span class="ipd-nobr">{m.group(0)}</span>' if len(m.group(0)) > 2 else m.group(0)
        ),
        cell,
    )


def say(
    text: str,
    *,
    sources: pd.DataFrame | pd.Series | None = None,
    language: str = "en",
    **values: object,
) -> None:
    """Display a line of prose (Markdown) with data values escaped into it, followed by
    the source note of the rows its numbers come from."""
    from IPython.display import HTML, Markdown, display

    safe = {k: html.escape(str(v)) for k, v in values.items()}
    if _HAN.search(text):
        # Chinese prose may break between any two characters: a number keeps its unit and
        # a date its parts on one line (近1,000 / 家, “7 / 月5日), as in tables.
        safe = {k: _kept_together(v) for k, v in safe.items()}
    display(Markdown(text.format(**safe)))
    if sources is not None:
        display(HTML(source_note(sources, language)))


def heading(key: str, ctx: Context, *, level: int = 2, **values: object) -> None:
    """A section heading, in the run's language (catalogue key `h_<key>`)."""
    say(f"{'#' * level} {t(f'h_{key}', ctx.language)}", language=ctx.language, **values)


def prose(key: str, ctx: Context, **values: object) -> None:
    """A passage of the chapter's prose (catalogue key `prose_<key>`) in the run's
    language, with data values escaped into it.

    Prose is rendered by the package rather than written in markdown cells so that a
    notebook opened in JupyterLab reads in the language of its `language` parameter, as
    the exported report does, and so that what it says of the event comes from the data.
    """
    say(t(f"prose_{key}", ctx.language), language=ctx.language, **values)


def not_stated(what: str, *, language: str = "en") -> None:
    """Say what the sources do not state (`what`, a catalogue key), where a chart or
    table would be empty."""
    from IPython.display import Markdown, display

    sentence = t("not_stated_event", language).format(what=html.escape(t(what, language)))
    display(Markdown(sentence))
