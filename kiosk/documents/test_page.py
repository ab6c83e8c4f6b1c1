"""The printer test page: CJK sample text, rare characters, a line-break sample and a ruled grid.

A technician prints it after installing or refilling a printer and checks that Chinese is not
garbled (fonts embedded), that rare name characters print, and that the grid is square and
complete (no scaling or clipping by the driver).
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from kiosk.documents import cjk_text
from kiosk.documents.layout import (
    DocumentContext,
    RenderedDocument,
    render,
    style,
)
from kiosk.documents.verification import verification_code

TITLE = "打印机测试页"
SAMPLE = "社会保险参保缴费证明 · 待遇领取资格认证回执 · 金额 ¥1,234.50 · 日期 2027年11月30日"
RARE = "生僻字：䶮（U+4DAE） 𠮷（U+20BB7） 龑 堃 喆 昇"
LINE_BREAK_SAMPLE = (
    "换行规则：逗号、句号、顿号等标点不会出现在行首，"
    "本段文字较长，用于检查自动换行是否正确，以及每一行的右边缘是否整齐，"
    "如果标点出现在行首，说明换行规则没有生效。"
)
GRID_STEP = 10 * mm
GRID_ROWS = 12


class Grid(Flowable):
    """A ruled square grid with a 1 cm step over the frame width: scaling shows as non-squares."""

    def __init__(self, rows: int, step: float) -> None:
        super().__init__()
        self.columns = 0
        self.rows = rows
        self.step = step

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.columns = int(avail_width // self.step)
        return self.columns * self.step, self.rows * self.step

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.3)
        w, h = self.columns * self.step, self.rows * self.step
        for i in range(self.columns + 1):
            c.line(i * self.step, 0, i * self.step, h)
        for j in range(self.rows + 1):
            c.line(0, j * self.step, w, j * self.step)
        c.setLineWidth(1.2)
        c.rect(0, 0, w, h)


def build_test_page(ctx: DocumentContext) -> RenderedDocument:
    code = verification_code({"document": "test_page", **ctx.as_content()}, ctx.secret)
    body = style(13)
    story: list[Flowable] = [
        cjk_text.paragraph(TITLE, style(22, alignment=TA_CENTER)),
        Spacer(0, 4 * mm),
        cjk_text.paragraph(SAMPLE, body),
        cjk_text.paragraph(RARE, body),
        cjk_text.paragraph(LINE_BREAK_SAMPLE, body),
        Spacer(0, 4 * mm),
        cjk_text.paragraph("下方网格每格 1 厘米，应为正方形且四边完整：", body),
        Spacer(0, 2 * mm),
        Grid(GRID_ROWS, GRID_STEP),
    ]
    return render(story, ctx, code, TITLE, A4)
