"""The chapters run under papermill with their defaults and with every language and
jurisdiction, and every chart leaves both an interactive and a vector output."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from helpers import TEXT_CHAPTERS

from ipdossier import data
from ipdossier.i18n import t
from ipdossier.params import JURISDICTIONS, LANGUAGES, ParameterError, validate
from ipdossier.paths import notebooks_dir
from ipdossier.pipeline.execute import execute
from ipdossier.pipeline.kernels import KernelPool

NOTEBOOKS = sorted(notebooks_dir().glob("[0-9]*.ipynb"))
ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WHO_ZH = "与会人员：按层级和地区"  # the who-came chart's title in Chinese
PLOTLY = "application/vnd.plotly.v1+json"
CJK = re.compile(r"[\u4e00-\u9fff]")


def outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.outputs


def check_executed(path: Path, language: str) -> None:
    nb = nbformat.read(path, as_version=4)
    outs = list(outputs(nb))
    assert not [o for o in outs if o.output_type == "error"], path
    stderr = [o.text for o in outs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"{path.name}: {stderr}"
    charts = [o for o in outs if PLOTLY in o.get("data", {})]
    assert charts or path.stem in TEXT_CHAPTERS, f"{path.name} shows no chart"
    for o in charts:
        assert "image/svg+xml" in o.data, f"{path.name}: a chart without its SVG"
        fig = o.data[PLOTLY]
        title = fig["layout"]["title"]["text"]
        # The SVG keeps the size the chart asked for: a tall chart is not squashed.
        svg_tag = re.search(r"<svg[^>]*>", o.data["image/svg+xml"]).group(0)
        want = (fig["layout"].get("width") or 860, fig["layout"].get("height") or 460)
        got = tuple(
            int(float(re.search(rf'{k}="([\d.]+)"', svg_tag).group(1))) for k in ("width", "height")
        )
        assert got == want, f"{path.name}: {title!r} drawn at {got}, laid out at {want}"
        assert title and title in o.data["image/svg+xml"].replace("&amp;", "&").replace(
            "&#39;", "'"
        )
        if language == "zh":
            assert CJK.search(title), title
            assert CJK.search(o.data["image/svg+xml"])
    notes = [o for o in outs if "ipd-source" in o.get("data", {}).get("text/html", "")]
    assert len(notes) >= len(charts), f"{path.name}: a chart without a source note"
    if path.stem in SOURCED_TABLES:
        # A table of facts either cites each row (a Source column) or has a note under it.
        shown = [o for o in outs if o.get("data", {}).get("text/html", "").strip() or (
            set(o.get("data", {})) - {"text/html", "text/plain"})]
        # (Or, the two plans side by side, its introduction says the charts above give them.)
        above = t("sources_above", language)
        section = ""  # the prose of the section so far
        for o, after in zip(shown, [*shown[1:], None], strict=True):
            markdown = o.get("data", {}).get("text/markdown", "")
            section = markdown if markdown.startswith("#") else section + markdown
            html = o.get("data", {}).get("text/html", "")
            if "ipd-table" in html and "ipd-cite" not in html:
                note = (after or {}).get("data", {}).get("text/html", "") if after else ""
                assert "ipd-source" in note or above in section, (
                    f"{path.name}: a table without a source note"
                )


def test_the_chapters_exist():
    assert [p.stem for p in NOTEBOOKS] == [
        "00_summary",
        "01_event",
        "02_series",
        "03_policies",
        "04_targets",
    ]
    for path in NOTEBOOKS:
        meta = nbformat.read(path, as_version=4).metadata["ipdossier"]
        assert meta["title"] and CJK.search(meta["title_zh"])


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_plain_papermill_runs_each_notebook_with_its_defaults(notebook, tmp_path):
    out = tmp_path / notebook.name
    done = subprocess.run(
        [
            str(BIN / "papermill"),
            "--no-progress-bar",
            str(notebook),
            str(out),
            "--cwd",
            str(notebook.parent),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    check_executed(out, "en")


@pytest.fixture(scope="module")
def kernels():
    pool = KernelPool(notebooks_dir(), env={"PLOTLY_RENDERER": "plotly_mimetype+svg"})
    yield pool
    pool.close()


# Ten papermill runs (80 s): the session's every-jurisdiction build covers the same
# variants in make test; this one, through papermill alone, runs in make test-heavy.
@pytest.mark.heavy
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_language_and_jurisdiction(language, jurisdiction, kernels, tmp_path):
    params = {"language": language, "jurisdiction": jurisdiction}
    for notebook in NOTEBOOKS:
        out = tmp_path / notebook.name
        execute(
            notebook,
            out,
            validate(notebook, params),
            variant=f"{language}-{jurisdiction}",
            kernels=kernels,
        )
        check_executed(out, language)
        nb = nbformat.read(out, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert f"language = {json.dumps(language)}" in injected[0].source.replace("'", '"')


def test_bad_parameter_fails_before_execution_naming_it(tmp_path):
    notebook = NOTEBOOKS[0]
    for values, needle in [
        ({"language": "fr"}, "language='fr'"),
        ({"jurisdiction": "Shanghai"}, "jurisdiction='Shanghai'"),
        ({"as_of": 2017}, "as_of: expected str, got int"),
        ({"lang": "zh"}, "unknown parameter 'lang'"),
    ]:
        with pytest.raises(ParameterError) as err:
            validate(notebook, values)
        assert needle in str(err.value) and notebook.name in str(err.value)


def test_parameters_are_documented_for_papermill_and_ipdossier():
    notebook = NOTEBOOKS[0]
    helped = subprocess.run(
        [str(BIN / "papermill"), "--help-notebook", str(notebook)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    for name in ("event_id", "language", "jurisdiction", "as_of"):
        assert re.search(rf"^\s+{name}: str", helped.stdout, re.MULTILINE), helped.stdout
    shown = subprocess.run(
        [str(BIN / "ipdossier"), "params", "01_event"], capture_output=True, text=True, timeout=120
    )
    assert shown.returncode == 0
    assert 'allowed: "all", "national", "Beijing", "Tianjin" or "Hebei"' in shown.stdout


def test_a_bad_value_given_to_plain_papermill_stops_at_the_set_up_cell(tmp_path):
    notebook = NOTEBOOKS[0]
    out = tmp_path / "bad.ipynb"
    done = subprocess.run(
        [
            str(BIN / "papermill"),
            "--no-progress-bar",
            str(notebook),
            str(out),
            "-p",
            "language",
            "fr",
            "--cwd",
            str(notebook.parent),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode != 0
    assert "parameter language='fr' must be one of 'en', 'zh'" in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-p", "langauge", "zh"], "unknown parameter 'langauge' (declared: event_id, language, "),
        (["-p", "as_of", "2017-13-45"], "parameter as_of='2017-13-45' must be empty or a date"),
    ],
    ids=["misspelled-name", "impossible-date"],
)
def test_plain_papermill_stops_on_a_name_the_notebook_does_not_declare(tmp_path, args, said):
    # papermill only warns about an unknown name and would run with the defaults.
    done = subprocess.run(
        [str(BIN / "papermill"), "--no-progress-bar", "notebooks/01_event.ipynb",
         str(tmp_path / "out.ipynb"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode != 0, done.stderr[-2000:]
    assert said in done.stderr, done.stderr[-2000:]


PARAMETERS_CELL = (
    'event_id: str = "e"\nlanguage: str = "en"\njurisdiction: str = "all"\nas_of: str = ""'
)


@pytest.mark.parametrize(
    ("history", "unknown"),
    [
        # papermill: the parameters cell, then its injected cell, then the set-up cell.
        (["", PARAMETERS_CELL, '# Parameters\nlangauge = "zh"\n'], "langauge"),
        (["", PARAMETERS_CELL, '# Parameters\nlanguage = "zh"\nas_of = "2017-07-06"\n'], None),
        # A notebook that declares more (a test chapter's `delay`), given it by a build.
        (["", PARAMETERS_CELL + "\ndelay: float = 0.0", "# Parameters\ndelay = 1.5\n"], None),
        # No injected cell (JupyterLab, papermill without -p): nothing to compare.
        (["", PARAMETERS_CELL, "import pandas as pd"], None),
        # An injected cell run after some other cell (out of order in JupyterLab).
        (["", "import pandas as pd", '# Parameters\nlangauge = "zh"\n'], None),
    ],
    ids=["misspelled", "declared", "declared-by-the-notebook", "none-injected", "out-of-order"],
)
def test_set_up_compares_injected_names_with_the_parameters_cell(history, unknown):
    from ipdossier.notebook import _check_injected_names

    if unknown is None:
        _check_injected_names(history)
        return
    with pytest.raises(ParameterError, match=f"unknown parameter '{unknown}'"):
        _check_injected_names(history)


def test_readme_papermill_example_runs_in_chinese_for_hebei(tmp_path):
    # The README's command, as written, from the checkout (the output path aside).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = re.findall(r"^\.venv/bin/papermill (.+)$", readme, re.MULTILINE)
    args = shlex.split(line)
    assert args[:2] == ["notebooks/01_event.ipynb", "out.ipynb"]
    assert args[2:] == ["-p", "language", "zh", "-p", "jurisdiction", "Hebei"]
    out = tmp_path / "out.ipynb"
    done = subprocess.run(
        [str(BIN / "papermill"), "--no-progress-bar", args[0], str(out), *args[2:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    check_executed(out, "zh")
    nb = nbformat.read(out, as_version=4)
    (injected,) = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert 'language = "zh"' in injected.source and 'jurisdiction = "Hebei"' in injected.source
    assert nb.metadata["papermill"]["parameters"] == {"language": "zh", "jurisdiction": "Hebei"}

    # Who came: only people of Hebei organisations (Baoding is in Hebei), by the data.
    d = data.load()
    event = "bth-2017-baoding"
    at_event = {event} | set(d.events.loc[d.events["parent_event_id"] == event, "event_id"])
    roles = d.roles[d.roles["event_id"].isin(at_event)]
    orgs = d.organisations.set_index("org_id")
    in_hebei = orgs.loc[roles["org_id"], "jurisdiction"].eq("Hebei").fillna(False).to_numpy()
    expected = set(roles.loc[in_hebei, "person_id"])
    (who,) = [
        fig
        for cell in nb.cells
        for o in cell.get("outputs", [])
        if (fig := o.get("data", {}).get(PLOTLY)) and fig["layout"]["title"]["text"] == WHO_ZH
    ]
    assert sum(sum(trace["x"]) for trace in who["data"]) == len(expected)
    groups = {y for trace in who["data"] for y in trace["y"]}
    assert groups and groups <= {"河北省", "保定"}, groups


# Chapters whose tables state facts (the summary's scorecard counts the targets chapter's
# verdicts, its glossary defines terms).
SOURCED_TABLES = {"01_event", "02_series", "03_policies", "04_targets"}


# Chinese prose keeps a number with its unit on one line in a span of its own
# (notebook._kept_together): the sentences are read here as text.
NOBR = re.compile(r'<span class=\\"ipd-nobr\\">(.*?)</span>')


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_with_fewer_facts_says_what_is_not_stated(language, kernels, tmp_path):
    """The Tianjin stop (2014) has counts and one speaker but no date, speeches or
    programme: the event chapter says so instead of drawing empty charts, and the series
    chapter marks the stop as the report's event."""
    params = {"language": language, "event_id": "bth-2014-tianjin"}
    texts = {}
    for notebook in NOTEBOOKS:
        out = tmp_path / notebook.name
        execute(notebook, out, validate(notebook, params), variant=language, kernels=kernels)
        if notebook.stem != "03_policies":  # the Tianjin report cites no policy: no chart
            check_executed(out, language)
        texts[notebook.stem] = NOBR.sub(
            r"\1",
            json.dumps(
                [o.get("data", {}) for o in outputs(nbformat.read(out, as_version=4))],
                ensure_ascii=False,
            ),
        )
    event = texts["01_event"]
    said = "本活动的来源未载明" if language == "zh" else "Not stated in the sources for this event"
    # Neither the speeches nor the programme: one sentence says both, under no heading.
    both = t("what_speeches_programme", language)
    assert f"{said}{'：' if language == 'zh' else ': '}{both}" in event
    for heading in ("h_speeches", "h_programme"):
        assert f"# {t(heading, language)}" not in event, heading
    undated = "日期未载明" if language == "zh" else "Its dates are not stated"
    assert undated in event
    assert ("2014年11月13日" if language == "zh" else "13 November 2014") in event
    # The chapters' prose is this event's, not the seed article's.
    assert "Baoding" not in event and "保定" not in event
    first = "第1站" if language == "zh" else "was the 1st of the connecting activities"
    assert first in texts["02_series"]
    # The policies chapter says the event's report cites none, in words (a notebook that
    # raised would have failed `execute`).
    none = t("what_policies", language)
    assert f"{said}{'：' if language == 'zh' else ': '}{none}" in texts["03_policies"]
    # The targets chapter draws its plans for any event.
    assert PLOTLY in texts["04_targets"]
    assert "2014 National IP Service Brand Agencies" in event or "2014年全国" in event
    # The lower bound, drawn as such (150+ in English, 150余 in Chinese).
    assert ("100余" if language == "zh" else "100+") in event
    # The series map marks the Tianjin stop (big marker), and only it, as this event.
    series = nbformat.read(tmp_path / "02_series.ipynb", as_version=4)
    # One trace per kind of marker (its legend shows its colour): the event's own trace.
    mine = "this dossier's event" if language == "en" else "本报告所述活动"
    marked = [
        label
        for o in outputs(series)
        for trace in o.get("data", {}).get(PLOTLY, {}).get("data", [])
        if trace.get("name") == mine
        for label in trace["text"]
    ]
    assert len(marked) == 1 and ("Tianjin" in marked[0] or "天津" in marked[0]), marked


def test_a_notebook_run_waits_for_late_output_as_a_loaded_machine_needs(monkeypatch, tmp_path):
    # papermill turns nbclient's 4 s wait for a cell's remaining output into an error: a
    # 16-variant run on a loaded machine failed so in 02_series with a correct notebook.
    # The build asks for a longer wait; this reads what the client was given.
    from papermill.clientwrap import PapermillNotebookClient

    seen = {}
    init = PapermillNotebookClient.__init__

    def spy(self, *args, **kwargs):
        init(self, *args, **kwargs)
        seen["iopub_timeout"] = self.iopub_timeout
        seen["raise"] = self.raise_on_iopub_timeout

    monkeypatch.setattr(PapermillNotebookClient, "__init__", spy)
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    execute(path, tmp_path / "out.ipynb", {}, variant="default", cwd=tmp_path)
    assert seen["iopub_timeout"] >= 60, seen
