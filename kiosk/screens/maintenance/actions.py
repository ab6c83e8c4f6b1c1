"""Maintenance actions, the rejected-transactions list, the folder choice for exports, and the
yes/no confirmations (test page looked right? restart? leave to the desktop?).

Screens only show and emit; `kiosk/flows/maintenance.py` runs the actions and audits them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, ScreenContext, ScreenParams
from kiosk.screens.maintenance.entry import (
    TECH_TITLE_PX,
    TechnicianScreen,
    tech_button,
    tech_label,
    tr,
)
from kiosk.screens.maintenance.words import (
    TECH_SECONDARY_PX,
    escape,
    kind_words,
    local_time,
    message_words,
    secondary,
)
from kiosk.screens.names import ScreenName
from kiosk.widgets.buttons import BigButton

MAX_REJECTED_SHOWN = 8  # the export holds all of them
ANSWER_SCALE = 1.5  # 是/否: taller than a technician button
ANSWER_MIN_W = 400  # px at scale 1
MAX_FOLDERS_SHOWN = 6


class ActionId(enum.Enum):
    TEST_CARD = str(QT_TRANSLATE_NOOP("Maintenance", "读卡测试"))
    TEST_FINGER = str(QT_TRANSLATE_NOOP("Maintenance", "指纹测试"))
    TEST_PRINT = str(QT_TRANSLATE_NOOP("Maintenance", "打印测试页"))
    SYNC_NOW = str(QT_TRANSLATE_NOOP("Maintenance", "立即同步"))
    REPULL = str(QT_TRANSLATE_NOOP("Maintenance", "重新下载数据"))
    REJECTED = str(QT_TRANSLATE_NOOP("Maintenance", "被拒交易"))
    BUNDLE = str(QT_TRANSLATE_NOOP("Maintenance", "导出诊断包"))
    VOLUME_DOWN = str(QT_TRANSLATE_NOOP("Maintenance", "音量 −"))
    VOLUME_UP = str(QT_TRANSLATE_NOOP("Maintenance", "音量 +"))
    RESTART = str(QT_TRANSLATE_NOOP("Maintenance", "重启程序"))
    DESKTOP = str(QT_TRANSLATE_NOOP("Maintenance", "退出到桌面"))
    DIAGNOSTICS = str(QT_TRANSLATE_NOOP("Maintenance", "设备状态"))
    LEAVE = str(QT_TRANSLATE_NOOP("Maintenance", "退出维护"))


WAYS_OUT = (ActionId.DIAGNOSTICS, ActionId.LEAVE)  # their own row under the actions


class MaintenanceActionsScreen(TechnicianScreen[NoParams]):
    """The actions, and the last result: it stays until the technician dismisses it (知道了) or
    starts another action; a sync round nobody asked for never replaces it."""

    name = ScreenName.MAINTENANCE_ACTIONS
    instruction_text = str(QT_TRANSLATE_NOOP("Maintenance", "技术维护：维护操作"))
    bar_buttons = frozenset()

    action_chosen = Signal(ActionId)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.margin, 0, theme.margin, theme.px(8))
        layout.setSpacing(theme.px(12))
        self.result = tech_label(theme, self, TECH_TITLE_PX, bold=True)
        self.detail = tech_label(theme, self)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.dismiss = tech_button(theme, self)
        self.dismiss.clicked.connect(self.dismiss_result)
        self.dismiss.hide()
        top = QHBoxLayout()
        top.setSpacing(theme.gap)
        texts = QVBoxLayout()
        texts.setSpacing(theme.px(6))
        self.volume = tech_label(theme, self)
        texts.addWidget(self.result)
        texts.addWidget(self.detail)
        texts.addWidget(self.volume)
        top.addLayout(texts, 1)
        top.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(theme.gap)
        # landscape: five columns, so that 1280×1024 keeps three rows; the ways out (back to the
        # diagnostics, leave maintenance) end the last row on the right; portrait: their own row
        columns = 3 if theme.portrait else 5
        self.buttons: dict[ActionId, BigButton] = {}
        tools = [a for a in ActionId if a not in WAYS_OUT]
        for index, action in enumerate(tools):
            self.buttons[action] = self._button(action, "secondary")
            grid.addWidget(self.buttons[action], index // columns, index % columns)
        layout.addLayout(grid)
        last_row, used = divmod(len(tools), columns)
        if used > columns - len(WAYS_OUT):
            last_row += 1
        ways_out = QHBoxLayout()  # portrait: half the width each
        ways_out.setSpacing(theme.gap)
        for index, action in enumerate(WAYS_OUT):
            role = "primary" if action is ActionId.DIAGNOSTICS else "secondary"
            self.buttons[action] = self._button(action, role)
            if theme.portrait:
                ways_out.addWidget(self.buttons[action])
            else:
                column = columns - len(WAYS_OUT) + index
                grid.addWidget(self.buttons[action], last_row, column)
        if theme.portrait:
            layout.addSpacing(theme.gap)  # the grid's gap, not the texts' spacing
            layout.addLayout(ways_out)
        self.retranslate()

    def _button(self, action: ActionId, role: str) -> BigButton:
        button = tech_button(self.ctx.theme, self, role)
        button.clicked.connect(lambda _c=False, a=action: self.action_chosen.emit(a))
        return button

    def show_result(self, ok: bool | None, headline: str, detail: str = "", raw: str = "") -> None:
        """ok None: in progress (neutral); True ✓ / False ✕ with the word and the colour. `detail`
        is words; `raw` (a code, a worker's own text) is shown small under them, for support."""
        p = self.ctx.theme.palette
        if ok is None:
            mark, colour = "…", p.text
        elif ok:
            word = QCoreApplication.translate("Maintenance", "成功")
            mark, colour = f"✓ {word}", p.success
        else:
            word = QCoreApplication.translate("Maintenance", "未成功")
            mark, colour = f"✕ {word}", p.error
        base = self.result.styleSheet().split("color:")[0]
        self.result.setStyleSheet(f"{base}color: {colour};")
        self.result.setText(f"{mark}  {headline}")
        theme = self.ctx.theme
        parts = [escape(detail)] if detail else []
        if raw:
            parts.append(secondary(raw, theme.px(TECH_SECONDARY_PX), p.text_secondary))
        self.detail.setText("<br>".join(parts))
        self.dismiss.setVisible(ok is not None)  # a result, not a step in progress

    def dismiss_result(self) -> None:
        """知道了: the technician has read the result."""
        self.result.setText("")
        self.detail.setText("")
        self.dismiss.hide()

    def show_volume(self, volume: int) -> None:
        self.volume.setText(
            QCoreApplication.translate(
                "Maintenance", "音量：%1（默认值在每位居民离开后恢复）"
            ).replace("%1", str(volume))
        )

    def retranslate(self) -> None:
        for action, button in self.buttons.items():
            button.setText(tr(action.value))
        self.dismiss.setText(QCoreApplication.translate("Maintenance", "知道了"))

    def clear(self) -> None:
        super().clear()
        self.dismiss_result()


class MaintenanceRejectedScreen(TechnicianScreen[NoParams]):
    """Rejected transactions with the platform's reasons; person ids arrive masked."""

    name = ScreenName.MAINTENANCE_REJECTED
    instruction_text = str(QT_TRANSLATE_NOOP("Maintenance", "技术维护：被平台拒绝的交易"))

    export_requested = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.margin, 0, theme.margin, theme.px(8))
        self.summary = tech_label(theme, self, TECH_TITLE_PX, bold=True)
        self.rows = tech_label(theme, self)
        self.rows.setTextFormat(Qt.TextFormat.RichText)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows, 1)
        self.export_button = tech_button(theme, self, "primary")
        self.export_button.clicked.connect(self.export_requested)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        self.entries: list[dict[str, Any]] = []
        self.retranslate()

    def show_entries(self, entries: list[dict[str, Any]]) -> None:
        self.entries = list(entries)
        self.retranslate()

    def retranslate(self) -> None:
        n = len(self.entries)
        self.summary.setText(
            QCoreApplication.translate("Maintenance", "共 %1 笔").replace("%1", str(n))
        )
        lines = [self._row(e) for e in self.entries[:MAX_REJECTED_SHOWN]]
        if n > MAX_REJECTED_SHOWN:
            lines.append(
                QCoreApplication.translate("Maintenance", "……其余 %1 笔见导出文件").replace(
                    "%1", str(n - MAX_REJECTED_SHOWN)
                )
            )
        self.rows.setText("<br>".join(lines))
        self.export_button.setText(QCoreApplication.translate("Maintenance", "导出列表"))
        self.export_button.setEnabled(n > 0)

    def _row(self, entry: dict[str, Any]) -> str:
        """#41 · 2026年11月27日 10:15 · 岗位意向登记 · 3201**********123X — 岗位已经关闭, and the
        platform's own reason small underneath (the id numbers in it arrive masked)."""
        theme = self.ctx.theme
        reason = str(entry.get("reason", ""))
        head = " · ".join(
            part
            for part in (
                f"#{entry.get('seq')}",
                local_time(str(entry.get("occurred_at", "")), self.ctx.language),
                kind_words(str(entry.get("kind", ""))),
                str(entry.get("person_id") or ""),
            )
            if part
        )
        words = message_words(reason) or QCoreApplication.translate("Maintenance", "平台拒收")
        raw = secondary(reason[:90], theme.px(TECH_SECONDARY_PX), theme.palette.text_secondary)
        return f"<b>{escape(head)}</b> — {escape(words)}<br>{raw}"

    def clear(self) -> None:
        super().clear()
        self.entries = []
        self.retranslate()


