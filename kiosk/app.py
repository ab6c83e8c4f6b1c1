"""Builds the kiosk from the configuration and connects its parts: the one place to read how the
kiosk behaves.

`KioskApp` builds the services (the only owners of devices: card, fingerprint, printer, store,
sync, maintenance), the navigator with its screens, the frame and the window, the shell (the
resident's session in `kiosk.shell.session`, the one sort of failures in `kiosk.shell.faults`) and
the four flows, each with a `FlowContext` and the services it uses. `_connect_signals` is the only
place where parts are connected (qutebrowser's habit); no flow knows the app or another flow.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QRect, QSize, QThread, Signal
from PySide6.QtWidgets import QApplication

from drivers.card.api import CardReader
from kiosk.config import Config
from kiosk.core.clock import kiosk_now
from kiosk.core.faults import Fault, FaultSource
from kiosk.core.session import Session, SessionEnd
from kiosk.flows.certification import CertificationFlow
from kiosk.flows.context import FlowContext
from kiosk.flows.info import InfoFlow
from kiosk.flows.maintenance import MaintenanceFlow
from kiosk.flows.statement import StatementFlow
from kiosk.i18n import Translations
from kiosk.ops.technician import EntryMethod, TechnicianGate
from kiosk.screens.base import Screen, ScreenContext
from kiosk.screens.common.error import ErrorScreen
from kiosk.screens.common.greeting import GreetingScreen
from kiosk.screens.common.home import HomeScreen
from kiosk.screens.common.out_of_service import OutOfServiceScreen
from kiosk.screens.common.take_card import TakeCardScreen
from kiosk.screens.names import ScreenName
from kiosk.screens.navigator import HOME, Navigator
from kiosk.screens.registry import build_screens
from kiosk.services.card_service import CardService, open_configured_reader
from kiosk.services.fingerprint_service import FingerprintService
from kiosk.services.info_service import InfoService
from kiosk.services.maintenance_service import MaintenanceService
from kiosk.services.printer_service import PrinterService
from kiosk.services.store_faults import StoreFaults, install
from kiosk.services.sync_service import SyncService
from kiosk.services.sync_status import SyncStatus
from kiosk.services.voice import Voice, sound_possible
from kiosk.shell.activity import ActivityWatcher, CornerSequence
from kiosk.shell.faults import Faults
from kiosk.shell.session import SessionShell
from kiosk.shell.window import KioskWindow
from kiosk.widgets.countdown import CountdownOverlay
from kiosk.widgets.fonts import apply_application_font
from kiosk.widgets.frame import BarButton, Frame
from kiosk.widgets.theme import Theme

log = logging.getLogger(__name__)


class KioskApp(QObject):
    """`maintenance_requested()` when the technicians' hidden way in was used. The shell's
    `card_ready(CardData)` and `session_ended(SessionEnd)` are offered here too."""

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
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication), "create the QApplication first"
        self.qapp: QApplication = qapp
        self._clock = clock
        self._monotonic = monotonic
        self.shut_down = False  # set by shutdown(): late answers must not touch the window
        self.geometry = self._screen_geometry(size)
        self.theme = Theme.for_screen(self.geometry.width(), self.geometry.height())
        apply_application_font(self.qapp, self.theme.body_px)
        self.session = Session(language=config.ui.language)
        self.translations = Translations(self)
        self.voice = Voice(sound_possible(config.ui.sounds), config.ui.volume, self)

        # services: the only owners of devices, the store and the network
        reader = open_reader or open_configured_reader(config)
        self.card = CardService(reader, today=lambda: clock().date(), parent=self)
        self.fingerprint = FingerprintService(config, open_sensor, parent=self)
        self.printer = PrinterService.from_config(config, self)
        self.info_service = InfoService(config, self)
        self.sync_status = SyncStatus(self)
        self.sync_service = SyncService(config, self.sync_status, self)
        self.gate = TechnicianGate.from_config(config)
        self.maintenance_service = MaintenanceService(config, self.gate, parent=self)
        self.store_faults = StoreFaults(config, self)  # a damaged database, a dead store worker

        # screens, frame, window
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
        self.activity = ActivityWatcher(self)
        self.corners = CornerSequence(
            config.maintenance.touch_sequence, self.window.geometry, monotonic, self
        )

        # the shell: the resident's session and the one sort of failures
        self.faults = Faults(monotonic, parent=self)
        self.shell = SessionShell(
            config, self.session, self.navigator, self.card, self.voice, self.translations,
            self.overlay, self.faults, clock, self,
        )  # fmt: skip
        # the shell's parts under their old names: only tests (and the demo's autopilot: idle)
        # read them; the app itself uses the shell's
        self.failures = self.faults.counter
        self.idle = self.shell.idle
        self.reader_absent = self.shell.reader_absent
        self.card_ready = self.shell.card_ready
        self.session_ended = self.shell.session_ended

        # the flows, each with what it may use and nothing more
        flow_ctx = FlowContext(
            self.navigator, self.session, config, clock, self.end_session, self.faults.report
        )
        self.certification = CertificationFlow(flow_ctx, self.fingerprint, self)
        self.statement = StatementFlow(flow_ctx, self.card, self.printer, self.fingerprint, self)
        self.info = InfoFlow(flow_ctx, self.info_service)
        self.maintenance = MaintenanceFlow(
            flow_ctx, self.gate, self.maintenance_service,
            card=self.card, fingerprint=self.fingerprint, printer=self.printer,
            sync=self.sync_service,
            voice=self.voice, quit=self.quit_on_purpose, end_quietly=self.shell.end_quietly,
            monotonic=monotonic, parent=self,
        )  # fmt: skip
        self.shell.card_claim = self.maintenance
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
        shell = self.shell
        nav.get_as(HOME, HomeScreen).service_chosen.connect(shell.start_service)
        nav.get_as(ScreenName.GREETING, GreetingScreen).service_chosen.connect(shell.start_service)
        error = nav.get_as(ScreenName.ERROR, ErrorScreen)
        error.finished.connect(lambda: self.end_session(SessionEnd.FINISHED))
        take_card = nav.get_as(ScreenName.TAKE_CARD, TakeCardScreen)
        take_card.remind.connect(lambda: self.voice.say(["take_card"]))

        self.frame.bottom_bar.clicked.connect(self._bar_clicked)
        self.frame.top_bar.language_clicked.connect(shell.touch_language)
        self.translations.language_changed.connect(self._language_changed)
        self.sync_status.changed.connect(self.frame.top_bar.set_sync_mark)
        self.store_faults.failed.connect(self._store_failed)
        self.sync_service.store_failed.connect(self._store_failed)

        self.activity.touched.connect(shell.touched)
        self.activity.touched.connect(self.corners.feed)
        self.activity.touched.connect(lambda _where=None: self.maintenance.touched())
        self.corners.triggered.connect(self.request_maintenance)

        # between flows: a certification receipt is printed by the statement flow
        self.certification.receipt_requested.connect(self.statement.print_receipt)
        for ended in (self.certification.session_ended, self.statement.session_ended):
            shell.session_ended.connect(ended)

    # --- life cycle ---------------------------------------------------------------------------
    def start(self, *, show: bool = True, fullscreen: bool | None = None) -> None:
        """Show the window, start the services, install the bug handler, go home. The store's
        worker (information services) starts on first use: a store error never blocks home."""
        self.qapp.installEventFilter(self.activity)
        sys.excepthook = self.handle_bug
        install(self.store_faults)  # the workers' store errors reach _store_failed
        self.store_faults.check_at_start()
        self.card.start()
        self.sync_service.start()
        self.maintenance_service.start()
        self.fingerprint.start()
        self.printer.start()
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
        install(None)
        self.shell.stop()
        self.overlay.stop()
        self.card.shutdown()
        self.maintenance.end_for_shutdown()
        self.maintenance_service.shutdown()
        self.sync_service.stop()
        self.fingerprint.shutdown()
        self.printer.shutdown()
        self.info_service.shutdown()
        self.voice.shutdown()
        self.translations.close()
        self._silence_after_shutdown()  # last: the maintenance audit above still had to be sent
        self.shell.stop()
        self.window.allow_close()
        self.window.close()

    def _silence_after_shutdown(self) -> None:
        """Nothing emitted from now on may reach the window, which is deleted next: a card event
        the card thread posted before it stopped, or the idle timer poked by its handling, would
        otherwise call into deleted widgets (the overlay's "already deleted" at teardown)."""
        self.shell.reader_absent.stop()  # a reader lost while shutting down must not start it
        emitters: list[QObject] = [
            self.shell.idle, self.shell.reader_absent, self.shell, self.overlay, self.card,
            self.activity, self.corners, self.fingerprint, self.printer, self.info_service,
            self.sync_service, self.maintenance_service, self.faults, self.store_faults,
        ]  # fmt: skip
        for emitter in emitters:
            emitter.blockSignals(True)

    def _store_failed(self, code: str, reason: str) -> None:
        """A damaged database or a store worker that died: out of service at once, with the
        fault and the command for the technician on the screen; the reason is in the log and
        in maintenance diagnostics (the database check)."""
        if self.shut_down:
            return
        fault = Fault(FaultSource.STORE, code)
        self.faults.report(fault)  # out of service at once (kiosk/core/faults.py)
        screen = self.navigator.get_as(ScreenName.OUT_OF_SERVICE, OutOfServiceScreen)
        screen.show_technician_hint(f"{fault} · kiosk-admin repair")

    def end_session(self, reason: SessionEnd) -> None:
        """The shell's `end_session` (flows through their context; the demo and tests)."""
        self.shell.end_session(reason)

    def quit_on_purpose(self, code: int) -> None:
        """Maintenance restart (75: kiosk/main.py re-executes) or exit to the desktop (0)."""
        log.info("quitting on purpose with %d", code, extra={"event": "quit"})
        self.window.allow_close()
        self.qapp.exit(code)

    def request_maintenance(self) -> None:
        """The technicians' hidden way in (the four-corner sequence; a technician card is read
        by the shell and claimed by the maintenance flow)."""
        log.info("maintenance requested", extra={"event": "maintenance_requested"})
        self.maintenance_requested.emit()
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
        self.shell.update_idle()

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
            self.navigator.go(ScreenName.HELP)

    def _language_changed(self, language: str) -> None:
        self.session.language = language
        self.voice.language = language
        self.frame.top_bar.retranslate(language)
        self.frame.bottom_bar.retranslate()
        self.overlay.retranslate()
        self._present_current()

    # --- bugs ---------------------------------------------------------------------------------
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
            self.faults.report(Fault.bug(kind_name))
            current = self.navigator.current
            if current is None or current.name != ScreenName.OUT_OF_SERVICE:
                self.end_session(SessionEnd.ERROR)
        except Exception:  # the handler must never raise itself
            log.exception("error while recovering from an unexpected error")

    def screen(self, name: str) -> Any:
        """The registered screen `name` (tests, screenshots)."""
        return self.navigator.get(ScreenName(name))
