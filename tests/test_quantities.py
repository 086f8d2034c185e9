"""What a quote states, read without the data package: amounts scaled to absolute values
with their hedge, in English, simplified and traditional Chinese.

tests/test_targets.py checks whole quotes against recorded values; these pin the reading
of single phrases, so a regression names the phrase it breaks.
"""

from __future__ import annotations

import pytest

from ipdossier.quantities import quantities, simplify


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("more than 3.5 million visitors", 3_500_000, "at_least"),
        ("1.2bn yuan", 1_200_000_000, "exact"),
        ("exceeded 2,000", 2000, "at_least"),
        ("about 300 firms", 300, "approximately"),
        ("under 40", 40, "at_most"),
        ("2.5万件", 25_000, "exact"),
        ("370亿元左右", 37_000_000_000, "approximately"),
        ("100余家", 100, "at_least"),
        ("3件以上", 3, "at_least"),
        ("50以内", 50, "at_most"),
        ("不到50家", 50, "at_most"),
        ("一百二十家", 120, "exact"),
        ("近千人", 1000, "approximately"),
        ("約1000人", 1000, "approximately"),  # traditional 約 reads as 约
        # Issue 22: a scale character after digits scales them (近3千件 is not 31000).
        ("近3千件", 3000, "approximately"),
        ("5千余名", 5000, "at_least"),
        ("1.2万余", 12_000, "at_least"),
        ("两百余", 200, "at_least"),
        ("about 300 billion yuan", 300_000_000_000, "approximately"),
    ],
)
def test_one_phrase_one_amount_with_its_hedge(text, value, qualifier):
    (q,) = quantities(text)
    assert (q.value, q.qualifier) == (value, qualifier)


@pytest.mark.parametrize("text", ["万件", "两岸", "两会", "两个合作区", "no number here"])
def test_a_lone_scale_character_or_no_digit_is_not_a_number(text):
    # 万 in 万件 is a unit of count, not ten thousand of something; 两 alone is two only
    # before the measure words of bodies and people.
    assert quantities(text) == []


@pytest.mark.parametrize("text", ["两家", "两名"])
def test_two_bodies_or_people_counted_with_a_lone_liang(text):
    # 两家外资企业代表分享, 福建、浙江两家: counts in the gold (eleventh session)
    assert [(q.value, q.qualifier) for q in quantities(text)] == [(2.0, "exact")]


def test_simplify_folds_traditional_characters_and_full_width_forms():
    assert simplify("國發〔2016〕86號 ＡＢＣ１２") == "国发〔2016〕86号 ABC12"
