"""The certification receipt and the printer test page, read back with poppler's tools."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from kiosk.documents import CertificationOutcome, DocumentContext, build_receipt, build_test_page
from kiosk.documents.receipt import receipt_content
from kiosk.documents.verification import verify_code
from tests.integration.documents.conftest import CHINA

OUTCOME = CertificationOutcome(
    person_id="32010219650315123X",
    name="王𠮷英",
    benefit="pension",
    passed=True,
    certified_at=datetime(2026, 11, 28, 14, 30, tzinfo=CHINA),
    next_due=date(2027, 11, 30),
)


def test_receipt(
    tmp_path: Path,
    ctx: DocumentContext,
    pdftotext: Callable[..., str],
    pdffonts: Callable[[Path], list[dict[str, str]]],
    pdfinfo: Callable[[Path], dict[str, str]],
) -> None:
    doc = build_receipt(OUTCOME, ctx)
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(doc.pdf)
    text = pdftotext(pdf)

    assert "待遇领取资格认证回执" in text
    assert "王𠮷英" in text and "3201**********123X" in text
    assert "养老保险待遇" in text and "认证成功" in text
    assert "2026年11月28日 14:30" in text and "2027年11月30日" in text
    assert doc.verification_code in text
    assert "本回执依据2026年11月27日的离线数据生成" in re.sub(r"\s+", "", text)
    assert pdfinfo(pdf)["Pages"] == "1"
    assert re.match(r"419\.\d+ x 595\.\d+", pdfinfo(pdf)["Page size"])  # A5: half an A4 sheet
    assert all(row["emb"] == "yes" for row in pdffonts(pdf))
    assert verify_code(receipt_content(OUTCOME, ctx), ctx.secret, doc.verification_code)


def test_failed_certification_receipt_says_what_to_do(
    tmp_path: Path, ctx: DocumentContext, pdftotext: Callable[..., str]
) -> None:
    failed = CertificationOutcome(**{**OUTCOME.__dict__, "passed": False, "next_due": None})
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(build_receipt(failed, ctx).pdf)
    text = pdftotext(pdf)
    assert "认证未成功，请到窗口办理" in text
    assert "认证成功" not in text.replace("认证未成功", "")


def test_test_page_has_rare_characters_and_embedded_fonts(
    tmp_path: Path,
    ctx: DocumentContext,
    pdftotext: Callable[..., str],
    pdffonts: Callable[[Path], list[dict[str, str]]],
) -> None:
    pdf = tmp_path / "test-page.pdf"
    pdf.write_bytes(build_test_page(ctx).pdf)
    text = pdftotext(pdf)
    assert "打印机测试页" in text and "䶮" in text and "𠮷" in text
    rows = pdffonts(pdf)
    assert len(rows) >= 2 and all(row["emb"] == "yes" for row in rows)