@dataclass(frozen=True)
class FolderParams(ScreenParams):
    what: str = "bundle"  # what is exported: "bundle" | "rejected"


class MaintenanceFolderScreen(TechnicianScreen[FolderParams]):
    """Choose by touch where an export goes: USB sticks under /media and /mnt, or the data
    directory's exports folder."""

    name = ScreenName.MAINTENANCE_FOLDER
    Params = FolderParams
    instruction_text = str(QT_TRANSLATE_NOOP("Maintenance", "技术维护：选择导出到哪里"))

    folder_chosen = Signal(str, str)  # what, folder

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(theme.margin, 0, theme.margin, theme.px(8))
        self._layout.setSpacing(theme.gap)
        self.note = tech_label(theme, self)
        self._layout.addWidget(self.note)
        self.buttons: list[BigButton] = []
        self._layout.addStretch(1)
        self.folders: list[str] = []

    def show_folders(self, folders: list[str]) -> None:
        for b in self.buttons:
            b.deleteLater()
        self.buttons = []
        self.folders = folders[:MAX_FOLDERS_SHOWN]
        for index, folder in enumerate(self.folders):
            button = tech_button(self.ctx.theme, self)
            button.setText(_short(folder))
            button.clicked.connect(lambda _c=False, f=folder: self._chosen(f))
            self._layout.insertWidget(1 + index, button)
            button.show()  # else a layout shows it only later, queued (a tap could miss it)
            self.buttons.append(button)
        self.retranslate()

    def _chosen(self, folder: str) -> None:
        self.folder_chosen.emit(self.params.what, folder)

    def retranslate(self) -> None:
        text = QCoreApplication.translate(
            "Maintenance", "没有找到U盘：请插入U盘后返回再进入，或导出到本机的导出文件夹"
        )
        usb = [f for f in self.folders if not f.endswith("/exports")]
        self.note.setText(
            QCoreApplication.translate("Maintenance", "点选一个文件夹") if usb else text
        )

    def clear(self) -> None:
        super().clear()
        self.show_folders([])


