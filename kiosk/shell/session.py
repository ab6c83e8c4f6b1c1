"""The resident's session as the shell keeps it: the card, the idle countdown, and the end.

`SessionShell` owns what happens between "a card went in / a tile was touched" and "the home
screen is back": it starts the session, reads the card into it, sends a card error to the error
screen, runs the idle timer and the countdown, ends the session (personal data off every screen,
language and volume back to their defaults, the card reminder), watches the card reader (gone too
long: out of service) and takes the kiosk out of service when the faults say so. A technician
card is the maintenance flow's: `card_claim` sees every card event first and may take it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, QTimer, Signal

from drivers.card.api import CardData
from kiosk.config import Config
from kiosk.core.faults import READER_LOST, Fault, FaultSource
from kiosk.core.session import Session, SessionEnd
from kiosk.i18n import Translations
from kiosk.screens.certify.start import CertifyParams
from kiosk.screens.common.error import ErrorParams, ErrorScreen
from kiosk.screens.common.insert_card import InsertCardScreen
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.names import ScreenName
from kiosk.screens.navigator import HOME, Navigator
from kiosk.services.card_service import CardService
from kiosk.services.voice import Voice
from kiosk.shell.activity import IdleTimer
from kiosk.shell.faults import Faults, card_error_kind
from kiosk.widgets.countdown import CountdownOverlay

log = logging.getLogger(__name__)

# Where a card read on the home screen leads when no service was chosen first: the certification
# flow's entry (due -> certify, otherwise the greeting).
CARD_LANDING = ScreenName.CERTIFY
# Screens on which the idle countdown does not run when no session is active.
IDLE_EXEMPT = frozenset({HOME, ScreenName.TAKE_CARD, ScreenName.OUT_OF_SERVICE})
# Screens a card event does not interrupt (the technician's own, and the end of a session).
_CARD_IGNORED = frozenset({ScreenName.OUT_OF_SERVICE, ScreenName.TAKE_CARD, ScreenName.MAINTENANCE})
# A pcscd restart or a replug is back within a few seconds; a reader away longer is a fault.
READER_ABSENT_GRACE_MS = 15_000


class CardClaim(Protocol):
    """Sees each card event before the resident session does (the maintenance flow: a technician
    card never starts a resident session). Each returns True when it took the event."""

    def card_read(self, card: CardData) -> bool: ...
    def card_error(self, code: str) -> bool: ...
    def card_removed(self) -> bool: ...


class _NoClaim:
    def card_read(self, card: CardData) -> bool:
        return False

    def card_error(self, code: str) -> bool:
        return False

    def card_removed(self) -> bool:
        return False


def _is_maintenance(name: ScreenName | None) -> bool:
    return name is not None and name.is_maintenance


class SessionShell(QObject):
    """`card_ready(CardData)` when a read card starts a session on the home screen;
    `session_ended(SessionEnd)` after personal data left the screens."""

    card_ready = Signal(CardData)
    session_ended = Signal(SessionEnd)

    def __init__(
        self,
        config: Config,
        session: Session,
        navigator: Navigator,
        card: CardService,
        voice: Voice,
        translations: Translations,
        overlay: CountdownOverlay,
        faults: Faults,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.session = session
        self.navigator = navigator
        self.card = card
        self.voice = voice
        self.translations = translations
        self.overlay = overlay
        self.faults = faults
        self._clock = clock
        self.card_claim: CardClaim = _NoClaim()
        self.pending_service: Service | None = None
        self.idle = IdleTimer(config.ui.idle_timeout, self)
        self.reader_absent = QTimer(self)
        self.reader_absent.setSingleShot(True)
        self.reader_absent.setInterval(READER_ABSENT_GRACE_MS)
        self.reader_absent.timeout.connect(self._reader_absent_too_long)

        card.card_inserted.connect(self._card_inserted)
        card.card_read.connect(self._card_read)
        card.card_error.connect(self._card_error)
        card.card_removed.connect(self._card_removed)
        card.reader_lost.connect(self._reader_lost)
        card.reader_found.connect(self._reader_found)
        self.card_ready.connect(self._greet)
        self.idle.expired.connect(self._idle_expired)
        overlay.extended.connect(self.touched)
        overlay.expired.connect(lambda: self.end_session(SessionEnd.IDLE))
        faults.out_of_service.connect(self.out_of_service)

    # --- starting -----------------------------------------------------------------------------
    def start_service(self, service: Service) -> None:
        info = service.info
        if not self.navigator.is_available(info.entry):
            log.warning("service %s chosen but %s is not available", service.name, info.entry)
            return
        self.session.start(self._clock(), self.translations.language)
        if info.needs_card and self.session.card is None:
            self.pending_service = service
            self.navigator.go(ScreenName.INSERT_CARD)
        else:
            self.navigator.go(info.entry)

    def touch_language(self) -> None:
        """The language button: a touch that starts a session, then the other language."""
        self.session.start(self._clock(), self.translations.language)
        self.translations.toggle()

    # --- card ---------------------------------------------------------------------------------
    def _card_inserted(self) -> None:
        current = self.navigator.current
        if current is None or current.name in _CARD_IGNORED or _is_maintenance(current.name):
            return  # (a test card read in maintenance mode is the maintenance flow's)
        self.session.start(self._clock(), self.translations.language)
        if not isinstance(current, InsertCardScreen):
            current = self.navigator.go(ScreenName.INSERT_CARD)
        assert isinstance(current, InsertCardScreen)
        current.show_reading()

    def _card_read(self, card: CardData) -> None:
        if self.card_claim.card_read(card):  # a technician card never starts a resident session
            self.session.clear(self.config.ui.language)
            return
        current = self.navigator.current
        if current is None or current.name in _CARD_IGNORED:
            return
        self.faults.forgive(FaultSource.CARD)  # the reader works: its own faults are forgiven
        self.session.set_card(card, self._clock())
        pending, self.pending_service = self.pending_service, None
        if pending is not None and self.navigator.is_available(pending.info.entry):
            self.navigator.go(pending.info.entry)
        else:
            self.card_ready.emit(card)

    def _greet(self, _card: CardData) -> None:
        self.navigator.go(CARD_LANDING, CertifyParams(from_card=True))

    def _card_error(self, code: str, _detail: str) -> None:
        log.info("card error %s", code)
        if self.card_claim.card_error(code):
            return
        self.faults.report(Fault(FaultSource.CARD, code))
        current = self.navigator.current
        if current is not None and current.name in (
            ScreenName.OUT_OF_SERVICE,
            ScreenName.TAKE_CARD,
        ):
            return
        self.navigator.go(ScreenName.ERROR, ErrorParams(card_error_kind(code)))

    def _card_removed(self) -> None:
        if self.card_claim.card_removed():
            return
        current = self.navigator.current
        if current is not None and current.name == ScreenName.OUT_OF_SERVICE:
            return
        if current is not None and current.name == ScreenName.ERROR and self.session.card is None:
            assert isinstance(current, ErrorScreen)
            if not current.kind.value.moves_on_removal:
                return  # (an expired card: the error screen stays until its button is pressed)
            # the wrong or unreadable card is out, as the screen asked: the next card is awaited
            if self.pending_service is not None:
                self.navigator.go(ScreenName.INSERT_CARD)  # the service chosen is still wanted
            else:
                self.end_session(SessionEnd.CARD_REMOVED)  # home
            return
        if self.session.active or (current is not None and current.name != HOME):
            self.end_session(SessionEnd.CARD_REMOVED)

    # --- card reader watch --------------------------------------------------------------------
    def _reader_lost(self) -> None:
        """A reader that stays away (pcscd dead, cable out) puts the kiosk out of service after a
        grace period, so residents are not left inserting cards into a dead slot; a pcscd restart
        or a quick replug comes back within the grace and nobody notices."""
        if not self.reader_absent.isActive():
            self.reader_absent.start()
        self.faults.report(Fault(FaultSource.CARD, READER_LOST))

    def _reader_found(self) -> None:
        self.reader_absent.stop()
        current = self.navigator.current
        if current is not None and current.name == ScreenName.OUT_OF_SERVICE:
            self.faults.forgive(FaultSource.CARD)  # back unless another device keeps failing
            if not self.faults.reached:
                self.navigator.go(HOME)

    def _reader_absent_too_long(self) -> None:
        if self.card.reader_present:
            return
        current = self.navigator.current
        if current is not None and _is_maintenance(current.name):
            self.reader_absent.start()  # the technician is at work: check again later
            return
        log.error("card reader absent too long: out of service", extra={"event": "out_of_service"})
        self.out_of_service()

    # --- idle ---------------------------------------------------------------------------------
    def touched(self, _where: QPoint | None = None) -> None:
        if not self.overlay.isVisible():
            self.update_idle()

    def update_idle(self) -> None:
        """After every screen change and touch: the idle timer runs during a session and on
        every screen but the resting ones (home, the card reminder, out of service)."""
        current = self.navigator.current
        exempt = current is None or current.name in IDLE_EXEMPT or _is_maintenance(current.name)
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
        self._clear()
        self.voice.reset_volume()
        self.navigator.go(ScreenName.TAKE_CARD if self.card.card_present else HOME)
        self.session_ended.emit(reason)

    def end_quietly(self) -> None:
        """Back to residents after maintenance: like `end_session`, but the volume a technician
        set stays until the next resident session ends."""
        self._clear()
        self.navigator.go(ScreenName.TAKE_CARD if self.card.card_present else HOME)

    def _clear(self) -> None:
        """Stop the countdown and speech, drop personal data from the session and every screen,
        and return to the default language."""
        self.overlay.stop()
        self.idle.stop()
        self.voice.stop()
        self.pending_service = None
        self.session.clear(self.config.ui.language)
        self.navigator.clear_all()
        self.translations.set_language(self.config.ui.language)

    def out_of_service(self) -> None:
        self.session.clear(self.config.ui.language)
        self.navigator.clear_all()
        self.overlay.stop()
        self.idle.stop()
        self.navigator.go(ScreenName.OUT_OF_SERVICE)

    def stop(self) -> None:
        """Shutdown: no timer may fire into the window once it is deleted."""
        self.idle.stop()
        self.reader_absent.stop()
        self.session.clear(self.config.ui.language)
