"""Maintenance mode's logic in the application: entry, the session, diagnostics and actions.

`MaintenanceFlow` is built by `KioskApp` with the services it asks. Entry: a technician card read
anywhere (never a resident session) or the hidden corner sequence, then the PIN (checked on the
maintenance worker: scrypt takes ~0.1 s). The session (`MaintenanceSession`) ends after
`[maintenance] idle_timeout` without a touch, when the technician card leaves (card entries), or
on "leave". Every step is audited through the worker (`audit_action`). Device checks run on the
thread that owns each device: the card reader through the card service, the printer check and
the test page through the printer service, the sensor check and the test capture through the
fingerprint service; the maintenance worker opens no device.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from drivers.card.api import CardData, CardReader
from drivers.fingerprint.api import FingerprintSensor
from kiosk.core.dates import format_date, format_date_en
from kiosk.core.language import in_language
from kiosk.core.maintenance_audit import MaintenanceAction
from kiosk.core.masking import mask_card_number, mask_name, mask_person_id
from kiosk.flows.context import FlowContext
from kiosk.ops.diagnostics import Check, CheckId, State, probe_card_reader, probe_fingerprint
from kiosk.ops.technician import (
    AttemptOutcome,
    AttemptResult,
    EntryMethod,
    MaintenanceEnd,
    MaintenanceSession,
    TechnicianGate,
)
from kiosk.screens.maintenance.actions import (
    ActionId,
    ConfirmParams,
    FolderParams,
    MaintenanceActionsScreen,
    MaintenanceConfirmScreen,
    MaintenanceFolderScreen,
    MaintenanceRejectedScreen,
    Question,
)
from kiosk.screens.maintenance.diagnostics import MaintenanceDiagnosticsScreen
from kiosk.screens.maintenance.entry import MaintenanceEntryScreen
from kiosk.screens.maintenance.words import code_words, feed_words, message_words
from kiosk.screens.names import ScreenName
from kiosk.services.fingerprint_service import FingerprintService
from kiosk.services.maintenance_service import (
    ActionResult,
    MaintenanceService,
    action_of_test_page,
    test_capture_with,
)
from kiosk.services.printer_service import PrinterService, TestPageResult

if TYPE_CHECKING:
    from kiosk.services.card_service import CardService
    from kiosk.services.sync_service import SyncService, SyncSnapshot
    from kiosk.services.voice import Voice

log = logging.getLogger(__name__)


TICK_MS = 1000  # idle and lockout countdown check
PIN_SCREEN_TIMEOUT_S = 60.0  # an abandoned PIN screen returns home
VOLUME_STEP = 10
RESTART_EXIT_CODE = 75  # EX_TEMPFAIL: kiosk/main.py re-executes itself (see docs/maintenance.md)
DESKTOP_EXIT_CODE = 0


def is_maintenance_screen(name: ScreenName | None) -> bool:
    return name is not None and name.is_maintenance


class MaintenanceFlow(QObject):
    ended = Signal(str)  # MaintenanceEnd value

    def __init__(
        self,
        ctx: FlowContext,
        gate: TechnicianGate,
        service: MaintenanceService,
        *,
        card: CardService,
        fingerprint: FingerprintService,
        printer: PrinterService,
        sync: SyncService,
        voice: Voice,
        quit: Callable[[int], None],
        end_quietly: Callable[[], None],
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        """`quit(code)` leaves the application (restart or desktop); `end_quietly()` returns to
        residents keeping the technician's volume; `fingerprint` is the service whose thread
        owns the sensor (its check and the test capture run there); `printer` is the service whose
        thread owns the printer (its check and the test page run there)."""
        super().__init__(parent)
        self.ctx = ctx
        self.gate = gate
        self.service = service
        self.card = card
        self.fingerprint = fingerprint
        self.printer = printer
        self.sync = sync
        self.voice = voice
        self._end_quietly = end_quietly
        self.shut_down = False  # set by end_for_shutdown: late answers touch no deleted screen
        self._sync_asked = False  # the technician pressed sync: the next round's report is theirs
        self._monotonic = monotonic
        self.session: MaintenanceSession | None = None
        self._method: EntryMethod | None = None  # while the PIN screen waits
        self._pin_since = 0.0
        self._awaiting_card = False  # "test card read" pressed: show the next card
        self._test_page_asked = False  # "did the test page look right?" waits for an answer
        self._capture_cancel = threading.Event()  # set: the test capture stops waiting
        self.quit = quit
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        nav = ctx.navigator
        self.entry = nav.get_as(ScreenName.MAINTENANCE, MaintenanceEntryScreen)
        self.diagnostics = nav.get_as(
            ScreenName.MAINTENANCE_DIAGNOSTICS, MaintenanceDiagnosticsScreen
        )
        self.actions = nav.get_as(ScreenName.MAINTENANCE_ACTIONS, MaintenanceActionsScreen)
        self.rejected = nav.get_as(ScreenName.MAINTENANCE_REJECTED, MaintenanceRejectedScreen)
        self.folders = nav.get_as(ScreenName.MAINTENANCE_FOLDER, MaintenanceFolderScreen)
        self.confirm = nav.get_as(ScreenName.MAINTENANCE_CONFIRM, MaintenanceConfirmScreen)
        self.entry.pin_entered.connect(self._pin_entered)
        self.diagnostics.refresh_requested.connect(self.refresh_diagnostics)
        self.diagnostics.actions_requested.connect(lambda: nav.go(ScreenName.MAINTENANCE_ACTIONS))
        self.diagnostics.leave_requested.connect(lambda: self.end(MaintenanceEnd.LEFT))
        self.actions.action_chosen.connect(self.run_action)
        self.rejected.export_requested.connect(lambda: self._choose_folder("rejected"))
        self.folders.folder_chosen.connect(self._export)
        self.confirm.answered.connect(self._answered)
        self.confirm.unanswered.connect(self._unanswered)
        self.confirm.leave_requested.connect(lambda: self.end(MaintenanceEnd.LEFT))
        w = service.worker
        w.pin_result.connect(self._pin_result)
        w.check_done.connect(self.diagnostics.show_check)
        w.action_done.connect(self._action_done)
        w.rejected_listed.connect(self.rejected.show_entries)
        w.media_listed.connect(self.folders.show_folders)
        w.audit_failed.connect(self.diagnostics.show_audit_problem)
        card.probe_done.connect(self._card_probed)
        fingerprint.probe_done.connect(self._sensor_probed)
        printer.status_probed.connect(self._printer_probed)
        printer.test_page_done.connect(self._test_page_done)
        sync.status_changed.connect(self._sync_status)

    # --- entry ----------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.session is not None and self.session.active

    def begin(self, method: EntryMethod) -> None:
        """Show the PIN keypad (technician card read, or the corner sequence)."""
        if self.active:
            return
        log.info("maintenance entry by %s", method.value, extra={"event": "maintenance_entry"})
        self._method = method
        self._pin_since = self._monotonic()
        self.ctx.navigator.go(ScreenName.MAINTENANCE)
        self._show_lock()
        self.timer.start()

    def _pin_entered(self, pin: str) -> None:
        self._pin_since = self._monotonic()
        self.service.attempt_pin(pin)

    def _pin_result(self, result: AttemptResult) -> None:
        if self.shut_down:  # queued by the worker before it stopped: the screens are gone
            return
        if result.outcome is AttemptOutcome.GRANTED and result.technician:
            if self._method is None:  # the entry was abandoned (card out) while it was checked
                log.info("technician PIN accepted after the entry was abandoned: not entering")
                return
            self._start_session(result.technician, self._method)
            return
        method = self._method or EntryMethod.TOUCH_SEQUENCE
        self.entry.show_result(result)
        if result.outcome in (AttemptOutcome.WRONG_PIN, AttemptOutcome.NOT_RECORDED):
            self.service.audit(
                MaintenanceAction.ENTRY_REFUSED,
                f"method={method.value} tries_left={result.tries_left}",
            )
        elif result.outcome is AttemptOutcome.LOCKED:
            self.service.audit(
                MaintenanceAction.ENTRY_LOCKED,
                f"method={method.value} locked_for_s={result.locked_for_s:.0f}",
            )

    def _start_session(self, technician: str, method: EntryMethod) -> None:
        self.session = MaintenanceSession(
            technician, method, self.ctx.config.maintenance.idle_timeout, self._monotonic
        )
        self._method = None
        self.entry.clear()  # the keypad answers again at the next entry, the digits are gone
        self.service.audit(
            MaintenanceAction.ENTERED, f"technician={technician} method={method.value}"
        )
        self.ctx.navigator.go(ScreenName.MAINTENANCE_DIAGNOSTICS)
        self.refresh_diagnostics()

    # --- the session ----------------------------------------------------------------------------
    def touched(self) -> None:
        if self.session is not None:
            self.session.touch()

    def tick(self) -> None:
        if self.session is not None:
            ended = self.session.check()
            if ended is not None:
                self.end(ended)
            return
        if self._method is not None:
            current = self.ctx.navigator.current
            if current is None or current.name != ScreenName.MAINTENANCE:
                self._method = None
            elif self._monotonic() - self._pin_since > PIN_SCREEN_TIMEOUT_S:
                self._abandon_entry()
                return
            else:
                self._show_lock()
                return
        self.timer.stop()

    def _show_lock(self) -> None:
        """Count a lock down on the keypad screen; unlock the keypad when it is over."""
        left = self.gate.lockout.remaining()
        if left > 0 or (not self.entry.keypad.isEnabled() and not self.entry.checking):
            self.entry.show_locked(left)

    def _abandon_entry(self) -> None:
        self._method = None
        self.timer.stop()
        self.entry.clear()
        self._end_quietly()

    def end(self, reason: MaintenanceEnd) -> None:
        """Leave maintenance mode (audited with the reason); the kiosk returns to residents."""
        if self.session is None:
            return
        if reason is MaintenanceEnd.LEFT:
            reason = self.session.leave()
        technician = self.session.technician
        self.session = None
        self._awaiting_card = False
        self.timer.stop()
        self._capture_cancel.set()
        self.service.audit(MaintenanceAction.LEFT, f"technician={technician} reason={reason}")
        log.info("maintenance ended: %s", reason, extra={"event": "maintenance_end"})
        for name in self.ctx.navigator.names():
            if is_maintenance_screen(name):
                self.ctx.navigator.get(name).clear()
        self._end_quietly()
        self.ended.emit(reason.value)

    def end_for_shutdown(self) -> None:
        """The application quits (restart, desktop, SIGTERM): the stay is audited as ended."""
        self.shut_down = True
        self.timer.stop()
        self._method = None
        self._capture_cancel.set()
        if self.session is not None:
            technician = self.session.technician
            self.session = None
            self.service.audit(MaintenanceAction.LEFT, f"technician={technician} reason=shutdown")

    # --- card -----------------------------------------------------------------------------------
    def card_read(self, card: CardData) -> bool:
        """True when maintenance took the card (a technician card, or a test read)."""
        if self.active:
            self.touched()
            if self._awaiting_card or self.ctx.navigator.current is self.actions:
                self._awaiting_card = False
                self._show_test_card(card)
            return True
        if self.gate.is_technician_card(card.card_number):
            self.begin(EntryMethod.CARD)
            return True
        return False

    def card_removed(self) -> bool:
        """True when maintenance handled the removal."""
        if self.session is not None:
            if self.session.card_removed() is MaintenanceEnd.CARD_REMOVED:
                self.end(MaintenanceEnd.CARD_REMOVED)
            return True
        if self._method is EntryMethod.CARD:
            self._abandon_entry()
            return True
        return is_maintenance_screen(self._current_name())

    def _current_name(self) -> ScreenName | None:
        current = self.ctx.navigator.current
        return current.name if current is not None else None

    def _show_test_card(self, card: CardData) -> None:
        labels = (
            QCoreApplication.translate("Maintenance", "卡号"),
            QCoreApplication.translate("Maintenance", "身份证号"),
            QCoreApplication.translate("Maintenance", "姓名"),
            QCoreApplication.translate("Maintenance", "有效期至"),
        )
        values = (
            mask_card_number(card.card_number),
            mask_person_id(card.person_id),
            mask_name(card.name),
            in_language(self.ctx.session.language, format_date, format_date_en)(card.expiry_date),
        )
        detail = " · ".join(f"{k} {v}" for k, v in zip(labels, values, strict=True))
        self.actions.show_result(
            True, QCoreApplication.translate("Maintenance", "读卡正常"), detail
        )
        self.service.audit(
            MaintenanceAction.TEST_CARD_READ, f"ok card={mask_card_number(card.card_number)}"
        )

    def card_error(self, code: str) -> bool:
        if not self.active:
            return False
        headline = QCoreApplication.translate("Maintenance", "读卡失败")
        self.actions.show_result(False, headline, code_words(code), code)
        self.service.audit(MaintenanceAction.TEST_CARD_READ, f"failed code={code}")
        return True

    # --- diagnostics ----------------------------------------------------------------------------
    def refresh_diagnostics(self) -> None:
        self.diagnostics.reset()
        kind = self.ctx.config.devices.card
        self.card.probe(lambda reader: _card_check(reader, kind))
        # the fingerprint service owns the sensor: probed on its thread, never opened twice
        sensor_kind = self.ctx.config.devices.fingerprint
        self.fingerprint.probe(lambda sensor: _sensor_check(sensor, sensor_kind))
        self.printer.probe_status()  # on the printer service's thread, which owns the printer
        self.service.local_checks()
        self.service.audit(MaintenanceAction.DIAGNOSTICS, "refresh")

    def _sensor_probed(self, result: object) -> None:
        """A diagnostic check or a test capture run on the fingerprint service's thread."""
        if isinstance(result, Check):
            self.diagnostics.show_check(result)
        elif isinstance(result, ActionResult):
            self._action_done(result)

    def _printer_probed(self, _request_id: int, check: Check) -> None:
        self.diagnostics.show_check(check)

    def _test_page_done(self, result: TestPageResult) -> None:
        self._action_done(action_of_test_page(result))

    def _card_probed(self, result: object) -> None:
        if isinstance(result, Check):
            self.diagnostics.show_check(result)

    def _sync_status(self, snapshot: SyncSnapshot) -> None:
        """The report of a round the technician asked for; a background round's never replaces
        what the technician is reading (a test capture's ✓, a test page's result)."""
        if not self._sync_asked:
            return
        if self.active and self.ctx.navigator.current is self.actions and snapshot.report:
            self._sync_asked = False
            r = snapshot.report
            ok = r.ok
            headline = (
                QCoreApplication.translate("Maintenance", "同步完成")
                if ok
                else QCoreApplication.translate("Maintenance", "同步未完成（数据都还在本机）")
            )
            pulled = ", ".join(f"{feed_words(k)} {v}" for k, v in r.pulled.items())
            detail = (
                QCoreApplication.translate(
                    "Maintenance", "送出 %1 笔（接收 %2，拒收 %3）· 下载：%4"
                )
                .replace("%1", str(r.pushed))
                .replace("%2", str(r.accepted))
                .replace("%3", str(r.rejected))
                .replace("%4", pulled)
            )
            raw = r.errors[0][:120] if r.errors else ""
            if raw and message_words(raw):
                detail += " · " + message_words(raw)
            self.actions.show_result(ok, headline, detail, raw)

    # --- actions --------------------------------------------------------------------------------
    def run_action(self, action: ActionId) -> None:
        self.touched()
        self._sync_asked = False  # another action: its result is what the technician reads now
        nav = self.ctx.navigator
        a = self.actions
        if action is ActionId.TEST_CARD:
            self._awaiting_card = True
            a.show_result(None, QCoreApplication.translate("Maintenance", "请插入任意一张卡"))
            if self.card.card_present:
                self.card.request_read()
        elif action is ActionId.TEST_FINGER:
            a.show_result(None, QCoreApplication.translate("Maintenance", "请把手指放在指纹仪上"))
            cancel, config = self._capture_cancel, self.ctx.config
            cancel.clear()
            self.fingerprint.probe(lambda sensor: test_capture_with(sensor, config, cancel))
        elif action is ActionId.TEST_PRINT:
            a.show_result(None, QCoreApplication.translate("Maintenance", "正在打印测试页…"))
            self.printer.print_test_page()
        elif action is ActionId.SYNC_NOW:
            started = self._sync_asked = self.sync.sync_now()
            if started:
                a.show_result(None, QCoreApplication.translate("Maintenance", "正在同步…"))
            else:
                a.show_result(
                    False,
                    QCoreApplication.translate("Maintenance", "同步服务未运行"),
                    raw=self.sync.error[:200],
                )
            self.service.audit(MaintenanceAction.SYNC_NOW, f"started={started}")
        elif action is ActionId.REPULL:
            started = self._sync_asked = self.sync.repull_feeds()
            a.show_result(
                None if started else False,
                QCoreApplication.translate("Maintenance", "正在重新下载全部数据…"),
            )
            self.service.audit(MaintenanceAction.REPULL_FEEDS, f"started={started}")
        elif action is ActionId.REJECTED:
            self.rejected.show_entries([])
            nav.go(ScreenName.MAINTENANCE_REJECTED)
            self.service.list_rejected()
        elif action is ActionId.BUNDLE:
            self._choose_folder("bundle")
        elif action in (ActionId.VOLUME_DOWN, ActionId.VOLUME_UP):
            step = VOLUME_STEP if action is ActionId.VOLUME_UP else -VOLUME_STEP
            voice = self.voice
            voice.set_volume(voice.volume + step)
            a.show_volume(voice.volume)
            voice.say(["home"])
            self.service.audit(MaintenanceAction.SET_VOLUME, f"volume={voice.volume}")
        elif action is ActionId.RESTART:
            nav.go(ScreenName.MAINTENANCE_CONFIRM, ConfirmParams(Question.RESTART))
        elif action is ActionId.DESKTOP:
            nav.go(ScreenName.MAINTENANCE_CONFIRM, ConfirmParams(Question.DESKTOP))
        elif action is ActionId.DIAGNOSTICS:
            nav.go(ScreenName.MAINTENANCE_DIAGNOSTICS)
            self.refresh_diagnostics()
        elif action is ActionId.LEAVE:
            self.end(MaintenanceEnd.LEFT)

    def _choose_folder(self, what: str) -> None:
        self.folders.show_folders([])
        self.ctx.navigator.go(ScreenName.MAINTENANCE_FOLDER, FolderParams(what))
        self.service.list_media()

    def _export(self, what: str, folder: str) -> None:
        self.touched()
        self.ctx.navigator.go(ScreenName.MAINTENANCE_ACTIONS)
        self.actions.show_result(
            None, QCoreApplication.translate("Maintenance", "正在导出…"), folder
        )
        if what == "rejected":
            self.service.export_rejected(folder)
        else:
            self.service.export_bundle(folder, self.diagnostics.report())

    def _action_done(self, result: ActionResult) -> None:
        if self.shut_down:  # queued by the worker before it stopped: the screens are gone
            return
        if not self.active:  # finished after the technician left: audited, nobody is asked
            self.service.audit(result.action, f"ok={result.ok} {result.message} (after leaving)")
            return
        headline = {
            MaintenanceAction.TEST_FINGERPRINT: QCoreApplication.translate(
                "Maintenance", "指纹测试"
            ),
            MaintenanceAction.TEST_PRINT: (
                QCoreApplication.translate("Maintenance", "测试页已送出")
                if result.ok
                else QCoreApplication.translate("Maintenance", "打印测试页")
            ),
            MaintenanceAction.EXPORT_BUNDLE: QCoreApplication.translate("Maintenance", "诊断包"),
            MaintenanceAction.EXPORT_REJECTED: QCoreApplication.translate(
                "Maintenance", "被拒交易列表"
            ),
        }.get(result.action, result.action.value)
        detail, raw = message_words(result.message), result.message
        if result.action is MaintenanceAction.TEST_FINGERPRINT and result.ok:
            detail = QCoreApplication.translate(
                "Maintenance", "图像质量：好 · 比对分数 %1"
            ).replace("%1", str(result.details.get("score")))
        elif result.ok and "path" in result.details:  # an export: where it went
            detail = QCoreApplication.translate("Maintenance", "已写入：%1").replace(
                "%1", str(result.details["path"])
            )
            raw = ""
        self.actions.show_result(result.ok, headline, detail, raw)
        if result.action is MaintenanceAction.TEST_PRINT and result.ok:
            self._test_page_asked = True
            self.ctx.navigator.go(
                ScreenName.MAINTENANCE_CONFIRM, ConfirmParams(Question.TEST_PAGE_OK)
            )
            return  # audited once the technician answered
        self.service.audit(result.action, f"ok={result.ok} {result.message}")

    def _unanswered(self, question: Question) -> None:
        """The confirm screen was left without 是 or 否 (返回, 退出维护, idle)."""
        if question is Question.TEST_PAGE_OK and self._test_page_asked:
            self._test_page_asked = False
            self.service.audit(MaintenanceAction.TEST_PRINT, "ok=True confirmed=unanswered")

    def _answered(self, question: Question, yes: bool) -> None:
        self.touched()
        nav = self.ctx.navigator
        if question is Question.TEST_PAGE_OK:
            self._test_page_asked = False
            self.service.audit(
                MaintenanceAction.TEST_PRINT, f"ok=True confirmed={'yes' if yes else 'no'}"
            )
            nav.go(ScreenName.MAINTENANCE_ACTIONS)
            self.actions.show_result(
                yes,
                QCoreApplication.translate("Maintenance", "测试页")
                + (
                    QCoreApplication.translate("Maintenance", "正常")
                    if yes
                    else QCoreApplication.translate("Maintenance", "有问题")
                ),
            )
        elif not yes:
            nav.go(ScreenName.MAINTENANCE_ACTIONS)
        elif question is Question.RESTART:
            self.service.audit(MaintenanceAction.RESTART, "confirmed=yes")
            self.quit(RESTART_EXIT_CODE)
        elif question is Question.DESKTOP:
            self.service.audit(MaintenanceAction.EXIT_TO_DESKTOP, "confirmed=yes")
            self.quit(DESKTOP_EXIT_CODE)


def _sensor_check(sensor: FingerprintSensor | None, kind: str) -> Check:
    """Runs on the fingerprint service's thread."""
    if sensor is None:
        text = "the fingerprint service could not open the sensor (see the log)"
        return Check(CheckId.FINGERPRINT, State.FAULT, "sensor_unavailable", text)
    return probe_fingerprint(sensor.info, kind)


def _card_check(reader: CardReader | None, kind: str) -> Check:
    """Runs on the card worker thread."""
    if reader is None:
        text = "no card reader open (the card service retries every 3 s)"
        return Check(CheckId.CARD_READER, State.FAULT, "no_reader", text)
    return probe_card_reader(reader.status, kind)
