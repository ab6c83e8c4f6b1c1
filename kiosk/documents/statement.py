"""The contribution statement (参保缴费证明): one resident's contributions, scheme by scheme.

A4 portrait. Thirty years of six schemes flow over several pages: the table splits by row and
repeats its header on every page. The verification code signs the statement's content (see
`statement_content`) and is printed as text, as a QR code, and in every page's footer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from kiosk.documents import cjk_text, fonts
from kiosk.documents.formatting import SCHEME_NAMES, mask_id, mask_name, money, scheme_name
from kiosk.documents.layout import (
    BODY_SIZE,
    QR_SIZE,
    TITLE_SIZE,
    DocumentContext,
    RenderedDocument,
    frame_width,
    offline_note,
    qr_code,
    render,
    style,
)
from kiosk.documents.verification import qr_text, verification_code
from offline_cache.models import Contribution, Resident

TITLE = "社会保险参保缴费证明"
DOCUMENT_KIND = "contribution_statement"
CONTENT_VERSION = 1
TABLE_SIZE = 9.5
HEADER_ROW = ("险种", "年度", "缴费月数", "缴费基数（月）", "个人缴纳", "单位缴纳")
COLUMN_SHARES = (0.23, 0.09, 0.11, 0.19, 0.19, 0.19)
SUBTOTAL_FILL = colors.Color(0.93, 0.93, 0.93)
HEADER_FILL = colors.Color(0.85, 0.88, 0.93)


def _ordered(contributions: Iterable[Contribution]) -> list[Contribution]:
    """Known schemes in the statement's order, unknown ones after them; years ascending."""
    order = {code: i for i, code in enumerate(SCHEME_NAMES)}
    return sorted(contributions, key=lambda c: (order.get(c.scheme, len(order)), c.scheme, c.year))


def statement_content(resident: Resident, ctx: DocumentContext) -> dict[str, Any]:
    """Everything the statement asserts, as plain values: what its verification code signs."""
    return {
        "document": DOCUMENT_KIND,
        "version": CONTENT_VERSION,
        **ctx.as_content(),
        "person_id": resident.person_id,
        "name": resident.name,
        "account_balance_cents": resident.account_balance_cents,
        "contributions": [
            [c.scheme, c.year, c.months_paid, c.base_cents, c.personal_cents, c.unit_cents]
            for c in _ordered(resident.contributions)
        ],
    }


def qr_payload(ctx: DocumentContext, code: str) -> str:
    """What the QR code holds: enough for the county to find the terminal's secret and re-check."""
    return qr_text(DOCUMENT_KIND, CONTENT_VERSION, ctx.terminal_id, ctx.printed_at, code)


def _table_rows(contributions: list[Contribution]) -> tuple[list[list[str]], list[int]]:
    """The table body and the indexes of subtotal/total rows (for shading)."""
    rows: list[list[str]] = [list(HEADER_ROW)]
    shaded: list[int] = []
    schemes: dict[str, list[Contribution]] = {}
    for c in contributions:
        schemes.setdefault(c.scheme, []).append(c)
    for scheme, items in schemes.items():
        name = scheme_name(scheme)
        for c in items:
            rows.append(
                [name, str(c.year), str(c.months_paid), money(c.base_cents),
                 money(c.personal_cents), money(c.unit_cents)]
            )  # fmt: skip
        shaded.append(len(rows))
        rows.append(
            [f"{name} 小计", "", str(sum(c.months_paid for c in items)), "",
             money(sum(c.personal_cents for c in items)), money(sum(c.unit_cents for c in items))]
        )  # fmt: skip
    shaded.append(len(rows))
    rows.append(
        ["合计", "", "", "", money(sum(c.personal_cents for c in contributions)),
         money(sum(c.unit_cents for c in contributions))]
    )  # fmt: skip
    return rows, shaded


def _contribution_table(contributions: list[Contribution], width: float) -> Table:
    rows, shaded = _table_rows(contributions)
    font = fonts.main_font()
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, TABLE_SIZE, TABLE_SIZE * 1.3),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.5, 0.5, 0.5)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (1, 1), (2, -1), "CENTER"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), SUBTOTAL_FILL) for r in shaded]
    commands.append(("SPAN", (0, len(rows) - 1), (3, len(rows) - 1)))
    table = Table(
        rows,
        colWidths=[width * share for share in COLUMN_SHARES],
        repeatRows=1,
        style=TableStyle(commands),
        splitByRow=True,
    )
    return table


def _verification_block(ctx: DocumentContext, code: str, width: float) -> Flowable:
    text_width = width - QR_SIZE - 6 * mm
    lines: list[Flowable] = [
        cjk_text.paragraph(f"核验码：{code}", style(13)),
        cjk_text.paragraph(
            "可凭核验码或扫描右侧二维码，到县社会保险经办机构核验本证明的真伪。"
            "本证明内容如有涂改，核验不能通过。",
            style(BODY_SIZE - 1),
        ),
    ]
    table = Table(
        [[lines, qr_code(qr_payload(ctx, code))]],
        colWidths=[text_width + 6 * mm, QR_SIZE],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.main_font(), BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return table


def _identity(resident: Resident, name: str, width: float) -> Table:
    """Name and masked ID side by side (a table: reportlab collapses runs of spaces)."""
    half = width / 2
    body = style(13)
    cells = [
        cjk_text.paragraph(f"姓名：{name}", body),
        cjk_text.paragraph(f"公民身份号码：{mask_id(resident.person_id)}", body),
    ]
    return Table(
        [cells],
        colWidths=[half, half],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.main_font(), 13),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )


def build_statement(
    resident: Resident, ctx: DocumentContext, *, on_screen: bool = False
) -> RenderedDocument:
    """The statement PDF of `resident`, signed with `ctx.secret`.

    `on_screen`: the copy the preview draws, read over the resident's shoulder in a township hall:
    the name masked (王*英) and without the offline note. The printed statement (the default)
    keeps the full name and its data note; both carry the same code (it signs the content)."""
    name = mask_name(resident.name) if on_screen else resident.name
    note = "" if on_screen else (offline_note(ctx) or "")
    code = verification_code(statement_content(resident, ctx), ctx.secret)
    width = frame_width(A4)
    contributions = _ordered(resident.contributions)
    body = style(BODY_SIZE)
    story: list[Flowable] = [
        cjk_text.paragraph(TITLE, style(TITLE_SIZE, alignment=TA_CENTER)),
        Spacer(0, 4 * mm),
        _identity(resident, name, width),
        cjk_text.paragraph(
            "兹证明上述人员截至打印之日在本地参加社会保险的缴费情况如下（金额单位：元）。" + note,
            body,
        ),
        Spacer(0, 3 * mm),
    ]
    if contributions:
        story.append(_contribution_table(contributions, width))
    else:
        story.append(cjk_text.paragraph("暂无缴费记录。", body))
    story += [
        Spacer(0, 4 * mm),
        cjk_text.paragraph(f"个人账户余额：{money(resident.account_balance_cents)}", style(13)),
        Spacer(0, 5 * mm),
        KeepTogether([_verification_block(ctx, code, width)]),
    ]
    subject = f"{name}  {mask_id(resident.person_id)}"
    return render(story, ctx, code, TITLE, A4, subject)
