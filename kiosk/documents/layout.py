"""What every printed document shares: the context, page furniture, styles, the QR code.

The running header (township, terminal, print time) and the footer ("第 1 页 / 共 3 页" and the
verification code) are drawn on the canvas after the whole story is laid out, because the page
count is known only then.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from kiosk.documents import fonts
from kiosk.documents.formatting import chinese_date, chinese_datetime

MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
HEADER_SIZE = 9.0
HEADER_GAP = 6 * mm  # between the header's terminal/time and its subject (the resident)
HEADER_LINE_GAP = (
    1.5 * mm
)  # the subject goes a line higher when a long township name leaves no room
FOOTER_SIZE = 9.0
BODY_SIZE = 11.0
TITLE_SIZE = 20.0
LEADING_RATIO = 1.45  # ui-guide: line spacing at least 1.4
QR_SIZE = 28 * mm
FRAME_PADDING = 6.0  # reportlab's default Frame padding, points
GREY = (0.35, 0.35, 0.35)


@dataclass(frozen=True)
class DocumentContext:
    """Where, when and from what data a document is printed; `secret` signs its code."""

    township_name: str
    terminal_id: str
    printed_at: datetime  # aware, the kiosk's local time
    secret: bytes = field(repr=False)
    offline: bool = False  # the data came from the offline copy, not the county platform
    data_as_of: date | None = None  # date of the offline copy, when known

    def as_content(self) -> dict[str, Any]:
        """The context facts that are part of the signed content."""
        return {
            "township": self.township_name,
            "terminal_id": self.terminal_id,
            "printed_at": self.printed_at.isoformat(timespec="seconds"),
            "offline": self.offline,
            "data_as_of": self.data_as_of.isoformat() if self.data_as_of else None,
        }


@dataclass(frozen=True)
class RenderedDocument:
    """A finished PDF with the code printed on it (the application records the code)."""

    pdf: bytes
    verification_code: str
    pages: int


def offline_note(ctx: DocumentContext) -> str | None:
    """The sentence saying the document was made from the offline copy, or None when online."""
    if not ctx.offline:
        return None
    if ctx.data_as_of is None:
        return "本证明依据本机离线数据生成，如需最新数据请到窗口办理。"
    return f"本证明依据 {chinese_date(ctx.data_as_of)} 的离线数据生成。"


def style(size: float = BODY_SIZE, **kw: Any) -> ParagraphStyle:
    """A paragraph style in the embedded main font."""
    return ParagraphStyle(
        f"kiosk-{size}",
        fontName=fonts.main_font(),
        fontSize=size,
        leading=size * LEADING_RATIO,
        **kw,
    )


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, align: str) -> None:
    """Draw one line with per-run font fallback; `align` is "left", "centre" or "right"."""
    width = fonts.string_width(text, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for name, run in fonts.font_runs(text):
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)


def qr_code(payload: str, size: float = QR_SIZE) -> Drawing:
    """A QR code drawing `size` points square (reportlab's own widget: no image files)."""
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        size,
        size,
        transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0],
        initialFontName=fonts.main_font(),  # else the drawing names Helvetica, never embedded
    )
    drawing.add(widget)
    return drawing


def _page_furniture(
    canvas: Canvas,
    page: int,
    pages: int,
    header: str,
    code: str,
    size: tuple[float, float],
    subject: str = "",
) -> None:
    width, height = size
    canvas.saveState()
    canvas.setFillColorRGB(*GREY)
    canvas.setStrokeColorRGB(*GREY)
    top = height - MARGIN_TOP + 8 * mm
    draw_text(canvas, MARGIN_X, top, header, HEADER_SIZE, "left")
    if subject:  # whose document, on every page: a loose page 3 still says so
        room = width - 2 * MARGIN_X - fonts.string_width(header, HEADER_SIZE) - HEADER_GAP
        fits = fonts.string_width(subject, HEADER_SIZE) <= room
        y = top if fits else top + HEADER_SIZE + HEADER_LINE_GAP  # a long township: a line above
        draw_text(canvas, width - MARGIN_X, y, subject, HEADER_SIZE, "right")
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 2 * mm, width - MARGIN_X, top - 2 * mm)
    bottom = MARGIN_BOTTOM - 10 * mm
    draw_text(canvas, MARGIN_X, bottom, f"第 {page} 页 / 共 {pages} 页", FOOTER_SIZE, "left")
    draw_text(canvas, width - MARGIN_X, bottom, f"核验码 {code}", FOOTER_SIZE, "right")
    canvas.restoreState()


def _numbered_canvas(header: str, code: str, subject: str = "") -> type[Canvas]:
    """A canvas class that holds pages back until the end, then draws "page n of N" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # otherwise every page names Helvetica, which is never embedded
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.main_font()
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            size = self._pagesize
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _page_furniture(self, number, total, header, code, size, subject)
                super().showPage()
            super().save()

    return NumberedCanvas


def header_line(ctx: DocumentContext) -> str:
    return (
        f"{ctx.township_name} 社保自助服务终端 {ctx.terminal_id}    "
        f"打印时间：{chinese_datetime(ctx.printed_at)}"
    )


def render(
    story: Sequence[Flowable],
    ctx: DocumentContext,
    code: str,
    title: str,
    pagesize: tuple[float, float],
    subject: str = "",
) -> RenderedDocument:
    """Lay out `story` on pages of `pagesize` with header and footer; returns the PDF.
    `subject` (the resident's name and masked ID) is repeated at the right of every header."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=f"{ctx.township_name} {ctx.terminal_id}",
        creator="township-kiosk",
        invariant=True,
    )
    doc.build(list(story), canvasmaker=_numbered_canvas(header_line(ctx), code, subject))
    return RenderedDocument(pdf=buffer.getvalue(), verification_code=code, pages=doc.page)


def frame_width(pagesize: tuple[float, float]) -> float:
    """The width flowables get: the page less the margins and the frame's own padding."""
    return pagesize[0] - 2 * MARGIN_X - 2 * FRAME_PADDING
