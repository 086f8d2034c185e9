"""Chinese text in the PDF that search and copy can read: radicals mapped back to characters.

Noto Sans CJK draws a Kangxi radical (U+2F2E ⼩) and the character it looks like (U+5C0F 小)
with one glyph. When Chromium embeds the font it writes one Unicode value per glyph in
the font's ToUnicode map and picks the lower code point: the radical. The page looks
right but its text layer says 王⼩明, and a reader's search for 小 finds nothing.

English has the like: the Latin font draws "ffi" in "Office" as one ligature glyph, which
the map names by the ligature's own code point (U+FB03 ﬃ), so a search for "Office" or
"financing" missed the words that had one. Such a glyph maps to the letters it joins.

`fix` rewrites the ToUnicode maps of the printed PDF so that each such glyph maps to its
unified ideograph (the Kangxi radicals' compatibility decomposition; for the CJK radicals
supplement, the character Unicode gives as their equivalent). Glyphs are untouched, so
the page looks the same; only the text layer changes.

Every printed PDF passes through here, so the maps are read and rewritten with pikepdf
(qpdf): pypdf's full copy of a tagged document cost seconds per PDF, most of a build's
export time.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pikepdf

# Code point blocks whose characters are look-alikes of unified ideographs.
KANGXI = range(0x2F00, 0x2FE0)
SUPPLEMENT = range(0x2E80, 0x2F00)

# CJK radicals supplement forms that Noto Sans CJK draws with the glyph of a unified
# ideograph in at least one of its faces (SC, TC, HK, JP, KR; read from the fonts' cmap
# tables, where no two faces disagree). Only these can stand for a character in text.
SUPPLEMENT_EQUIVALENT = {
    0x2E82: 0x4E5B,  # ⺂ 乛
    0x2E83: 0x4E5A,  # ⺃ 乚
    0x2E85: 0x4EBB,  # ⺅ 亻
    0x2E89: 0x5202,  # ⺉ 刂
    0x2E8E: 0x5140,  # ⺎ 兀
    0x2E8F: 0x5C23,  # ⺏ 尣
    0x2E90: 0x5C22,  # ⺐ 尢
    0x2E92: 0x5DF3,  # ⺒ 巳
    0x2E93: 0x5E7A,  # ⺓ 幺
    0x2E94: 0x5F51,  # ⺔ 彑
    0x2E95: 0x5F50,  # ⺕ 彐
    0x2E96: 0x5FC4,  # ⺖ 忄
    0x2E98: 0x624C,  # ⺘ 扌
    0x2E99: 0x6535,  # ⺙ 攵
    0x2E9B: 0x65E1,  # ⺛ 旡
    0x2E9E: 0x6B7A,  # ⺞ 歺
    0x2E9F: 0x6BCD,  # ⺟ 母
    0x2EA0: 0x6C11,  # ⺠ 民
    0x2EA1: 0x6C35,  # ⺡ 氵
    0x2EA3: 0x706C,  # ⺣ 灬
    0x2EA4: 0x722B,  # ⺤ 爫
    0x2EA6: 0x4E2C,  # ⺦ 丬
    0x2EA8: 0x72AD,  # ⺨ 犭
    0x2EAB: 0x7F52,  # ⺫ 罒
    0x2EAD: 0x793B,  # ⺭ 礻
    0x2EAF: 0x7CF9,  # ⺯ 糹
    0x2EB0: 0x7E9F,  # ⺰ 纟
    0x2EB1: 0x7F53,  # ⺱ 罓
    0x2EB2: 0x7F52,  # ⺲ 罒
    0x2EB9: 0x8002,  # ⺹ 耂
    0x2EBA: 0x8080,  # ⺺ 肀
    0x2EBE: 0x8279,  # ⺾ 艹
    0x2EBF: 0x8279,  # ⺿ 艹
    0x2EC2: 0x8864,  # ⻂ 衤
    0x2EC3: 0x8980,  # ⻃ 覀
    0x2EC4: 0x897F,  # ⻄ 西
    0x2EC5: 0x89C1,  # ⻅ 见
    0x2EC6: 0x89D2,  # ⻆ 角
    0x2EC8: 0x8BA0,  # ⻈ 讠
    0x2EC9: 0x8D1D,  # ⻉ 贝
    0x2ECB: 0x8F66,  # ⻋ 车
    0x2ECC: 0x8FB6,  # ⻌ 辶
    0x2ECD: 0x8FB6,  # ⻍ 辶
    0x2ECE: 0x8FB6,  # ⻎ 辶
    0x2ED0: 0x9485,  # ⻐ 钅
    0x2ED1: 0x9577,  # ⻑ 長
    0x2ED2: 0x9578,  # ⻒ 镸
    0x2ED3: 0x957F,  # ⻓ 长
    0x2ED4: 0x95E8,  # ⻔ 门
    0x2ED6: 0x961D,  # ⻖ 阝
    0x2ED8: 0x9752,  # ⻘ 青
    0x2ED9: 0x97E6,  # ⻙ 韦
    0x2EDA: 0x9875,  # ⻚ 页
    0x2EDB: 0x98CE,  # ⻛ 风
    0x2EDC: 0x98DE,  # ⻜ 飞
    0x2EDD: 0x98DF,  # ⻝ 食
    0x2EDF: 0x98E0,  # ⻟ 飠
    0x2EE0: 0x9963,  # ⻠ 饣
    0x2EE2: 0x9A6C,  # ⻢ 马
    0x2EE3: 0x9AA8,  # ⻣ 骨
    0x2EE4: 0x9B3C,  # ⻤ 鬼
    0x2EE5: 0x9C7C,  # ⻥ 鱼
    0x2EE6: 0x9E1F,  # ⻦ 鸟
    0x2EE7: 0x5364,  # ⻧ 卤
    0x2EE8: 0x9EA6,  # ⻨ 麦
    0x2EE9: 0x9EC4,  # ⻩ 黄
    0x2EEA: 0x9EFE,  # ⻪ 黾
    0x2EEB: 0x6589,  # ⻫ 斉
    0x2EEC: 0x9F50,  # ⻬ 齐
    0x2EED: 0x6B6F,  # ⻭ 歯
    0x2EEE: 0x9F7F,  # ⻮ 齿
    0x2EEF: 0x7ADC,  # ⻯ 竜
    0x2EF0: 0x9F99,  # ⻰ 龙
    0x2EF1: 0x9F9C,  # ⻱ 龜
    0x2EF2: 0x4E80,  # ⻲ 亀
    0x2EF3: 0x9F9F,  # ⻳ 龟
}


# Radicals whose NFKC ideograph is the traditional form of a character the simplified
# edition prints with the same glyph: Chromium names the glyph of 户 by the Kangxi radical
# ⼾ (U+2F3E), whose NFKC form is 戶 (U+6236), so 落户 would read back as 落戶. The
# editions are simplified Chinese: the simplified form is the one meant.
SHARED_GLYPH = {0x6236: 0x6237}  # 戶 -> 户
# Likewise the CJK font draws the en dash of "2015–2021" with the glyph it also uses for
# the figure dash, and Chromium names it U+2012: a reader searching the range types –.
SHARED_PUNCTUATION = {0x2012: 0x2013}  # ‒ -> –


# The Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): each glyph reads as the letters it joins.
LIGATURES = range(0xFB00, 0xFB07)


def is_radical(ch: str) -> bool:
    return ord(ch) in KANGXI or ord(ch) in SUPPLEMENT


def misnamed(ch: str) -> bool:
    """A code point the text layer gives for a glyph that means another character."""
    return is_radical(ch) or ord(ch) in SHARED_PUNCTUATION or ord(ch) in LIGATURES


def spelled(ch: str) -> str:
    """What a glyph's code point should read as: an ideograph for a radical (`ideograph`),
    the letters of a ligature, any other character as it is."""
    if ord(ch) in LIGATURES:
        return unicodedata.normalize("NFKC", ch)
    return chr(ideograph(ord(ch)))


def ideograph(code: int) -> int:
    """The unified ideograph a radical code point stands for, the simplified form of a
    glyph shared with a traditional one; other code points as given."""
    if code in SHARED_PUNCTUATION:
        return SHARED_PUNCTUATION[code]
    if code in KANGXI:
        folded = unicodedata.normalize("NFKC", chr(code))
        code = ord(folded) if len(folded) == 1 else code
        return SHARED_GLYPH.get(code, code)
    return SUPPLEMENT_EQUIVALENT.get(code, code)


def _hex_units(text: str) -> list[int]:
    return [int(text[i : i + 4], 16) for i in range(0, len(text), 4)]


def _hex(units: list[int]) -> str:
    return "".join(f"{u:04X}" for u in units)


def _decode(units: list[int]) -> str:
    return bytes(b for u in units for b in u.to_bytes(2, "big")).decode("utf-16-be")


def _encode(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _fold(dst_hex: str) -> str:
    text = _decode(_hex_units(dst_hex))
    return _encode("".join(spelled(c) for c in text))


_BFCHAR = re.compile(rb"\d+\s+beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"\d+\s+beginbfrange(.*?)endbfrange", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])")


def _blocks(kind: str, entries: list[str]) -> bytes:
    out = []
    for i in range(0, len(entries), 100):
        chunk = entries[i : i + 100]
        out.append(f"{len(chunk)} begin{kind}\n" + "\n".join(chunk) + f"\nend{kind}")
    return "\n".join(out).encode("ascii")


def fix_cmap(cmap: bytes) -> bytes:
    """A ToUnicode CMap with every radical destination replaced by its ideograph, and
    every ligature's by its letters."""
    if not any(s in cmap for s in (b"<2F", b"<2f", b"<2E", b"<2e", b"<2012>", b"<FB0", b"<fb0")):
        return cmap
    chars: list[str] = []
    ranges: list[str] = []
    for m in _BFCHAR.finditer(cmap):
        for src, dst in _PAIR.findall(m.group(1)):
            chars.append(f"<{src.decode()}> <{_fold(dst.decode())}>")
    for m in _BFRANGE.finditer(cmap):
        for lo, hi, dst in _RANGE.findall(m.group(1)):
            lo_s, width = lo.decode(), len(lo)
            start, end = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for k, item in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    src = f"{start + k:0{width}X}"
                    chars.append(f"<{src}> <{_fold(item.decode())}>")
                continue
            units = _hex_units(dst[1:-1].decode())
            touched = (
                any(misnamed(chr(units[-1] + k)) for k in range(end - start + 1))
                and len(units) == 1
            )
            if not touched:
                ranges.append(f"<{lo_s}> <{hi.decode()}> {dst.decode()}")
                continue
            for k in range(end - start + 1):
                src = f"{start + k:0{width}X}"
                chars.append(f"<{src}> <{_fold(_hex([units[0] + k]))}>")
    head = cmap[: min(m.start() for m in (*_BFCHAR.finditer(cmap), *_BFRANGE.finditer(cmap)))]
    last = max(m.end() for m in (*_BFCHAR.finditer(cmap), *_BFRANGE.finditer(cmap)))
    body = b"\n".join(x for x in (_blocks("bfchar", chars), _blocks("bfrange", ranges)) if x)
    return head + body + cmap[last:]


