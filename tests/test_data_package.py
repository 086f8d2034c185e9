"""The curated package: valid, complete, and true to its source."""

from __future__ import annotations

import pandas as pd
import pytest

from ipdossier import data
from ipdossier.check import check


def test_real_package_is_valid(sources):
    assert [str(p) for p in check(sources_directory=sources)] == []


@pytest.fixture(scope="module")
def dossier():
    return data.load()


# What the article states, figure by figure: (value, qualifier, unit).
EXPECTED_FIGURES = {
    "attendees": (150, "at_least", "people"),
    "brand-agencies": (18, "exact", "agencies"),
    "speaking-agencies": (4, "exact", "agencies"),
    "parts": (4, "exact", "parts"),
    "series-position": (9, "exact", "ordinal"),
    "series-reach": (1000, "approximately", "enterprises and public institutions"),
    "negotiating-agencies": (18, "exact", "agencies"),
    "symposium-districts": (3, "exact", "districts"),
    "enterprise-types": (3, "exact", "types of enterprises"),
    "companies-compared": (2, "exact", "companies"),
    # The Tianjin stop (2014), from the Tianjin Daily report: 18家, 100余家.
    "tj-brand-agencies": (18, "exact", "agencies"),
    "tj-participants": (100, "at_least", "enterprises and service agencies"),
    # The Ji'nan symposium, from CNIPA's English report: "A total of 69 officials ...
    # from 42 countries".
    "jinan-officials": (69, "exact", "officials"),
    "jinan-countries": (42, "exact", "countries"),
}


def test_every_figure_with_its_qualifier(dossier):
    figures = dossier.figures.set_index("figure_id")
    assert set(figures.index) == set(EXPECTED_FIGURES)
    for fid, (value, qualifier, unit) in EXPECTED_FIGURES.items():
        row = figures.loc[fid]
        assert (row["value"], row["qualifier"], row["unit"]) == (value, qualifier, unit), fid


def test_tables_are_typed(dossier):
    figures = dossier.figures
    assert str(figures["value"].dtype) == "Int64"
    assert str(figures["headline"].dtype) == "boolean"
    event = dossier.events.set_index("event_id").loc["bth-2017-baoding"]
    assert event["start_date"] == pd.Timestamp("2017-07-05")
    assert event["end_date"] == pd.Timestamp("2017-07-06")
    assert "but not the year" in event["date_basis"]


def test_unknowns_stay_empty(dossier):
    series = dossier.series.set_index("position")
    assert list(series["place"]) == [
        "Tianjin",
        "Shaanxi",
        "Guizhou",
        "Heilongjiang",
        "Fujian",
        "Qingdao",
        "Henan",
        "Chongqing",
        "Baoding, Hebei",
    ]
    assert series.loc[1:8, "date"].isna().all()
    assert series["participants"].isna().all()
    orgs = dossier.organisations.set_index("org_id")
    assert pd.isna(orgs.loc["cptd", "jurisdiction"])
    assert orgs.loc["cptd", "jurisdiction_basis"] == "unknown"


def test_people_and_roles(dossier):
    named = {
        "Liu Jufang",
        "Gao Zhenfeng",
        "Ge Qingmin",
        "Li Zhong",
        "Guo Wenqiang",
        "Chang Shengmao",
        "Zheng Cong",
        "Wu Wei",
        "Huang Xiangcheng",
        "Zhao Jinglian",
        "Wang Dedao",
        "Chen Xuefeng",
        "Zhang Jiangang",
        "Pan Xiaomei",
        "Ding Pu",
    }
    assert named <= set(dossier.people["name"])
    roles = dossier.roles.merge(dossier.people, on="person_id")
    by_name = roles.groupby("name")["event_role"].apply(set)
    assert by_name["Liu Jufang"] == {"launch address"}
    assert by_name["Guo Wenqiang"] == {"attendance", "symposium"}
    assert by_name["Ding Pu"] == {"keynote"}
    assert by_name["Zhao Jinglian"] == {"speech"}


def test_source_spellings_kept(dossier):
    orgs = dossier.organisations.set_index("org_id")
    assert orgs.loc["hebei-ipo", "name"] == "Hebei Provincial Intellectual Property Office"
    assert "Heibei" in orgs.loc["hebei-ipo", "name_as_printed"]
    roles = dossier.roles.set_index("role_id")
    assert roles.loc["r-wu", "title_as_printed"] == "the deputy genera l manager"


def test_policies_cited(dossier):
    policies = dossier.policies.set_index("policy_id")
    for pid in (
        "fyp13-ip",
        "ip-pilots-plan",
        "clg-30",
        "service-outline",
        "hebei-ip-protection",
        "hebei-powerful-ip",
        "hebei-innovation-decision",
        "bth-synergy",
        "belt-road",
        "yangtze",
        "mass-innovation",
        "baoding-strategy",
    ):
        assert pid in policies.index
    assert policies.loc["service-outline", ["period_start", "period_end"]].tolist() == [2017, 2025]
    hebei = policies.loc[policies.jurisdiction == "Hebei", "level"]
    assert set(hebei) == {"provincial", "municipal"}
    # Official facts only with a page read that states them.
    ev = dossier.policy_evidence
    evidenced = set(zip(ev["policy_id"], ev["field"], strict=True))
    for pid in policies.dropna(subset=["title_zh"]).index:
        assert (pid, "title_zh") in evidenced, pid
    cited = dossier.citations.merge(dossier.people, on="person_id")
    assert set(cited.loc[cited.name == "Gao Zhenfeng", "policy_id"]) == {
        "hebei-ip-protection",
        "hebei-powerful-ip",
        "hebei-innovation-decision",
    }


def test_a_municipality_under_the_central_government_is_provincial_level(dossier):
    """Tianjin's target stood in the hierarchy's "Municipal" column beside Baoding's: the
    four municipalities under the central government (直辖市) are province-level units,
    as the package's own jurisdiction column treats them."""
    p = dossier.policies
    direct = p["jurisdiction"].isin(["Beijing", "Tianjin", "Shanghai", "Chongqing"])
    assert direct.any()
    assert set(p.loc[direct, "level"]) <= {"provincial"}, p.loc[direct, ["policy_id", "level"]]
