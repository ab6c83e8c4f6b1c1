"""Counting a PDF's pages without a PDF library (for `PrintResult.pages` when CUPS does not say)."""

from __future__ import annotations

import re

_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def count_pdf_pages(pdf: bytes) -> int:
    """Page objects in a PDF with plain object dictionaries (as reportlab writes them)."""
    return len(_PAGE.findall(pdf))
