"""The satisfaction rating at the end of a service: five large buttons, each a drawn face *and* a
word (the national 好差评 levels, 非常不满意 … 非常满意; never colour alone), and a way to skip.
Then thanks.

Any flow offers it at its end with `offer_rating(navigator, "certification")` (the same as
`navigator.go(ScreenName.RATING, RatingParams(service=...))`). The screen emits
`rated(service, score)` (the application records a `rating` transaction) and `finished()` when
the resident is done; it never traps anyone: 不评价 and 首页 end the session like everywhere
else, and idle times out.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.screens.base import Screen, ScreenContext, ScreenParams
from kiosk.screens.names import ScreenName
from kiosk.screens.navigator import Navigator
from kiosk.texts import Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.theme import Status

# The services a rating may be about (the RatingTx enum of the county API).
RATED_SERVICES = frozenset({"certification", "statement", "benefits", "jobs", "notices"})
SCORE_WORDS: dict[int, object] = {
    # the national 好差评 five levels (政务服务"好差评"), worst to best as the faces go
    1: QT_TRANSLATE_NOOP("Rating", "非常不满意"),
    2: QT_TRANSLATE_NOOP("Rating", "不满意"),
    3: QT_TRANSLATE_NOOP("Rating", "基本满意"),
    4: QT_TRANSLATE_NOOP("Rating", "满意"),
    5: QT_TRANSLATE_NOOP("Rating", "非常满意"),
}
FACE_BUTTON_H = 190
FACE_PX = 84
WIDE_SCREEN_W = 1600  # five buttons in one row from this width; 3 + 2 below, one column portrait


def offer_rating(navigator: Navigator, service: str) -> None:
    """The hook for any flow's last step: show the rating for `service` (see RATED_SERVICES)."""
    if service not in RATED_SERVICES:
        raise ValueError(f"unknown service {service!r} for a rating")
    navigator.go(ScreenName.RATING, RatingParams(service=service))


def tr(text: object) -> str:
    return QCoreApplication.translate("Rating", str(text))


class FaceButton(BigButton):
    """A face (mouth from frown to smile) above its word; drawn, so no emoji font is needed."""

    def __init__(self, theme: Any, score: int, horizontal: bool, parent: QWidget) -> None:
        super().__init__(theme, "secondary", parent)
        self.score = score
        self._horizontal = horizontal
        self._face = theme.px(FACE_PX)
        self._pad = theme.px(16)
        self.setFixedHeight(theme.px(FACE_BUTTON_H) if not horizontal else theme.target_h)
        self.setMinimumWidth(
            theme.px(260) if not horizontal else theme.target_w
        )  # fmt: skip

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.text()
        self.setText("")
        super().paintEvent(event)
        self.setText(text)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().buttonText().color()
        pen = QPen(colour, max(3.0, self._face / 16))
        painter.setPen(pen)
        r = self.rect()
        size = min(self._face, r.height() - 2 * self._pad)
        if self._horizontal:
            words_w = self.fontMetrics().horizontalAdvance(text)
            left = (r.width() - size - self._pad - words_w) / 2
            face = QRectF(left, (r.height() - size) / 2, size, size)
            words = QRectF(face.right() + self._pad, 0, words_w + 2, r.height())
        else:
            words_h = self.fontMetrics().height()
            top = (r.height() - size - self._pad / 2 - words_h) / 2
            face = QRectF((r.width() - size) / 2, top, size, size)
            words = QRectF(0, face.bottom() + self._pad / 2, r.width(), words_h)
        self._draw_face(painter, face)
        painter.drawText(words, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def _draw_face(self, painter: QPainter, face: QRectF) -> None:
        painter.drawEllipse(face)
        eye = face.width() / 14
        for dx in (-0.18, 0.18):
            centre = QPointF(
                face.center().x() + dx * face.width(), face.top() + face.height() * 0.38
            )
            painter.drawEllipse(centre, eye, eye)
        # mouth: curvature from -1 (frown) to +1 (smile)
        curve = (self.score - 3) / 2
        left = face.left() + face.width() * 0.28
        right = face.right() - face.width() * 0.28
        y = face.top() + face.height() * (0.68 - 0.04 * curve)
        steps = 12
        points = []
        for i in range(steps + 1):
            t = i / steps
            x = left + (right - left) * t
            points.append(QPointF(x, y + curve * face.height() * 0.12 * math.sin(math.pi * t)))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)


@dataclass(frozen=True)
class RatingParams(ScreenParams):
    service: str = ""  # one of RATED_SERVICES
    score: int | None = None  # 返回 from 求助 after rating: still thanked, not asked again


class RatingScreen(Screen[RatingParams]):
    name = ScreenName.RATING
    Params = RatingParams
    prompt_id = "rating"
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    rated = Signal(str, int)  # service, score 1..5
    finished = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.service = ""
        self.score: int | None = None
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m * 2, m // 2, m * 2, m // 2)
        layout.setSpacing(theme.gap)
        self.faces = QWidget(self)
        grid = QGridLayout(self.faces)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(theme.gap)
        columns = 1 if theme.portrait else (5 if theme.width >= WIDE_SCREEN_W else 3)
        self.buttons: dict[int, FaceButton] = {}
        for index, score in enumerate(sorted(SCORE_WORDS)):  # 非常不满意 … 非常满意
            button = FaceButton(theme, score, columns == 1, self.faces)
            button.clicked.connect(lambda _c=False, s=score: self._rate(s))
            grid.addWidget(button, index // columns, index % columns)
            self.buttons[score] = button
        self.banner = StatusBanner(self)
        self.banner.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.skip = BigButton(theme, "secondary", self)
        self.skip.setMinimumWidth(theme.px(420))
        self.skip.clicked.connect(self.finished)
        layout.addStretch(1)
        layout.addWidget(self.faces)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignHCenter)

    def enter(self, params: RatingParams) -> None:
        self.service = params.service if params.service in RATED_SERVICES else ""
        self.score = params.score
        super().enter(params)

    def _rate(self, score: int) -> None:
        if self.score is not None:
            return  # one rating per service
        self.score = score
        self.params = replace(self.params, score=score)
        if self.service:
            self.rated.emit(self.service, score)
        self.retranslate()
        self.prompt_changed.emit()

    def _prompt(self) -> str:
        return "rating" if self.score is None else "rating_thanks"

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def utterances(self) -> list[Utterance]:
        return [self._prompt()]

    def retranslate(self) -> None:
        for score, button in self.buttons.items():
            button.setText(tr(SCORE_WORDS[score]))
        thanked = self.score is not None
        self.faces.setVisible(not thanked)
        if thanked:
            self.banner.show_status(Status.SUCCESS, tr(SCORE_WORDS[self.score or 3]))
        else:
            self.banner.clear_status()
        self.skip.setText(
            QCoreApplication.translate("Rating", "返回首页")
            if thanked
            else QCoreApplication.translate("Rating", "不评价，回首页")
        )

    def clear(self) -> None:
        super().clear()
        self.service = ""
        self.score = None
        self.retranslate()
