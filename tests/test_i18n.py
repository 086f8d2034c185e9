"""One catalogue of the package's own strings, complete in both languages."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from ipdossier import i18n

SRC = Path(i18n.__file__).parent


def test_every_key_has_english_and_chinese():
    entries = tomllib.loads((SRC / "labels.toml").read_text(encoding="utf-8"))
    assert entries
    for key, entry in entries.items():
        assert set(entry) == {"en", "zh"}, key
        assert entry["en"].strip() and entry["zh"].strip(), key
        # Chinese labels are Chinese: words in English have CJK characters in Chinese
        # (a separator such as "、" has no letters in either language).
        if re.search(r"[A-Za-z]{2}", re.sub(r"{\w+}", "", entry["en"])):
            assert re.search(r"[\u4e00-\u9fff]", entry["zh"]), (key, entry["zh"])
        # A placeholder in one language is in the other.
        assert set(re.findall(r"{\w+}", entry["en"])) == set(re.findall(r"{\w+}", entry["zh"]))


def test_a_missing_key_or_language_is_an_error_not_an_echo():
    with pytest.raises(i18n.MissingLabel, match="no label 'no such label'"):
        i18n.t("no such label", "zh")
    with pytest.raises(i18n.MissingLabel, match="no 'fr' form"):
        i18n.t("contents", "fr")
    assert i18n.t("contents", "zh") == "目录"


def test_one_mechanism_no_module_registers_labels_of_its_own():
    """Labels live in labels.toml only: no label dicts or add() calls in the modules."""
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                where = f"{path.name}:{node.lineno}"
                assert not keys >= {"en", "zh"}, f"{where}: labels belong in labels.toml"
            if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith("i18n"):
                assert "add" not in {a.name for a in node.names}, path.name


def test_literal_keys_used_in_the_code_are_in_the_catalogue():
    used = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                used.add(node.args[0].value)
    assert len(used) > 50
    missing = sorted(k for k in used if not i18n.has(k))
    assert not missing, missing


def test_the_catalogue_ships_with_the_package():
    pyproject = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "labels.toml" in pyproject["tool"]["setuptools"]["package-data"]["ipdossier"]


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th")]
    + [(21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th"), (112, "112th")],
)
def test_english_ordinals_take_their_suffix(n, text):
    assert i18n.ordinal(n) == text


def test_dates_and_positions_in_chinese_prose():
    day = pd.Timestamp("2017-07-05")
    assert i18n.long_date(day) == "5 July 2017"
    assert i18n.long_date(day, "zh") == "2017年7月5日"
    assert i18n.month("2014-11") == "November 2014"
    assert i18n.month("2014-11-03", "zh") == "2014年11月"
    # The sentence frames a Chinese position (第9站): the bare number.
    assert i18n.ordinal(9, "zh") == "9"


def test_a_policy_is_titled_in_chinese_only_from_its_official_title():
    both = pd.Series({"title": "Outline", "title_zh": "纲要"})
    english_only = pd.Series({"title": "Outline", "title_zh": float("nan")})
    assert i18n.policy_title(both) == "Outline (纲要)"
    assert i18n.policy_title(both, "zh") == "纲要"
    # No official Chinese title: the English one stays, never a made-up translation.
    assert i18n.policy_title(english_only, "zh") == "Outline"
    assert i18n.policy_title(english_only) == "Outline"
