"""The QR code printed on a statement and a receipt holds the very code printed as text (and the
terminal and time the county needs to re-check it). The QR widget's own value is read back from
the drawing the document embeds; the text from the PDF with pdftotext."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

from kiosk.documents import (
    CertificationOutcome,
    DocumentContext,
    build_receipt,
    build_statement,
    layout,
    receipt,
    statement,
)
from tests.integration.documents.conftest import CHINA, make_resident

CODE_RE = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")


def record_qr(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[str]:
    """Wrap the module's `qr_code` (the real drawing still goes into the PDF) and keep the value
    each QR widget encodes."""
    values: list[str] = []

    def wrapped(payload: str, *args: Any) -> Drawing:
        drawing = layout.qr_code(payload, *args)
        (widget,) = [c for c in drawing.contents if isinstance(c, QrCodeWidget)]
        values.append(widget.value)
        return drawing

    monkeypatch.setattr(module, "qr_code", wrapped)
    return values


def test_statement_qr_holds_the_printed_code(
    tmp_path: Path,
    ctx: DocumentContext,
    pdftotext: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    values = record_qr(monkeypatch, statement)
    doc = build_statement(make_resident(range(1996, 2026)), ctx)
    (value,) = values
    path = tmp_path / "statement.pdf"
    path.write_bytes(doc.pdf)
    printed = set(CODE_RE.findall(pdftotext(path)))
    assert printed == {doc.verification_code}
    assert value.endswith(":" + doc.verification_code)
    assert value.startswith("KIOSK:contribution_statement:")
    assert f":{ctx.terminal_id}:" in value and ctx.printed_at.isoformat() in value


def test_receipt_qr_holds_the_printed_code(
    tmp_path: Path,
    ctx: DocumentContext,
    pdftotext: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    values = record_qr(monkeypatch, receipt)
    outcome = CertificationOutcome(
        person_id="32010219650315123X",
        name="王𠮷英",
        benefit="pension",
        passed=True,
        certified_at=datetime(2026, 11, 28, 14, 30, tzinfo=CHINA),
        next_due=date(2027, 11, 30),
    )
    doc = build_receipt(outcome, ctx)
    (value,) = values
    path = tmp_path / "receipt.pdf"
    path.write_bytes(doc.pdf)
    assert set(CODE_RE.findall(pdftotext(path))) == {doc.verification_code}
    assert value == (
        f"KIOSK:certification_receipt:1:{ctx.terminal_id}:2026-11-28T14:30:00+08:00:"
        f"{doc.verification_code}"
    )
