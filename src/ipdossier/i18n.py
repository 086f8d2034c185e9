"""Labels in English and Chinese.

Interface strings (chart titles, axis labels, headings) are translated here. Names from
the data are shown in Chinese only where the data package holds a Chinese form read
from an official source (`title_zh`); otherwise the English form is kept, never a
translation made up on the fly.
"""

from __future__ import annotations

import pandas as pd

LABELS: dict[str, dict[str, str]] = {
    # report furniture
    "dossier_title": {"en": "IP Service Policy Dossier", "zh": "知识产权服务政策档案"},
    "contents": {"en": "Contents", "zh": "目录"},
    "sources": {"en": "Sources", "zh": "资料来源"},
    "source": {"en": "Source", "zh": "来源"},
    "parameters": {"en": "Parameters", "zh": "参数"},
    "data_version": {"en": "Data version", "zh": "数据版本"},
    "generated": {"en": "Generated", "zh": "生成日期"},
    "page_of": {"en": "Page {page} of {total}", "zh": "第 {page} 页，共 {total} 页"},
    "unknown": {"en": "unknown", "zh": "未知"},
    "not_stated": {"en": "not stated", "zh": "原文未说明"},
    "nothing_in_table": {
        "en": "Nothing is stated for this selection in the sources.",
        "zh": "所选范围内，资料中未载明相关内容。",
    },
    "as_of": {"en": "as of", "zh": "截至"},
    "all": {"en": "all", "zh": "全部"},
    # qualifiers
    "exact": {"en": "exact", "zh": "确数"},
    "at_least": {"en": "lower bound (more than)", "zh": "下限（超过）"},
    "approximately": {"en": "approximate (nearly / about)", "zh": "约数（近/约）"},
    "at_most": {"en": "upper bound", "zh": "上限"},
    # levels and jurisdictions
    "national": {"en": "National", "zh": "国家级"},
    "provincial": {"en": "Provincial", "zh": "省级"},
    "municipal": {"en": "Municipal", "zh": "市级"},
    "China": {"en": "China (national)", "zh": "全国"},
    "Beijing": {"en": "Beijing", "zh": "北京"},
    "Tianjin": {"en": "Tianjin", "zh": "天津"},
    "Hebei": {"en": "Hebei", "zh": "河北"},
    "Baoding": {"en": "Baoding", "zh": "保定"},
}


def t(key: str, language: str = "en") -> str:
    """The label for `key` in `language`; the key itself when no label is defined."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(language) or entry["en"]


def add(labels: dict[str, dict[str, str]]) -> None:
    """Register more labels (chart modules keep their own strings beside their code)."""
    for key, entry in labels.items():
        if key in LABELS and LABELS[key] != entry:
            raise ValueError(f"label {key!r} already defined differently")
        LABELS[key] = entry


def policy_title(row: pd.Series, language: str = "en") -> str:
    """A policy's title: the official Chinese title when asked for and recorded."""
    if language == "zh":
        zh = row.get("title_zh")
        if isinstance(zh, str) and zh:
            return zh
    return str(row["title"])
