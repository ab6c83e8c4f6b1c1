"""The certification receipt (资格认证回执): what was certified, the result, and the next due date.

Half an A4 sheet (A5 portrait), so a kiosk printer with A4 paper prints it on the top half and the
resident can fold it. Signed like the statement; the code is printed as text and as a QR code.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from kiosk.core.certification import CertificationOutcome
from kiosk.documents import cjk_text, fonts
from kiosk.documents.formatting import benefit_name, chinese_date, chinese_datetime, mask_id
from kiosk.documents.layout import (
    QR_SIZE,
    DocumentContext,
    RenderedDocument,
    frame_width,
    offline_note,
    qr_code,
    render,
    style,
)
from kiosk.documents.verification import qr_text, verification_code

TITLE = "待遇领取资格认证回执"
DOCUMENT_KIND = "certification_receipt"
CONTENT_VERSION = 1
ROW_SIZE = 12.0
LABEL_SHARE = 0.32
PASSED_TEXT = "✓ 认证成功"
FAILED_TEXT = "✕ 认证未成功，请到窗口办理"


def receipt_content(outcome: CertificationOutcome, ctx: DocumentContext) -> dict[str, Any]:
    """What the receipt's verification code signs."""
    return {
        "document": DOCUMENT_KIND,
        "version": CONTENT_VERSION,
        **ctx.as_content(),
        "person_id": outcome.person_id,
        "name": outcome.name,
        "benefit": outcome.benefit,
        "passed": outcome.passed,
        "certified_at": outcome.certified_at.isoformat(timespec="seconds"),
        "next_due": outcome.next_due.isoformat() if outcome.next_due else None,
    }


def qr_payload(outcome: CertificationOutcome, ctx: DocumentContext, code: str) -> str:
    """The QR text; the receipt's time is the certification's."""
    return qr_text(DOCUMENT_KIND, CONTENT_VERSION, ctx.terminal_id, outcome.certified_at, code)


def build_receipt(outcome: CertificationOutcome, ctx: DocumentContext) -> RenderedDocument:
    code = verification_code(receipt_content(outcome, ctx), ctx.secret)
    width = frame_width(A5)
    label_w = width * LABEL_SHARE
    value_w = width - label_w
    rows = [
        ("姓名", outcome.name),
        ("公民身份号码", mask_id(outcome.person_id)),
        ("认证项目", benefit_name(outcome.benefit)),
        ("认证结果", PASSED_TEXT if outcome.passed else FAILED_TEXT),
        ("认证时间", chinese_datetime(outcome.certified_at)),
        ("下次认证截止", chinese_date(outcome.next_due) if outcome.next_due else "—"),
        ("核验码", code),
    ]
    body = style(ROW_SIZE)
    cells = [
        [cjk_text.paragraph(label, body), cjk_text.paragraph(value, body)] for label, value in rows
    ]
    table = Table(
        cells,
        colWidths=[label_w, value_w],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.main_font(), ROW_SIZE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.Color(0.6, 0.6, 0.6)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        ),
    )
    story: list[Flowable] = [
        cjk_text.paragraph(TITLE, style(17, alignment=TA_CENTER)),
        Spacer(0, 3 * mm),
        table,
        Spacer(0, 3 * mm),
    ]
    note = offline_note(ctx)
    if note:
        story.append(cjk_text.paragraph(note.replace("本证明", "本回执"), style(10)))
    story += [
        Spacer(0, 2 * mm),
        qr_code(qr_payload(outcome, ctx, code), QR_SIZE),
    ]
    return render(story, ctx, code, TITLE, A5)
