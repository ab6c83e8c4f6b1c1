"""The no-closing-punctuation-at-line-start rule, checked in a real PDF with pdftotext -layout."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4

from kiosk.documents import DocumentContext, cjk_text, fonts
from kiosk.documents.cjk_text import CANNOT_START
from kiosk.documents.layout import frame_width, render, style

SIZE = 12.0


def test_no_line_starts_with_closing_punctuation(
    tmp_path: Path, pdftotext: Callable[..., str]
) -> None:
    width = frame_width(A4)
    # A text whose comma falls exactly one character past the end of the first line.
    per_line = int(width // fonts.string_width("字", SIZE))
    text = "字" * per_line + "，后面的文字继续。" + "再写一些字，" * 12 + "最后一句。"
    doc = render(
        [cjk_text.paragraph(text, style(SIZE))],
        DocumentContext("青山镇", "T-1", datetime(2026, 11, 28, tzinfo=UTC), b"k"),
        "TEST-CODE",
        "line breaking",
        A4,
    )
    pdf = tmp_path / "lines.pdf"
    pdf.write_bytes(doc.pdf)
    lines = [
        line.strip()
        for line in pdftotext(pdf, layout=True).splitlines()
        if "字" in line or "句" in line or "继续" in line
    ]
    assert len(lines) >= 3, lines
    assert lines[0] == "字" * (per_line - 1)  # one character moved down with the comma
    assert lines[1].startswith("字，")
    assert all(line[0] not in CANNOT_START for line in lines), lines
    assert "".join(lines) == text
