"""`ipdossier extract`: drafts from articles, compared with the curated package."""

from __future__ import annotations

import csv
import json
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from ipdossier import data
from ipdossier.check import check
from ipdossier.cli import app
from ipdossier.extract.apply import ApplyError, apply
from ipdossier.extract.article import ArticleError, read_article
from ipdossier.extract.diff import diff
from ipdossier.extract.draft import REVIEW, extract
from ipdossier.extract.typos import fix

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def real(sources):
    d = data.load()
    row = d.sources.iloc[0]
    return extract(sources / row["file_name"], source_id=row["source_id"]), d


def _span_holds(curated, draft) -> bool:
    return (
        int(draft["para"]) == int(curated["para"])
        and int(draft["char_start"]) < int(curated["char_end"])
        and int(curated["char_start"]) < int(draft["char_end"])
    )


def test_every_curated_figure_is_found_with_its_qualifier_and_locator(real):
    draft, d = real
    found = draft.tables["figures"]
    curated = d.figures[d.figures["source_id"] == "chinaip-1456"]
    for _, cur in curated.iterrows():
        hits = [r for _, r in found.iterrows() if _span_holds(cur, r)]
        assert hits, f"{cur['figure_id']} ({cur['quote']}) not found"
        hit = hits[0]
        assert int(hit["value"]) == int(cur["value"]), cur["figure_id"]
        assert hit["qualifier"] == cur["qualifier"], cur["figure_id"]
        # The printed number the curated row claims lies inside the draft's span.
        line = read_article(draft.article.path).paragraphs[int(hit["para"]) - 1]
        assert cur["value_as_printed"] in line[int(hit["char_start"]) : int(hit["char_end"])]
        assert hit["quote"] == line[int(hit["char_start"]) : int(hit["char_end"])]
    assert len(found) == len(curated)  # and nothing that is not a count


def test_every_curated_person_is_found_with_title_and_organisation(real):
    draft, d = real
    people = draft.tables["people"].set_index("name")
    roles = draft.tables["roles"]
    orgs = draft.tables["organisations"].set_index("org_id")
    cur_orgs = d.organisations.set_index("org_id")
    for _, person in d.people[d.people["source_id"] == "chinaip-1456"].iterrows():
        assert person["name"] in people.index, person["name"]
        mine = people.loc[person["name"]]
        # The first mention, exactly where the curated package has it.
        assert (int(mine["para"]), int(mine["char_start"]), int(mine["char_end"])) == (
            int(person["para"]),
            int(person["char_start"]),
            int(person["char_end"]),
        )
        cur_roles = d.roles[d.roles["person_id"] == person["person_id"]]
        drafted = roles[roles["person_id"] == mine["person_id"]]
        for _, cur in cur_roles.iterrows():
            match = [r for _, r in drafted.iterrows() if _span_holds(cur, r)]
            assert match, f"{person['name']}: role at para {cur['para']} not found"
            r = match[0]
            assert fix(r["title_as_printed"]).lower() in fix(cur["title_as_printed"]).lower()
            org = cur_orgs.loc[cur["org_id"]]
            printed = org["name_as_printed"] if pd.notna(org["name_as_printed"]) else org["name"]
            drafted_org = fix(orgs.loc[r["org_id"], "name"]).lower()
            # The organisation as curated, or as the role's own quote prints it.
            assert drafted_org in (fix(printed).lower(), fix(org["name"]).lower()) or (
                drafted_org in fix(cur["quote"]).lower()
            ), drafted_org


def test_draft_locators_pass_the_package_check(real, tmp_path, sources):
    draft, _ = real
    line_of = read_article(draft.article.path).paragraphs
    for name, table in draft.tables.items():
        if "para" not in table:
            continue
        for _, row in table.iterrows():
            span = line_of[int(row["para"]) - 1][int(row["char_start"]) : int(row["char_end"])]
            assert span == row["quote"], (name, row.iloc[0])


