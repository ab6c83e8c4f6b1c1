"""Builds the kiosk from the configuration and wires every signal in one place.

`KioskApp` owns the session, the services (card, voice, sync status), the navigator with its
screens, the frame and the window. `_connect_signals` is the only place where parts are connected
(qutebrowser's habit): reading it tells how the kiosk behaves. Errors are sorted here once: a
resident-facing device error shows the error screen; a bug is logged, the session ends and home
returns; repeated failures put the kiosk out of service.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QPoint, QRect, QSize, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication

from drivers.card.api import CardData, CardReader
from drivers.errors import (
    PrinterJammed,
    PrinterOffline,
    PrinterOutOfPaper,
    PrinterUnavailable,
    PrintFailed,
    PrintTimeout,
)
from kiosk.config import Config
from kiosk.core.clock import kiosk_now
from kiosk.core.failures import FailureCounter
from kiosk.core.session import Session, SessionEnd
from kiosk.i18n import Translations
from kiosk.screens.base import Screen, ScreenContext
from kiosk.screens.common.error import CARD_ERROR_KINDS, ErrorKind, ErrorScreen
from kiosk.screens.common.greeting import GreetingScreen
from kiosk.screens.common.home import HomeScreen
from kiosk.screens.common.insert_card import InsertCardScreen
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.common.take_card import TakeCardScreen
from kiosk.screens.navigator import HOME, Navigator
from kiosk.screens.registry import build_screens
from kiosk.services.card_service import CardService, open_configured_reader
from kiosk.services.sync_service import SyncService
from kiosk.services.sync_status import SyncStatus
from kiosk.services.voice import Voice, sound_possible
from kiosk.shell.activity import ActivityWatcher, CornerSequence, IdleTimer
from kiosk.shell.window import KioskWindow
from kiosk.widgets.countdown import CountdownOverlay
from kiosk.widgets.fonts import apply_application_font
from kiosk.widgets.frame import BarButton, Frame
from kiosk.widgets.theme import Theme

log = logging.getLogger(__name__)

# Where a card read on the home screen leads when no service was chosen first. The certification
# flow changes this to its own entry (or hooks `card_ready`).
CARD_LANDING = "certify"  # certification flow: due -> certify, otherwise the greeting
# Screens on which the idle countdown does not run when no session is active.
IDLE_EXEMPT = frozenset({HOME, "take_card", "out_of_service"})
# A pcscd restart or a replug is back within a few seconds; a reader away longer is a fault.
READER_ABSENT_GRACE_MS = 15_000
# Device errors that count towards putting the kiosk out of service.
DEVICE_FAILURE_CODES = frozenset({"no_reader"})
# the printer's own failures (not "no record for this resident", which is no fault of the kiosk)
PRINTER_FAILURE_CODES = frozenset(
    error.code
    for error in (PrinterUnavailable, PrinterOffline, PrinterOutOfPaper, PrinterJammed,
                  PrintTimeout, PrintFailed)
)  # fmt: skip


class KioskApp(QObject):
    """Signals for the flows still to come: `card_ready(CardData)` when a read card starts a
    session on the home screen; `session_ended(SessionEnd)`; `maintenance_requested()`."""

    card_ready = Signal(object)
    session_ended = Signal(SessionEnd)
    maintenance_requested = Signal()
    _bug_on_worker = Signal(str)  # exception class name: recover on the GUI thread (handle_bug)

    def __init__(
        self,
        config: Config,
        *,
        size: QSize | None = None,
        open_reader: Callable[[], CardReader] | None = None,
        clock: Callable[[], datetime] = kiosk_now,
        monotonic: Callable[[], float] = time.monotonic,
        open_sensor: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.open_sensor = (
            open_sensor  # fingerprint sensor factory (tests, autopilot); None: config
        )
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication), "create the QApplication first"
        self.qapp: QApplication = qapp
        self._clock = clock
        self._monotonic = monotonic
        self.geometry = self._screen_geometry(size)
        self.theme = Theme.for_screen(self.geometry.width(), self.geometry.height())
        apply_application_font(self.qapp, self.theme.body_px)
        self.session = Session(language=config.ui.language)
        self.translations = Translations(self)
        self.voice = Voice(sound_possible(config.ui.sounds), config.ui.volume, self)
        self.card = CardService(
            open_reader or open_configured_reader(config.devices.card, config.devices.card_reader),
            today=lambda: clock().date(),
            parent=self,
        )
        self.sync_status = SyncStatus(self)
        self.sync_service = SyncService(config, self.sync_status, self)  # maintenance / sync
        self.failures = FailureCounter()
        self.pending_service: Service | None = None
        self.shut_down = False  # set by shutdown(): late answers must not touch the window
        self.navigator = Navigator()
        self.ctx = ScreenContext(
            self.theme, config, self.session, self.navigator.is_available, clock
        )
        for screen in build_screens(self.ctx):
            self.navigator.register(screen)
        township = (config.terminal.township_name, config.terminal.township_name_en)
        self.frame = Frame(self.theme, township, clock, self.navigator)
        self.window = KioskWindow(self.frame)
        self.window.setStyleSheet(self.theme.style_sheet())
        self.window.setGeometry(self.geometry)
        self.overlay = CountdownOverlay(self.theme, self.window)
        self.window.installEventFilter(self.overlay)
        self.idle = IdleTimer(config.ui.idle_timeout, self)
        self.activity = ActivityWatcher(self)
        self.corners = CornerSequence(
            config.maintenance.touch_sequence, self.window.geometry, monotonic, self
        )
        self._connect_signals()
        self.translations.set_language(config.ui.language)

    # --- construction -------------------------------------------------------------------------
    def _screen_geometry(self, size: QSize | None) -> QRect:
        if size is not None:
            return QRect(0, 0, size.width(), size.height())
        screen = QApplication.primaryScreen()
        return screen.geometry() if screen is not None else QRect(0, 0, 1920, 1080)

    def _connect_signals(self) -> None:
        nav = self.navigator
        nav.changed.connect(self._present)
        self._bug_on_worker.connect(self._recover_from_bug)  # queued from a worker's thread
        for screen in (nav.get(n) for n in nav.names()):
            screen.prompt_changed.connect(lambda s=screen: self._prompt_changed(s))
        home = nav.get_as(HOME, HomeScreen)
        home.service_chosen.connect(self.start_service)
        greeting = nav.get_as("greeting", GreetingScreen)
        greeting.service_chosen.connect(self.start_service)
        error = nav.get_as("error", ErrorScreen)
        error.finished.connect(lambda: self.end_session(SessionEnd.FINISHED))
        take_card = nav.get_as("take_card", TakeCardScreen)
        take_card.remind.connect(lambda: self.voice.say(["take_card"]))

        self.frame.bottom_bar.clicked.connect(self._bar_clicked)
        self.frame.top_bar.language_clicked.connect(self._language_clicked)
        self.translations.language_changed.connect(self._language_changed)
        self.sync_status.changed.connect(self.frame.top_bar.set_sync_mark)

        self.card.card_inserted.connect(self._card_inserted)
        self.card.card_read.connect(self._card_read)
        self.card.card_error.connect(self._card_error)
        self.card.card_removed.connect(self._card_removed)
        self.card.reader_lost.connect(self._reader_lost)
        self.card.reader_found.connect(self._reader_found)
        self._connect_reader_watch()
        self.card_ready.connect(self._greet)

        self.idle.expired.connect(self._idle_expired)
        self.overlay.extended.connect(self._touched)
        self.overlay.expired.connect(lambda: self.end_session(SessionEnd.IDLE))
        self.activity.touched.connect(self._touched)
        self.activity.touched.connect(self.corners.feed)
        self.corners.triggered.connect(self.request_maintenance)
        self._connect_certification()
        self._connect_statement()
        self._connect_maintenance()
        self._connect_info()

    # --- information services: benefits, jobs, notices, rating (kiosk/flows/info.py) ---
    def _connect_info(self) -> None:
        """我的待遇, 就业岗位, 政策通知 and the rating after a service, with their store worker."""
        from kiosk.flows.info import connect_info

        self.info = connect_info(self)

    def _connect_statement(self) -> None:
        """打印参保证明 and certification receipts: PIN, preview, printing (after certification,
        whose `receipt_requested` it connects)."""
        from kiosk.flows.statement import connect_statement

        self.statement = connect_statement(self)
        # a printer that keeps failing counts towards out of service, like the reader and sensor
        printer = self.statement.printer
        printer.failed.connect(lambda _r, code, _d: self._printer_failed(code))
        printer.prepare_failed.connect(lambda _r, code: self._printer_failed(code))

    def _printer_failed(self, code: str) -> None:
        if code in PRINTER_FAILURE_CODES:
            self._record_failure(f"printer: {code}")

    def _connect_certification(self) -> None:
        """资格认证: the flow object wires its screens and the fingerprint service itself."""
        from kiosk.flows.certification import CertificationFlow

        self.certification = CertificationFlow(self)

    # --- maintenance mode and sync (kiosk/flows/maintenance.py) --------------------------
    def _connect_maintenance(self) -> None:
        """Technician entry (card or corners + PIN), diagnostics and actions; the sync service."""
        from kiosk.flows.maintenance import MaintenanceFlow, fingerprint_service
        from kiosk.ops.technician import TechnicianGate
        from kiosk.services.maintenance_service import MaintenanceService

        gate = TechnicianGate.from_config(self.config)
        self.maintenance_service = MaintenanceService(
            self.config,
            gate,
            open_sensor=self.open_sensor,
            sensor_busy=lambda: fingerprint_service(self) is not None,
            parent=self,
        )
        self.maintenance = MaintenanceFlow(self, gate, self.maintenance_service, self._monotonic)
        self.activity.touched.connect(lambda _where=None: self.maintenance.touched())

    def end_session_quietly(self) -> None:
        """Back to residents after maintenance: like `end_session`, but the volume a technician
        set stays until the next resident session ends."""
        self._clear_session()
        self.navigator.go("take_card" if self.card.card_present else HOME)

    def quit_on_purpose(self, code: int) -> None:
        """Maintenance restart (75: kiosk/main.py re-executes) or exit to the desktop (0)."""
        log.info("quitting on purpose with %d", code, extra={"event": "quit"})
        self.window.allow_close()
        self.qapp.exit(code)

    # --- life cycle ---------------------------------------------------------------------------
    def start(self, *, show: bool = True, fullscreen: bool | None = None) -> None:
        """Show the window, start the services, install the bug handler, go home."""
        self.qapp.installEventFilter(self.activity)
        sys.excepthook = self.handle_bug
        self.card.start()
        self.sync_service.start()
        self.maintenance_service.start()
        self.certification.start()
        self.statement.start()
        self.info.start()
        self.navigator.go(HOME)
        if show:
            full = self.config.ui.fullscreen if fullscreen is None else fullscreen
            self.window.fill_screen(self.geometry, full)

    def shutdown(self) -> None:
        """Quit on purpose (maintenance exit, SIGTERM, tests). A second call does nothing."""
        if self.shut_down:
            return
        self.shut_down = True
        self.qapp.removeEventFilter(self.activity)
        if sys.excepthook == self.handle_bug:
            sys.excepthook = sys.__excepthook__
        self.idle.stop()
        self.overlay.stop()
        self.reader_absent.stop()  # else it fires into the deleted window 15 s later
        self.card.shutdown()
        self.maintenance.end_for_shutdown()
        self.maintenance_service.shutdown()
        self.sync_service.stop()
        self.certification.shutdown()
        self.statement.shutdown()
        self.info.shutdown()
        self.voice.shutdown()
        self.session.clear(self.config.ui.language)
        self.translations.close()
        self._silence_after_shutdown()  # last: the maintenance audit above still had to be sent
        self.idle.stop()
        self.window.allow_close()
        self.window.close()

    def _silence_after_shutdown(self) -> None:
        """Nothing emitted from now on may reach the window, which is deleted next: a card event
        the card thread posted before it stopped, or the idle timer poked by its handling, would
        otherwise call into deleted widgets (the overlay's "already deleted" at teardown)."""
        self.reader_absent.stop()  # a reader lost while shutting down must not start it again
        emitters: list[QObject] = [self.idle, self.overlay, self.card, self.activity, self.corners]
        emitters.append(self.reader_absent)
        for flow, attribute in (
            (self.certification, "service"),
            (self.statement, "printer"),
            (self.info, "service"),
        ):
            service = getattr(flow, attribute, None)
            if isinstance(service, QObject):
                emitters.append(service)
        for emitter in (*emitters, self.sync_service, self.maintenance_service):
            emitter.blockSignals(True)

    def request_maintenance(self) -> None:
        """The technicians' hidden way in (four-corner sequence now; a technician card later)."""
        log.info("maintenance requested", extra={"event": "maintenance_requested"})
        self.maintenance_requested.emit()
        from kiosk.ops.technician import EntryMethod

        self.maintenance.begin(EntryMethod.TOUCH_SEQUENCE)

    # --- screens and frame --------------------------------------------------------------------
    def _present(self, screen: Screen) -> None:
        frame = self.frame
        frame.instruction.setText(screen.instruction())
        steps = screen.steps()
        frame.steps.set_steps(*(steps or ([], -1)))
        frame.bottom_bar.show_only(screen.bar_buttons)
        frame.top_bar.language_button.setVisible(screen.language_switch)
        self.voice.say(screen.utterances())
        self._update_idle()

    def _prompt_changed(self, screen: Screen) -> None:
        """A screen's words changed: shown and said only if it is the one on show (a hidden one
        updated by a late answer, e.g. the preview behind 求助, must not talk over it)."""
        if self.navigator.current is screen:
            self._present(screen)

    def _present_current(self) -> None:
        if self.navigator.current is not None:
            self._present(self.navigator.current)

    def _bar_clicked(self, which: BarButton) -> None:
        if which is BarButton.BACK:
            self.navigator.back()
        elif which is BarButton.HOME:
            self.end_session(SessionEnd.FINISHED)
        elif which is BarButton.REPEAT:
            if self.navigator.current is not None:
                self.voice.say(self.navigator.current.utterances())
        elif which is BarButton.HELP:
            self.navigator.go("help")

    def start_service(self, service: Service) -> None:
        info = service.info
        if not self.navigator.is_available(info.entry):
            log.warning("service %s chosen but %s is not available", service.name, info.entry)
            return
        self.session.start(self._clock(), self.translations.language)
        if info.needs_card and self.session.card is None:
            self.pending_service = service
            self.navigator.go("insert_card")
        else:
            self.navigator.go(info.entry)

    # --- language -----------------------------------------------------------------------------
    def _language_clicked(self) -> None:
        self.session.start(self._clock(), self.translations.language)
        self.translations.toggle()

    def _language_changed(self, language: str) -> None:
        self.session.language = language
        self.voice.language = language
        self.frame.top_bar.retranslate(language)
        self.frame.bottom_bar.retranslate()
        self.overlay.retranslate()
        self._present_current()

    # --- card ---------------------------------------------------------------------------------
    def _card_inserted(self) -> None:
        current = self.navigator.current
        if current is None or current.name in ("out_of_service", "take_card", "maintenance"):
            return
        if current.name.startswith("maintenance"):  # a test card read in maintenance mode
            return
        self.session.start(self._clock(), self.translations.language)
        if not isinstance(current, InsertCardScreen):
            current = self.navigator.go("insert_card")
        assert isinstance(current, InsertCardScreen)
        current.show_reading()

    def _card_read(self, card: CardData) -> None:
        if self.maintenance.card_read(card):  # a technician card never starts a resident session
            self.session.clear(self.config.ui.language)
            return
        current = self.navigator.current
        if current is None or current.name in ("out_of_service", "take_card", "maintenance"):
            return
        self.failures.reset("card")  # the reader works: its own failures are forgiven, no others
        self.session.set_card(card, self._clock())
        pending, self.pending_service = self.pending_service, None
        if pending is not None and self.navigator.is_available(pending.info.entry):
            self.navigator.go(pending.info.entry)
        else:
            self.card_ready.emit(card)

    def _greet(self, card: CardData) -> None:
        self.navigator.go(CARD_LANDING, {"from_card": True})

    def _card_error(self, code: str, detail: str) -> None:
        log.info("card error %s", code)
        if self.maintenance.card_error(code):
            return
        if code in DEVICE_FAILURE_CODES:
            self._record_failure(f"card: {code}")
        current = self.navigator.current
        if current is not None and current.name in ("out_of_service", "take_card"):
            return
        kind = CARD_ERROR_KINDS.get(code, ErrorKind.UNEXPECTED)
        self.navigator.go("error", {"kind": kind})

    def _card_removed(self) -> None:
        if self.maintenance.card_removed():
            return
        current = self.navigator.current
        if current is not None and current.name == "out_of_service":
            return
        if current is not None and current.name == "error" and self.session.card is None:
            return  # a bad card taken out: the error screen stays until its button is pressed
        if self.session.active or (current is not None and current.name != HOME):
            self.end_session(SessionEnd.CARD_REMOVED)

    def _reader_lost(self) -> None:
        if not self.reader_absent.isActive():
            self.reader_absent.start()
        self._record_failure("card reader lost")

    def _reader_found(self) -> None:
        self.reader_absent.stop()
        current = self.navigator.current
        if current is not None and current.name == "out_of_service":
            self.failures.reset("card")  # back in service unless another device keeps failing
            if not self.failures.reached:
                self.navigator.go(HOME)

    # --- card reader watch (issue 4) -----------------------------------------------------------
    def _connect_reader_watch(self) -> None:
        """A reader that stays away (pcscd dead, cable out) puts the kiosk out of service after a
        grace period, so residents are not left inserting cards into a dead slot; a pcscd restart
        or a quick replug comes back within the grace and nobody notices. `reader_found` brings
        the home screen back (see `_reader_found`)."""
        self.reader_absent = QTimer(self)
        self.reader_absent.setSingleShot(True)
        self.reader_absent.setInterval(READER_ABSENT_GRACE_MS)
        self.reader_absent.timeout.connect(self._reader_absent_too_long)

    def _reader_absent_too_long(self) -> None:
        if self.card.reader_present:
            return
        current = self.navigator.current
        if current is not None and current.name.startswith("maintenance"):
            self.reader_absent.start()  # the technician is at work: check again later
            return
        log.error("card reader absent too long: out of service", extra={"event": "out_of_service"})
        self._out_of_service()

    # --- idle ---------------------------------------------------------------------------------
    def _touched(self, _where: QPoint | None = None) -> None:
        if not self.overlay.isVisible():
            self._update_idle()

    def _update_idle(self) -> None:
        current = self.navigator.current
        exempt = (
            current is None
            or current.name in IDLE_EXEMPT
            or current.name.startswith("maintenance")  # maintenance has its own idle timeout
        )
        if self.session.active or not exempt:
            self.idle.poke()
        else:
            self.idle.stop()

    def _idle_expired(self) -> None:
        self.overlay.start(self.config.ui.countdown)
        self.voice.say(["idle"])

    # --- ending -------------------------------------------------------------------------------
    def end_session(self, reason: SessionEnd) -> None:
        """Personal data leaves the screen and memory; the language and volume return to their
        defaults; the card reminder or the home screen follows."""
        log.info("session ended: %s", reason.value, extra={"event": "session_end"})
        self._clear_session()
        self.voice.reset_volume()
        if self.card.card_present:
            self.navigator.go("take_card")
        else:
            self.navigator.go(HOME)
        self.session_ended.emit(reason)

    def _clear_session(self) -> None:
        """Stop the countdown and speech, drop personal data from the session and every screen,
        and return to the default language."""
        self.overlay.stop()
        self.idle.stop()
        self.voice.stop()
        self.pending_service = None
        self.session.clear(self.config.ui.language)
        self.navigator.clear_all()
        self.translations.set_language(self.config.ui.language)

    def _record_failure(self, what: str) -> None:
        log.warning("failure: %s", what)
        source = what.split(":")[0].split()[0]  # "card", "fingerprint", "printer", "bug"
        if self.failures.record(self._monotonic(), source):
            log.error("repeated failures: out of service", extra={"event": "out_of_service"})
            self._out_of_service()

    def _out_of_service(self) -> None:
        self.session.clear(self.config.ui.language)
        self.navigator.clear_all()
        self.overlay.stop()
        self.idle.stop()
        self.navigator.go("out_of_service")

    def handle_bug(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """sys.excepthook: an unexpected exception in a slot is a bug — log it, end the session."""
        log.error("unexpected error", exc_info=(kind, error, tb), extra={"event": "bug"})
        if QThread.currentThread() is not self.thread():
            # raised in a worker's slot: the recovery touches widgets, so it runs on their thread
            self._bug_on_worker.emit(kind.__name__)
            return
        self._recover_from_bug(kind.__name__)

    def _recover_from_bug(self, kind_name: str) -> None:
        if self.shut_down:  # posted by a worker just before shutdown: the window is going
            return
        try:
            self._record_failure(f"bug: {kind_name}")
            current = self.navigator.current
            if current is None or current.name != "out_of_service":
                self.end_session(SessionEnd.ERROR)
        except Exception:  # the handler must never raise itself
            log.exception("error while recovering from an unexpected error")

    def screen(self, name: str) -> Any:
        """The registered screen `name` (tests, screenshots)."""
        return self.navigator.get(name)
