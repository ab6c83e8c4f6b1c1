"""The statement before it is printed: the first page, large, the page count, and 打印.

A whole A4 page fitted into the screen would be unreadable from where a resident stands (body
text would be about 8 px), so the page is shown at the full width available, from the top — the
title, the name, the masked ID and the first rows — with 往下看 / 往上看 to move along it. The image
is drawn by the printer worker (QtPdf, off the GUI thread); until it arrives the screen says it is
preparing, with movement past 0.5 s and, past 3 s, what it waits for (kiosk.widgets.busy).
`clear()` drops the image: it shows personal data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext, secondary_label
from kiosk.screens.names import ScreenName
from kiosk.screens.statement.pin import statement_steps
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.busy import BusyIndicator
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton

SIDE_MARGIN_SHARE = 0.08  # the page's white side margins are cut off: the text comes out larger
SCROLL_SHARE = 0.6  # 往下看 moves by this share of the visible height
SIDE_COLUMN_W = 400  # px at scale 1: page count and buttons beside the page (landscape)
BORDER_PX = 3


class PagePreview(QWidget):
    """A page image at the widget's full width, from `offset` (image pixels) downwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.offset = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.offset = 0.0
        self.update()

    def clear(self) -> None:
        self.set_image(QImage())

    def _source_width(self) -> float:
        return self.image.width() * (1 - 2 * SIDE_MARGIN_SHARE)

    def _scale(self) -> float:
        return self.width() / self._source_width() if not self.image.isNull() else 1.0

    def max_offset(self) -> float:
        if self.image.isNull():
            return 0.0
        return max(0.0, self.image.height() - self.height() / self._scale())

    def step(self, direction: int) -> None:
        """One step down (+1) or up (-1)."""
        step = SCROLL_SHARE * self.height() / self._scale()
        self.offset = min(self.max_offset(), max(0.0, self.offset + direction * step))
        self.update()

    def at_top(self) -> bool:
        return self.offset <= 0.0

    def at_bottom(self) -> bool:
        return self.offset >= self.max_offset()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self.image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            scale = self._scale()
            left = self.image.width() * SIDE_MARGIN_SHARE
            source = QRectF(left, self.offset, self._source_width(), self.height() / scale)
            painter.drawImage(QRectF(self.rect()), self.image, source)
        painter.setPen(QPen(QColor("#3D3D3D"), BORDER_PX))
        painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()


class StatementPreviewScreen(Screen[NoParams]):
    name = ScreenName.STATEMENT_PREVIEW
    prompt_id = "statement_preview"
    # no 返回: the PIN is verified; 首页 ends the session
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    print_requested = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.pages = 0
        self.by_finger = False  # identified by fingerprint, not PIN: the step indicator says so
        self.page = PagePreview(self)
        self.pages_label = secondary_label(self)
        self.pages_label.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.up_button = BigButton(theme, "secondary", self)
        self.down_button = BigButton(theme, "secondary", self)
        self.print_button = BigButton(theme, "primary", self)
        self.up_button.clicked.connect(lambda: self._scroll(-1))
        self.down_button.clicked.connect(lambda: self._scroll(1))
        self.print_button.clicked.connect(self._print_clicked)
        self.waiting = QWidget(self)  # until the page arrives: the busy indicator, centred
        waiting_layout = QVBoxLayout(self.waiting)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        self.busy = BusyIndicator(theme, self.waiting)
        waiting_layout.addStretch(1)
        waiting_layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addStretch(2)
        self.side_column: QWidget | None = None  # landscape: hidden with the page while waiting
        m = theme.margin
        outer: QBoxLayout
        if theme.portrait:
            outer = QVBoxLayout(self)
            row = QHBoxLayout()
            row.setSpacing(theme.gap)
            row.addWidget(self.up_button)
            row.addWidget(self.down_button)
            row.addWidget(self.print_button)
            outer.addWidget(self.waiting, 1)
            outer.addWidget(self.page, 1)
            outer.addWidget(self.pages_label)
            outer.addLayout(row)
        else:
            outer = QHBoxLayout(self)
            side = QVBoxLayout()
            side.setSpacing(theme.gap)
            side.addWidget(self.pages_label)
            side.addStretch(1)
            side.addWidget(self.up_button)
            side.addWidget(self.down_button)
            side.addStretch(1)
            side.addWidget(self.print_button)
            column = self.side_column = QWidget(self)
            column.setLayout(side)
            column.setFixedWidth(theme.px(SIDE_COLUMN_W))
            side.setContentsMargins(0, 0, 0, 0)
            outer.addWidget(self.waiting, 1)
            outer.addWidget(self.page, 1)
            outer.addWidget(column)
        outer.setContentsMargins(m, 0, m, m)
        outer.setSpacing(theme.gap)
        self._show_ready(False)

    # --- states -------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return not self.page.image.isNull()

    def show_document(self, image: QImage, pages: int) -> None:
        """The worker's preview arrived (called by the statement flow)."""
        self.pages = pages
        self.page.set_image(image)
        self._show_ready(True)
        self.print_button.setEnabled(True)
        self.retranslate()
        self.prompt_changed.emit()

    def _show_ready(self, ready: bool) -> None:
        for w in (self.page, self.pages_label, self.up_button, self.down_button, self.print_button):
            w.setVisible(ready)
        self.waiting.setVisible(not ready)
        if self.side_column is not None:
            self.side_column.setVisible(ready)  # the wait sits in the middle, not beside it
        if ready:
            self.busy.stop()
        self._update_scroll_buttons()

    @staticmethod
    def waiting_words() -> str:
        return QCoreApplication.translate("StatementPreview", "正在生成您的参保证明…")

    def _update_scroll_buttons(self) -> None:
        self.up_button.setEnabled(not self.page.at_top())
        self.down_button.setEnabled(not self.page.at_bottom())

    def _scroll(self, direction: int) -> None:
        self.page.step(direction)
        self._update_scroll_buttons()

    def _print_clicked(self) -> None:
        if self.ready:
            self.print_button.setEnabled(False)  # one print per preview
            self.print_requested.emit()

    # --- frame --------------------------------------------------------------------------------
    def steps(self) -> tuple[list[str], int] | None:
        return statement_steps(self.by_finger), 2

    def instruction(self) -> str:
        return prompt_text("statement_preview" if self.ready else "statement_preparing")

    def utterances(self) -> list[Utterance]:
        if not self.ready:
            return ["statement_preparing"]
        return ["statement_preview", Dynamic(self.pages_text())]

    def pages_text(self) -> str:
        return QCoreApplication.translate("StatementPreview", "共 %1 页").replace(
            "%1", str(self.pages)
        )

    # --- life cycle ---------------------------------------------------------------------------
    def enter(self, params: NoParams) -> None:
        """The flow clears the screen before a new statement; 返回 from printing keeps it."""
        super().enter(params)
        self.print_button.setEnabled(self.ready)
        if not self.ready:
            self.busy.start(self.waiting_words())

    def leave(self) -> None:
        self.busy.stop()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._update_scroll_buttons()

    def retranslate(self) -> None:
        self.pages_label.setText(self.pages_text() if self.pages else "")
        self.busy.set_words(self.waiting_words())
        self.up_button.setText(QCoreApplication.translate("StatementPreview", "往上看"))
        self.down_button.setText(QCoreApplication.translate("StatementPreview", "往下看"))
        self.print_button.setText(QCoreApplication.translate("StatementPreview", "打印"))

    def clear(self) -> None:
        super().clear()
        self.pages = 0
        self.by_finger = False
        self.page.clear()
        self._show_ready(False)
        self.busy.stop()
        self.pages_label.setText("")