def _maps(doc: pikepdf.Pdf):
    """Every font's ToUnicode stream, once each: fonts are found through the resources of
    the pages, their annotations' appearances, forms, patterns and Type3 glyphs. (Walking
    these is half the time of visiting every object of a tagged document.)"""
    found: dict[tuple, pikepdf.Stream] = {}
    seen: set[tuple] = set()
    pending = [page.obj.get("/Resources") for page in doc.pages]
    for page in doc.pages:
        for annot in page.obj.get("/Annots") or []:
            appearance = annot.get("/AP")
            normal = appearance.get("/N") if appearance is not None else None
            if isinstance(normal, pikepdf.Stream):
                pending.append(normal.get("/Resources"))
    while pending:
        resources = pending.pop()
        if resources is None:
            continue
        for _, font in (resources.get("/Font") or {}).items():
            if "/ToUnicode" in font:
                found.setdefault(font.ToUnicode.objgen, font.ToUnicode)
            pending.append(font.get("/Resources"))  # Type3 glyphs
        for kind in ("/XObject", "/Pattern"):
            for _, item in (resources.get(kind) or {}).items():
                key = item.objgen
                if key == (0, 0) or key not in seen:
                    seen.add(key)
                    pending.append(item.get("/Resources"))
    return found.values()


def fix(pdf: bytes) -> bytes:
    """The PDF with radicals in its fonts' ToUnicode maps replaced (unchanged if none)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if not fix_doc(doc):
            return pdf
        return save(doc)


def fix_doc(doc: pikepdf.Pdf) -> bool:
    """`fix` on an open document; whether any map changed."""
    changed = False
    for stream in _maps(doc):
        data = stream.read_bytes()
        fixed = fix_cmap(data)
        if fixed != data:
            stream.write(fixed)
            changed = True
    return changed


def save(doc: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    # Streams are copied as they are (not decoded and compressed again), and the many
    # small objects of the tagged structure go into object streams: a third of the time
    # and of the size of a plain rewrite.
    doc.save(
        out,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return out.getvalue()