def _short(folder: str, limit: int = 40) -> str:
    return folder if len(folder) <= limit else "…" + folder[-(limit - 1) :]


class Question(enum.Enum):
    TEST_PAGE_OK = QT_TRANSLATE_NOOP(
        "Maintenance", "测试页打印得对吗？（中文、生僻字清楚，网格完整）"
    )
    RESTART = str(QT_TRANSLATE_NOOP("Maintenance", "现在重启程序吗？"))
    DESKTOP = str(QT_TRANSLATE_NOOP("Maintenance", "退出自助服务程序，回到桌面吗？"))


@dataclass(frozen=True)
class ConfirmParams(ScreenParams):
    question: Question = Question.TEST_PAGE_OK


class MaintenanceConfirmScreen(TechnicianScreen[ConfirmParams]):
    """A yes/no question: 是 and 否 as big as a resident's buttons; 返回 (bar) and 退出维护 are
    ways out without an answer (`unanswered` then tells the flow, which audits it)."""

    name = ScreenName.MAINTENANCE_CONFIRM
    Params = ConfirmParams
    instruction_text = str(QT_TRANSLATE_NOOP("Maintenance", "技术维护：请确认"))

    answered = Signal(Question, bool)  # the question, yes
    unanswered = Signal(Question)  # left by 返回, 退出维护 or the idle end
    leave_requested = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.margin, theme.margin, theme.margin, theme.px(8))
        self.question = tech_label(theme, self, TECH_TITLE_PX, bold=True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.question)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(theme.gap * 3)
        self.yes = BigButton(theme, "primary", self)  # the residents' size: 48 px words
        self.no = BigButton(theme, "secondary", self)
        for button in (self.yes, self.no):
            button.setFixedHeight(round(theme.target_h * ANSWER_SCALE))
            button.setMinimumWidth(theme.px(ANSWER_MIN_W))
        row.addStretch(1)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.leave_button = tech_button(theme, self)
        self.leave_button.setMinimumWidth(theme.px(ANSWER_MIN_W // 2))
        layout.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignRight)
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        self.leave_button.clicked.connect(self.leave_requested)
        self._answered = False

    def current(self) -> Question:
        return self.params.question

    def enter(self, params: ConfirmParams) -> None:
        self._answered = False
        super().enter(params)

    def leave(self) -> None:
        super().leave()
        if not self._answered:
            self._answered = True
            self.unanswered.emit(self.current())

    def _answer(self, yes: bool) -> None:
        self._answered = True
        self.answered.emit(self.current(), yes)

    def retranslate(self) -> None:
        self.question.setText(tr(self.current().value))
        self.yes.setText(QCoreApplication.translate("Maintenance", "是"))
        self.no.setText(QCoreApplication.translate("Maintenance", "否"))
        self.leave_button.setText(QCoreApplication.translate("Maintenance", "退出维护"))


__all__ = [
    "ActionId",
    "MaintenanceActionsScreen",
    "MaintenanceConfirmScreen",
    "MaintenanceFolderScreen",
    "MaintenanceRejectedScreen",
    "Path",
    "QLabel",
    "Question",
]
