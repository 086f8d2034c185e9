"""Chinese text in printed PDFs can be searched and copied: no radical look-alikes."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ipdossier.export import tounicode
from ipdossier.export.printer import PdfPrinter

# Characters whose glyph Noto Sans CJK shares with a Kangxi radical (小 人 力 工 长) or a CJK
# radicals supplement form (见 车 马 风 页 龙 贝 齐 门 青); 王小明 is the example.
SAMPLE = "王小明 人力 工作 长期 见面 车马 风险 页码 龙头 贝壳 齐全 部门 青岛"


def radicals(text: str) -> list[str]:
    return [c for c in text if tounicode.is_radical(c)]


def test_cmap_ranges_and_chars_with_radicals_map_to_their_ideographs():
    cmap = (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"2 beginbfchar\n<0003> <2F29>\n<0004> <738B>\nendbfchar\n"
        b"2 beginbfrange\n<0010> <0012> <2F00>\n<0020> <0021> <4E00>\nendbfrange\n"
        b"1 beginbfrange\n<0030> <0031> [<2ECB> <2EC5>]\nendbfrange\n"
        b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    fixed = tounicode.fix_cmap(cmap).decode()
    assert "<0003> <5C0F>" in fixed  # ⼩ -> 小
    assert "<0004> <738B>" in fixed
    # A range through radicals is split into characters: 一 丨 丶.
    for src, dst in (("0010", "4E00"), ("0011", "4E28"), ("0012", "4E36")):
        assert f"<{src}> <{dst}>" in fixed
    assert "<0020> <0021> <4E00>" in fixed  # a range of ideographs is left as it was
    assert "<0030> <8F66>" in fixed and "<0031> <89C1>" in fixed  # ⻋ 车, ⻅ 见
    assert not any(f"<{code:04X}>" in fixed for code in (0x2F29, 0x2F00, 0x2ECB, 0x2EC5))
    assert fixed.endswith("end\nend\n") and "endcmap" in fixed


def test_a_cmap_without_radicals_is_left_byte_for_byte():
    cmap = b"1 beginbfchar\n<0003> <5C0F>\nendbfchar\n"
    assert tounicode.fix_cmap(cmap) is cmap


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    html = (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'></head>"
        f"<body style=\"font-family:'Noto Sans CJK SC'\"><p>{SAMPLE}</p></body></html>"
    )
    out = tmp_path_factory.mktemp("textlayer") / "sample.pdf"
    with PdfPrinter() as printer:
        out.write_bytes(printer.pdf_bytes(html, header_title="王小明"))
    return out


def test_printed_chinese_extracts_as_the_characters_typed(printed):
    text = "".join(p.extract_text() for p in PdfReader(printed).pages)
    assert not radicals(text), radicals(text)
    for word in SAMPLE.split():
        assert word in text, word
    # poppler reads the same text layer as pypdf (what a reader's viewer searches).
    poppler = subprocess.run(
        ["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert not radicals(poppler)
    assert "王小明" in poppler


def test_the_fix_changes_only_the_text_layer(printed):
    reader = PdfReader(printed)
    fixed = PdfReader(io.BytesIO(tounicode.fix(printed.read_bytes())))
    assert len(fixed.pages) == len(reader.pages)
    for a, b in zip(reader.pages, fixed.pages, strict=True):
        assert a.get_contents().get_data() == b.get_contents().get_data()


def test_the_radical_drawn_for_hu_reads_as_the_simplified_character():
    # Chromium names the glyph of 户 by the Kangxi radical ⼾, whose NFKC form is the
    # traditional 戶: a simplified edition reads back 户 (落户, not 落戶).
    assert chr(tounicode.ideograph(0x2F3E)) == "户"
    assert chr(tounicode.ideograph(0x2F29)) == "小"


def test_a_ligature_glyph_reads_as_the_letters_it_joins():
    cmap = (
        b"2 beginbfchar\n<0041> <FB03>\n<0042> <0041>\nendbfchar\n"
        b"1 beginbfrange\n<0050> <0052> <FB00>\nendbfrange\n"
    )
    fixed = tounicode.fix_cmap(cmap).decode()
    assert "<0041> <006600660069>" in fixed  # ﬃ -> ffi
    assert "<0042> <0041>" in fixed
    for src, letters in (("0050", "ff"), ("0051", "fi"), ("0052", "fl")):
        assert f"<{src}> <{letters.encode('utf-16-be').hex().upper()}>" in fixed


def test_printed_english_ligatures_extract_as_letters(tmp_path):
    words = "Office financing efficient affluent"
    html = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'></head>"
        f"<body style=\"font-family:'Noto Sans'\"><p>{words}</p></body></html>"
    )
    with PdfPrinter() as printer:
        pdf = printer.pdf_bytes(html, header_title=None)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert not [c for c in text if ord(c) in tounicode.LIGATURES], text
    for word in words.split():
        assert word in text, text


def test_the_figure_dash_chromium_names_reads_as_the_en_dash_of_a_range():
    assert chr(tounicode.ideograph(0x2012)) == "–"
