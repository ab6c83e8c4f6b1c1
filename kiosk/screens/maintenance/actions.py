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
from kiosk.screens.names import ScreenName
from kiosk.widgets.buttons import BigButton

MAX_REJECTED_SHOWN = 8  # the export holds all of them
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


class MaintenanceActionsScreen(TechnicianScreen[NoParams]):
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
        self.volume = tech_label(theme, self)
        layout.addWidget(self.result)
        layout.addWidget(self.detail)
        layout.addWidget(self.volume)
        layout.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(theme.gap)
        columns = 3 if theme.portrait else 4
        self.buttons: dict[ActionId, BigButton] = {}
        for index, action in enumerate(ActionId):
            role = "primary" if action is ActionId.DIAGNOSTICS else "secondary"
            button = tech_button(theme, self, role)
            button.clicked.connect(lambda _c=False, a=action: self.action_chosen.emit(a))
            grid.addWidget(button, index // columns, index % columns)
            self.buttons[action] = button
        layout.addLayout(grid)
        self.retranslate()

    def show_result(self, ok: bool | None, headline: str, detail: str = "") -> None:
        """ok None: in progress (neutral); True ✓ / False ✕ with the word and the colour."""
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
        self.detail.setText(detail)

    def show_volume(self, volume: int) -> None:
        self.volume.setText(
            QCoreApplication.translate(
                "Maintenance", "音量：%1（默认值在每位居民离开后恢复）"
            ).replace("%1", str(volume))
        )

    def retranslate(self) -> None:
        for action, button in self.buttons.items():
            button.setText(tr(action.value))

    def clear(self) -> None:
        super().clear()
        self.result.setText("")
        self.detail.setText("")


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
        lines = [
            f"#{e.get('seq')} {e.get('kind')} {e.get('occurred_at', '')[:16]} "
            f"{e.get('person_id') or ''} — {str(e.get('reason', ''))[:90]}"
            for e in self.entries[:MAX_REJECTED_SHOWN]
        ]
        if n > MAX_REJECTED_SHOWN:
            lines.append(
                QCoreApplication.translate("Maintenance", "……其余 %1 笔见导出文件").replace(
                    "%1", str(n - MAX_REJECTED_SHOWN)
                )
            )
        self.rows.setText("\n".join(lines))
        self.export_button.setText(QCoreApplication.translate("Maintenance", "导出列表"))
        self.export_button.setEnabled(n > 0)

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
    """A yes/no question."""

    name = ScreenName.MAINTENANCE_CONFIRM
    Params = ConfirmParams
    instruction_text = str(QT_TRANSLATE_NOOP("Maintenance", "技术维护：请确认"))
    bar_buttons = frozenset()

    answered = Signal(Question, bool)  # the question, yes

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.margin, theme.margin, theme.margin, theme.margin)
        self.question = tech_label(theme, self, TECH_TITLE_PX, bold=True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.question)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(theme.gap * 3)
        self.yes = tech_button(theme, self, "primary")
        self.no = tech_button(theme, self)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        layout.addLayout(row)
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))

    def current(self) -> Question:
        return self.params.question

    def _answer(self, yes: bool) -> None:
        self.answered.emit(self.current(), yes)

    def retranslate(self) -> None:
        self.question.setText(tr(self.current().value))
        self.yes.setText(QCoreApplication.translate("Maintenance", "是"))
        self.no.setText(QCoreApplication.translate("Maintenance", "否"))


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