def test_citation_metadata_of_the_source(real):
    draft, d = real
    src = draft.tables["sources"].iloc[0]
    cur = d.sources.iloc[0]
    for column in ("title", "author", "sha256", "section"):
        assert src[column] == cur[column], column
    assert int(src["article_last_line"]) == int(cur["article_last_line"])
    assert cur["publication"].startswith(src["publication"])
    event = draft.tables["events"].iloc[0]
    assert event["name"] == d.events.set_index("event_id").loc["bth-2017-baoding", "name"]
    assert event["start_date"] == "" and "year not printed" in event["date_basis"]


def test_policies_cited_are_found(real):
    draft, d = real
    titles = {fix(t).lower() for t in draft.tables["policies"]["title"]}
    # The documents this article cites (others in the package come from official pages).
    documents = d.policies[
        d.policies["kind"].isin(["plan", "opinions", "decision", "outline"])
        & (d.policies["source_id"] == "chinaip-1456")
    ]
    for _, p in documents.iterrows():
        printed = p["title_as_printed"] if pd.notna(p["title_as_printed"]) else p["title"]
        assert fix(printed).lower() in titles, printed


def test_diff_of_the_real_article_finds_no_conflict(real):
    draft, _ = real
    result = diff(draft.tables)
    assert result.curated_source == "chinaip-1456"
    assert not result.conflicts
    assert not result.missing.get("figures") and not result.missing.get("people")
    assert result.same["figures"] == 10


# -- articles the team wrote in the same style ---------------------------------------------


def rows(draft, table):
    return draft.tables[table]


def test_word_numbers_hedges_and_several_people_in_one_sentence():
    draft = extract(ARTICLES / "shenzhen-forum.txt")
    got = {
        (int(r["value"]), r["qualifier"], r["metric"]) for _, r in rows(draft, "figures").iterrows()
    }
    assert {
        (200, "at_least", "delegates"),
        (30, "approximately", "companies"),
        (10000, "at_least", "visitors"),
        (9, "exact", "agencies"),
        (1500, "approximately", "enterprises and public institutions"),
        (12, "at_least", "workshops"),
        (40, "at_least", "participants"),
    } <= got
    # Years, dates and "the traditional one" are not counts; furniture ("3 answers") is cut;
    # the "four-day forum" is a duration, not a count (issue 22).
    assert not {v for v, _, _ in got} & {2018, 12_14, 3, 1, 4}
    roles = rows(draft, "roles").set_index("person_id")
    orgs = rows(draft, "organisations").set_index("org_id")
    expected = {
        "wang-hua": ("director", "Guangdong Intellectual Property Office"),
        "li-ming": ("president", "Shenzhen IP Association"),
        "chen-gang": ("vice mayor", "Shenzhen municipality"),
        "zhou-lei": ("chief engineer", "Huawei Technologies Co., Ltd."),
        "sun-yue": ("deputy general manager", "Pearl River IP Agency"),
    }
    for pid, (title, org) in expected.items():
        assert roles.loc[pid, "title"] == title
        assert orgs.loc[roles.loc[pid, "org_id"], "name"] == org
    assert draft.article.last_line == 8
    policies = set(rows(draft, "policies")["title"])
    assert policies == {"Guangdong Opinions on Strengthening IP Protection and Application"}
    event = rows(draft, "events").iloc[0]
    assert event["name"] == "Guangdong-Hong Kong-Macao IP Services Connect"
    # The year is not printed: the basis says so and names the years the text gives.
    assert event["date_basis"].startswith('Printed: "March 12-14"; year not printed')
    assert "2018 (para 8)" in event["date_basis"] and event["start_date"] == ""
    assert event["place"] == "Shenzhen"


def test_html_article_without_page_furniture(tmp_path):
    draft = extract(ARTICLES / "hangzhou-seminar.html", source_id="hz")
    assert draft.article.from_html
    got = {(int(r["value"]), r["qualifier"]) for _, r in rows(draft, "figures").iterrows()}
    assert got == {(300, "approximately"), (20, "at_most")}  # not nav, footer or script
    event = rows(draft, "events").iloc[0]
    assert (event["name"], event["start_date"]) == ("Zhejiang Patent Quality", "2019-05-08")
    folder = draft.write(tmp_path)
    text = (folder / "hz.txt").read_text(encoding="utf-8").split("\n")
    for _, r in rows(draft, "figures").iterrows():
        assert text[int(r["para"]) - 1][int(r["char_start"]) : int(r["char_end"])] == r["quote"]


