"""Demo shortcuts for the fingerprint sensor (`kiosk --demo` with a display only):

    F8   place the resident's enrolled finger (the one the screen asks for): matches
    F9   place a wrong finger (somebody else's): no match
    F10  place a finger that gives a poor image (dry or worn): guidance, another try
    F11  insert the card of a resident from the local cache whose certification is due
         (F2's sample card belongs to nobody in the demo township: "not found")

The finger is lifted again by itself after a moment, as a resident would. A real kiosk has no
keyboard; these exist so that the certification flow can be tried at a desk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from county_platform.seed import synthetic_template
from drivers.card.simulated import SimulatedCardReader
from drivers.fingerprint.simulated import SimulatedSensor
from kiosk.app import KioskApp
from kiosk.core.certification import plan_for
from offline_cache.store import Store

LIFT_AFTER_MS = 900


class DemoFingerKeys(QObject):
    def __init__(self, sensor: SimulatedSensor, reader: SimulatedCardReader, app: KioskApp) -> None:
        super().__init__(app)
        self.sensor = sensor
        self.reader = reader
        self.app = app
        self.actions: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_F8: lambda: self.place("own"),
            Qt.Key.Key_F9: lambda: self.place("wrong"),
            Qt.Key.Key_F10: lambda: self.place("poor"),
            Qt.Key.Key_F11: self.insert_due_card,
        }

    def place(self, how: str) -> None:
        card = self.app.session.card
        finger = self.app.screen("finger").finger
        own = synthetic_template(card.person_id, finger) if card is not None else None
        self.sensor.present_finger(
            own if how in ("own", "poor") else None, "poor" if how == "poor" else "good"
        )
        QTimer.singleShot(LIFT_AFTER_MS, self.sensor.lift_finger)

    def insert_due_card(self) -> None:
        """Demo only: reads the cache on the GUI thread for somebody with a certification due."""
        from kiosk.autopilot_certification import card_of

        config = self.app.config
        store = Store.open(config.database_path, config.read_template_key())
        try:
            now = store.now()
            for (pid,) in store.connection.execute("SELECT person_id FROM residents"):
                person = store.resident_by_person_id(pid)
                if (
                    person is not None
                    and person.fingerprints
                    and plan_for(person, pid, now).pressing
                ):
                    self.reader.insert(card_of(person))
                    return
        finally:
            store.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self.actions.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return True
        return False
