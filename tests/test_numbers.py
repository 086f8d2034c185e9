"""Counts as newspapers print them: the value and the hedge, read without a build.

The extractor and `ipdossier check` both lean on these; each case is one a source prints.
"""

from __future__ import annotations

import pytest

from ipdossier.extract.counts import counts
from ipdossier.numbers import parse_count, parse_number, qualifier_of, words_to_int


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("Nine", 9),
        ("twenty-one", 21),
        ("one hundred and fifty", 150),
        ("one thousand two hundred and thirty-four", 1234),
        ("fifteen hundred", 1500),
        ("three million", 3_000_000),
        ("zero", 0),
        ("ninth", 9),
        ("twenty-first", 21),
        ("Thirtieth", 30),
    ],
)
def test_number_words_have_their_value(words, value):
    assert words_to_int(words) == value


@pytest.mark.parametrize("words", ["one two", "first second", "nine ten", "and", "", "dozen"])
def test_a_run_of_words_that_is_not_one_number_has_no_value(words):
    # Summing them ("one two" -> 3) would invent a count no one printed.
    assert words_to_int(words) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nearly 1,000 people", 1000),
        ("2.5 per cent", 2.5),
        ("the 12th forum", 12),
        ("Forty-two agencies", 42),
        ("tens of thousands of visitors", 10_000),
        ("hundreds of firms", 100),
        ("no figure is given", None),
    ],
)
def test_parse_number_reads_the_first_number(text, value):
    got = parse_number(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than 150 people", "at_least"),
        ("over 1950 forms", "at_least"),
        ("nearly 1,000", "approximately"),
        ("some 300 guests", "approximately"),
        ("up to 30 seats", "at_most"),
        # The longest hedge wins: "no more than" is a ceiling, not "more than".
        ("no more than 12", "at_most"),
        ("fewer than twenty-five", "at_most"),
        ("150 people", "exact"),
        ("the 12th forum", "exact"),
        # "moreover" is not "over": a hedge is a whole phrase.
        ("moreover 40 firms", "exact"),
        ("hundreds of firms", "at_least"),
    ],
)
def test_qualifier_is_the_hedge_before_the_number(text, qualifier):
    assert qualifier_of(text) == qualifier


def test_parse_count_gives_value_and_qualifier():
    assert parse_count("more than 150") == (150, "at_least")
    assert parse_count("nearly 1,000") == (1000, "approximately")
    assert parse_count("Nine") == (9, "exact")
    assert parse_count("  Over   1950 forms ") == (1950, "at_least")
    assert parse_count("no number") == (None, "exact")


def test_a_hedged_four_digit_number_is_a_count_not_a_year():
    (count,) = counts(0, "The office received over 1950 forms.")
    assert (count.value, count.qualifier, count.noun, count.ordinal) == (
        1950,
        "at_least",
        "forms",
        False,
    )
    assert counts(0, "The office was founded in 1950.") == []


def test_an_ordinal_is_a_position_not_a_count():
    (count,) = counts(0, "It was the 12th forum of its kind.")
    assert (count.value, count.noun, count.ordinal) == (12, "forum", True)
    (count,) = counts(0, "the twenty-first session")
    assert (count.value, count.ordinal) == (21, True)