def test_scrape_typos_are_tolerated_and_normalised():
    draft = extract(ARTICLES / "shenzhen-forum.txt")
    assert fix("Heibei provincial office") == "Hebei provincial office"
    assert fix("the deputy genera l manager") == "the deputy general manager"
    assert fix("Beijing- Tianjin-Hebei") == "Beijing-Tianjin-Hebei"
    sun = rows(draft, "roles").set_index("person_id").loc["sun-yue"]
    assert sun["title_as_printed"] == "deputy genera l manager"  # the quote keeps the source


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "only white space"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "binary data (NUL bytes)"),
        ("Titel \u00e9".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_unreadable_input_gets_a_clear_error(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        extract(path)
    assert str(path) in str(err.value) and message in str(err.value)
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert message in result.output


def test_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_ten_megabyte_input_is_bounded(tmp_path):
    body = (ARTICLES / "shenzhen-forum.txt").read_text(encoding="utf-8").split("\n\n\nMember")[0]
    paragraphs = "\n".join(body.split("\n")[4:])
    copies = 10 * 1024 * 1024 // len(paragraphs) + 1
    big = tmp_path / "big.txt"
    big.write_text("A long feed\n\n" + "\n".join([paragraphs] * copies), encoding="utf-8")
    assert big.stat().st_size >= 10 * 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    try:
        draft = extract(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Bounds, not a benchmark: linear work on a 10 MB text, memory a small multiple of it.
    assert time.monotonic() - started < 300
    assert peak < 500 * 2**20
    # The same nine facts, each one row with every place it is stated.
    figures = draft.tables["figures"]
    assert len(figures) == 8  # the fixture's figures less its duration ("four-day forum")
    assert set(figures["mentions"]) == {copies}
    assert all(r.endswith(f"({copies - 1 - 50} more)") for r in figures["also_at"])


# -- diff and apply --------------------------------------------------------------------------


def test_diff_reports_conflicts_new_and_missing(real, tmp_path):
    draft, _ = real
    folder = draft.write(tmp_path)
    figures = pd.read_csv(folder / "figures.csv", dtype=str, keep_default_na=False)
    attendees = figures["value_as_printed"] == "more than 150"
    figures.loc[attendees, "value"] = "160"
    figures = figures[figures["value_as_printed"] != "three"]
    figures.to_csv(folder / "figures.csv", index=False)
    people = pd.read_csv(folder / "people.csv", dtype=str, keep_default_na=False)
    people.loc[len(people)] = {**people.iloc[0].to_dict(), "person_id": "new", "name": "Ma Li"}
    people.to_csv(folder / "people.csv", index=False)
    result = CliRunner().invoke(app, ["extract", "--diff", str(folder)])
    assert result.exit_code == 0
    assert "draft 160 at_least, curated attendees 150 at_least" in result.output
    assert "missing: symposium-districts" in result.output
    assert "new: people.csv row" in result.output and "(Ma Li)" in result.output


@pytest.fixture
def article_dir(tmp_path, sources) -> Path:
    """A sources folder holding the real article and a team-written one (sz.txt)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "sz.txt").write_bytes((ARTICLES / "shenzhen-forum.txt").read_bytes())
    for f in sources.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    return folder


def _mark(folder: Path, table: str, ids: set[str] | None = None, **values) -> None:
    path = folder / f"{table}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if ids is None or next(iter(row.values())) in ids:
            row[REVIEW] = "yes"
            row.update(values)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_apply_merges_only_reviewed_rows_and_only_when_valid(tmp_path, data_copy, article_dir):
    draft = extract(article_dir / "sz.txt", source_id="sz")
    folder = draft.write(tmp_path / "drafts")
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}

    with pytest.raises(ApplyError, match="no row is marked reviewed"):
        apply(folder, data=data_copy, sources=article_dir)

    # Figures reviewed, but their event is not: the foreign key fails and nothing changes.
    _mark(folder, "figures")
    with pytest.raises(ApplyError) as err:
        apply(folder, data=data_copy, sources=article_dir)
    assert any("event_id" in str(p) for p in err.value.problems)
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before

    # The event names its host and organiser: they come with it, or the key fails.
    _mark(folder, "events")
    with pytest.raises(ApplyError) as err:
        apply(folder, data=data_copy, sources=article_dir)
    assert any("organiser_org_id" in str(p) or "host_org_id" in str(p) for p in err.value.problems)
    event = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False).iloc[0]
    _mark(folder, "organisations", {event["host_org_id"], event["organiser_org_id"]})
    added = apply(folder, data=data_copy, sources=article_dir)
    assert added == {"sources": 1, "events": 1, "figures": 8, "organisations": 2}
    assert check(data_copy, article_dir) == []
    merged = data.load(data_copy)
    assert set(merged.figures.loc[merged.figures["source_id"] == "sz", "value"]) >= {200, 10000}
    # The curated rows are untouched.
    assert (data_copy / "people.csv").read_bytes() == before["people.csv"]


def test_apply_refuses_rows_missing_what_the_schema_requires(tmp_path, data_copy, article_dir):
    folder = extract(article_dir / "sz.txt", source_id="sz").write(tmp_path / "drafts")
    for table in ("events", "people", "organisations", "roles"):
        _mark(folder, table)
    with pytest.raises(ApplyError) as err:
        apply(folder, data=data_copy, sources=article_dir)
    assert any("roles.csv" in str(p) and "event_role" in str(p) for p in err.value.problems)
    # Named by the draft's own file and row, the one to edit, not the merged copy's.
    drafted = {r["role_id"]: i + 2 for i, r in enumerate(_rows(folder / "roles.csv"))}
    role_problems = [p for p in err.value.problems if p.file.endswith("roles.csv")]
    assert role_problems and all(p.file == str(folder / "roles.csv") for p in role_problems)
    assert {p.row for p in role_problems} <= set(drafted.values())
    _mark(folder, "roles", event_role="speech")
    added = apply(folder, data=data_copy, sources=article_dir)
    assert added["roles"] == 5 and added["people"] == 5


# -- the command line, as the README runs it ----------------------------------------------


def _invoke(*args: str):
    return CliRunner().invoke(app, ["extract", *args])


def _csvs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def package(data_copy, article_dir, monkeypatch) -> Path:
    """data/ as `extract --apply` finds it: the copy, with the articles beside it."""
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    monkeypatch.setenv("IPDOSSIER_SOURCES", str(article_dir))
    return data_copy


def test_cli_extract_then_apply_only_reviewed_rows(tmp_path, package, article_dir):
    done = _invoke(
        "draft", str(article_dir / "sz.txt"), "--source-id", "sz", "--out", str(tmp_path)
    )
    assert done.exit_code == 0, done.output
    folder = Path(re.search(r"draft written to (\S+)", done.output).group(1))
    assert folder.parent == tmp_path and f"ipdossier extract apply {folder}" in done.output
    before = _csvs(package)

    refused = _invoke("apply", str(folder))
    assert refused.exit_code == 1
    assert "no row is marked reviewed" in refused.output
    assert _csvs(package) == before

    # The drafted event names its host and organiser: they are applied with it.
    reviewed = ("events", "figures", "organisations")
    for table in reviewed:
        _mark(folder, table)
    drafted = {t: len(_rows(folder / f"{t}.csv")) for t in reviewed}
    applied = _invoke("apply", str(folder))
    assert applied.exit_code == 0, applied.output
    assert applied.output.startswith("applied: 1 sources"), applied.output
    for table, count in drafted.items():
        assert f"{count} {table}" in applied.output, (table, applied.output)
    assert check(package, article_dir) == []
    merged = data.load(package)
    assert (merged.figures["source_id"] == "sz").sum() == drafted["figures"]
    assert (merged.events["source_id"] == "sz").sum() == drafted["events"]
    # Tables with nothing reviewed are untouched.
    for name in ("people.csv", "roles.csv", "policies.csv"):
        assert (package / name).read_bytes() == before[name], name


def test_cli_apply_all_takes_unreviewed_rows_only_when_the_package_stays_valid(
    tmp_path, package, article_dir
):
    folder = extract(article_dir / "sz.txt", source_id="sz").write(tmp_path / "drafts")
    before = _csvs(package)
    assert _invoke("apply", str(folder)).exit_code == 1  # nothing reviewed

    # Every row, reviewed or not: the drafted roles lack the role the schema requires.
    refused = _invoke("apply", "--all", str(folder))
    assert refused.exit_code == 1
    assert "roles.csv" in refused.output and "event_role" in refused.output
    assert _csvs(package) == before

    roles = _rows(folder / "roles.csv")
    for row in roles:
        row["event_role"] = "speech"  # filled in, still not marked reviewed
    with open(folder / "roles.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(roles[0]))
        writer.writeheader()
        writer.writerows(roles)
    applied = _invoke("apply", "--all", str(folder))
    assert applied.exit_code == 0, applied.output
    for table in ("events", "figures", "people", "roles"):
        count = len(_rows(folder / f"{table}.csv"))
        assert f"{count} {table}" in applied.output, (table, applied.output)
    assert check(package, article_dir) == []
    merged = data.load(package)
    assert (merged.roles["source_id"] == "sz").sum() == len(roles)


def test_cli_diff_json(real, tmp_path):
    draft, d = real
    folder = draft.write(tmp_path / "drafts")
    done = _invoke("diff", "--json", str(folder))
    assert done.exit_code == 0, done.output
    result = json.loads(done.output)
    assert set(result) == {"curated_source", "same", "new", "conflicts", "missing"}
    assert result["curated_source"] == d.sources.iloc[0]["source_id"]
    assert not any(result["conflicts"].values())
    article = (d.figures["source_id"] == d.sources.iloc[0]["source_id"]).sum()
    assert result["same"]["figures"] == article

    # The article itself gives the same answer, and writes no draft.
    drafts = Path.cwd() / "drafts"
    before = sorted(drafts.iterdir()) if drafts.is_dir() else []
    direct = _invoke("diff", "--json", str(draft.article.path))
    assert direct.exit_code == 0, direct.output
    assert json.loads(direct.output)["same"] == result["same"]
    assert (sorted(drafts.iterdir()) if drafts.is_dir() else []) == before

    # A changed count is a conflict, in JSON too.
    figures = _rows(folder / "figures.csv")
    (changed,) = [r for r in figures if r["value_as_printed"] == "more than 150"]
    changed["value"] = "160"
    with open(folder / "figures.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(figures[0]))
        writer.writeheader()
        writer.writerows(figures)
    conflicted = json.loads(_invoke("diff", "--json", str(folder)).output)
    assert len(conflicted["conflicts"]["figures"]) == 1
    assert "160" in json.dumps(conflicted["conflicts"]["figures"])
    assert conflicted["same"]["figures"] == article - 1


def test_apply_keys_rows_by_the_descriptors_primary_key(tmp_path, data_copy, sources):
    """names_zh is keyed by (resource, key, column), as the descriptor declares: a new
    Chinese form for a value is added, and one for a value that has a form already is
    refused by that key (a first-column key would refuse both, or let both through)."""
    folder = tmp_path / "draft"
    folder.mkdir()
    (folder / "draft.json").write_text(json.dumps({"source_id": "chinaip-1456"}))
    shutil.copyfile(data_copy / "sources.csv", folder / "sources.csv")
    header = "resource,key,column,zh,basis,source_id,quote,reviewed\n"
    new = "series_facts,1:place:D077,value,天津市东丽区华明高新区,translation,,,yes\n"
    (folder / "names_zh.csv").write_text(header + new, encoding="utf-8")
    assert apply(folder, data=data_copy, sources=sources) == {"sources": 0, "names_zh": 1}
    again = "organisations,sipo,name,国家知识产权局,translation,,,yes\n"
    (folder / "names_zh.csv").write_text(header + again, encoding="utf-8")
    with pytest.raises(ApplyError, match=r"resource, key, column already in the package: "
                       r"organisations, sipo, name"):  # fmt: skip
        apply(folder, data=data_copy, sources=sources)


def test_draft_tables_have_their_schemas_columns():
    from ipdossier import schema
    from ipdossier.extract.draft import NOTE

    draft = extract(ARTICLES / "shenzhen-forum.txt")
    for name in ("figures", "people", "organisations", "roles", "policies"):
        columns = list(draft.tables[name].columns)
        assert columns[: len(schema.columns(name)) + 1] == [*schema.columns(name), NOTE], name
