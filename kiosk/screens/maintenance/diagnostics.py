"""The diagnostics screen: every part of the kiosk at a glance, each with a state word and mark
(the colour only repeats them), a short technical text, and the way to the actions.

Checks arrive one by one from the threads that own the devices (`show_check`); a part not yet
answered shows "checking". The report shown is what the diagnostic bundle exports. Each check reads
in words (kiosk/screens/maintenance/words.py: "纸用完了：请装纸"), with its code and raw text small
underneath for remote support (`out_of_paper · statement: out of paper …`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ops.diagnostics import Check, CheckId, DiagnosticsReport, State, utc_now_iso
from kiosk.screens.base import NoParams, ScreenContext
from kiosk.screens.maintenance.entry import (
    TECH_BODY_PX,
    TechnicianScreen,
    state_colour,
    state_word,
    tech_button,
    tech_label,
    tr,
)
from kiosk.screens.maintenance.words import (
    TECH_SECONDARY_PX,
    code_words,
    escape,
    feed_words,
    secondary,
)
from kiosk.screens.names import ScreenName
from kiosk.widgets.theme import Theme

MAX_TEXT_CHARS = 150  # one check's text on screen; the bundle keeps it whole

CHECK_TITLES: dict[CheckId, str] = {
    CheckId.CARD_READER: str(QT_TRANSLATE_NOOP("Maintenance", "读卡器")),
    CheckId.FINGERPRINT: str(QT_TRANSLATE_NOOP("Maintenance", "指纹仪")),
    CheckId.PRINTER: str(QT_TRANSLATE_NOOP("Maintenance", "打印机")),
    CheckId.COUNTY: str(QT_TRANSLATE_NOOP("Maintenance", "县平台")),
    CheckId.DATABASE: str(QT_TRANSLATE_NOOP("Maintenance", "数据库")),
    CheckId.DISK: str(QT_TRANSLATE_NOOP("Maintenance", "磁盘空间")),
    CheckId.SOFTWARE: str(QT_TRANSLATE_NOOP("Maintenance", "软件版本")),
    CheckId.LOG_ERRORS: str(QT_TRANSLATE_NOOP("Maintenance", "最近错误")),
}


def _age(seconds: object) -> str:
    """ "90 分钟前" (en "90 min ago")."""
    if not isinstance(seconds, int | float):
        return "—"
    if seconds < 120:
        text, n = QCoreApplication.translate("Maintenance", "%1 秒前"), seconds
    elif seconds < 7200:
        text, n = QCoreApplication.translate("Maintenance", "%1 分钟前"), seconds / 60
    elif seconds < 172800:
        text, n = QCoreApplication.translate("Maintenance", "%1 小时前"), seconds / 3600
    else:
        text, n = QCoreApplication.translate("Maintenance", "%1 天前"), seconds / 86400
    return text.replace("%1", f"{n:.0f}")


def check_words(check: Check) -> str:
    """What the check found, in words; for the county platform, the sync numbers in words too."""
    words = code_words(check.reason)
    d = check.details
    free, total = d.get("free_bytes"), d.get("total_bytes")
    if check.id is CheckId.DISK and isinstance(free, int) and isinstance(total, int):
        space = QCoreApplication.translate("Maintenance", "剩余 %1 GiB，共 %2 GiB")
        space = space.replace("%1", f"{free / 2**30:.1f}").replace("%2", f"{total / 2**30:.1f}")
        words = space if check.state is State.OK else f"{words}（{space}）"
    if check.id is CheckId.SOFTWARE and d.get("kiosk_version"):
        words = QCoreApplication.translate("Maintenance", "版本 %1").replace(
            "%1", str(d["kiosk_version"])
        )
    if check.id is CheckId.COUNTY and "pending" in d:
        offset = d.get("clock_offset_s")
        feeds = d.get("feed_ages_s") or {}
        numbers = (
            QCoreApplication.translate("Maintenance", "待送出 %1 笔 · 被拒 %2 笔")
            .replace("%1", str(d.get("pending")))
            .replace("%2", str(d.get("rejected")))
        )
        if isinstance(offset, int | float):
            numbers += " · " + QCoreApplication.translate("Maintenance", "时钟差 %1 秒").replace(
                "%1", f"{offset:+.0f}"
            )
        if feeds:
            updated = ", ".join(f"{feed_words(k)} {_age(v)}" for k, v in feeds.items())
            numbers += " · " + QCoreApplication.translate("Maintenance", "更新：%1").replace(
                "%1", updated
            )
        words += "\n" + numbers
    return words


def check_raw(check: Check) -> str:
    """The code and the raw text, for remote support (the bundle keeps them whole)."""
    text = check.text[:MAX_TEXT_CHARS]
    return text if check.state is State.OK else f"{check.reason} · {text}"


DEVICES = frozenset({CheckId.CARD_READER, CheckId.FINGERPRINT, CheckId.PRINTER})


def check_text(check: Check, theme: Theme) -> str:
    """Rich text: the words, then the code and raw text small and grey (for a part that is OK,
    only a device's: its name and model; the disk's and version's words say it all)."""
    words = escape(check_words(check)).replace("\n", "<br>")
    if check.state is State.OK and check.id not in DEVICES:
        return words
    raw = secondary(check_raw(check), theme.px(TECH_SECONDARY_PX), theme.palette.text_secondary)
    return f"{words}<br>{raw}"


class MaintenanceDiagnosticsScreen(TechnicianScreen[NoParams]):
    name = ScreenName.MAINTENANCE_DIAGNOSTICS
    instruction_text = str(QT_TRANSLATE_NOOP("Maintenance", "技术维护：设备状态"))
    bar_buttons = frozenset()

    refresh_requested = Signal()
    actions_requested = Signal()
    leave_requested = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.margin, 0, theme.margin, theme.px(8))
        layout.setSpacing(theme.px(8))
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.px(16))
        grid.setVerticalSpacing(theme.px(6))
        self.titles: dict[CheckId, QLabel] = {}
        self.states: dict[CheckId, QLabel] = {}
        self.texts: dict[CheckId, QLabel] = {}
        for row, cid in enumerate(CheckId):
            title = tech_label(theme, self, TECH_BODY_PX, bold=True)
            title.setWordWrap(False)
            state = tech_label(theme, self, TECH_BODY_PX, bold=True)
            state.setWordWrap(False)
            text = tech_label(theme, self)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(state, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 2)
            self.titles[cid], self.states[cid], self.texts[cid] = title, state, text
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.audit_note = tech_label(theme, self)
        layout.addWidget(self.audit_note)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.gap * 2)
        self.refresh_button = tech_button(theme, self)
        self.actions_button = tech_button(theme, self, "primary")
        self.leave_button = tech_button(theme, self)
        for b in (self.refresh_button, self.actions_button, self.leave_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.actions_button.clicked.connect(self.actions_requested)
        self.leave_button.clicked.connect(self.leave_requested)
        self.checks: dict[CheckId, Check] = {}
        self.reset()

    def enter(self, params: NoParams) -> None:
        super().enter(params)

    def reset(self) -> None:
        """Every part back to "checking" (a refresh starts)."""
        self.checks.clear()
        self.retranslate()

    def show_check(self, check: Check) -> None:
        self.checks[check.id] = check
        self._show(check.id)

    def show_audit_problem(self, text: str) -> None:
        self.audit_note.setText(
            QCoreApplication.translate("Maintenance", "审计记录未写入：%1").replace("%1", text)
        )

    def report(self) -> DiagnosticsReport:
        ordered = tuple(self.checks[c] for c in CheckId if c in self.checks)
        return DiagnosticsReport(ordered, utc_now_iso())

    def _show(self, cid: CheckId) -> None:
        check = self.checks.get(cid)
        state, text = self.states[cid], self.texts[cid]
        if check is None:
            state.setText(QCoreApplication.translate("Maintenance", "检查中"))
            state.setStyleSheet(state.styleSheet().split("color:")[0])
            text.setText("")
            return
        state.setText(state_word(check.state))
        base = state.styleSheet().split("color:")[0]
        state.setStyleSheet(f"{base}color: {state_colour(self.ctx.theme, check.state)};")
        text.setText(check_text(check, self.ctx.theme))

    def retranslate(self) -> None:
        for cid in CheckId:
            self.titles[cid].setText(tr(CHECK_TITLES[cid]))
            self._show(cid)
        self.refresh_button.setText(QCoreApplication.translate("Maintenance", "重新检查"))
        self.actions_button.setText(QCoreApplication.translate("Maintenance", "维护操作"))
        self.leave_button.setText(QCoreApplication.translate("Maintenance", "退出维护"))

    def clear(self) -> None:
        super().clear()
        self.audit_note.setText("")
        self.reset()
