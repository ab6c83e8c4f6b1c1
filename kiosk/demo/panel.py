"""Demo shortcuts for the fingerprint sensor (`kiosk --demo` with a display only):

    F8   place the resident's enrolled finger (the one the screen asks for): matches
    F9   place a wrong finger (somebody else's): no match
    F10  place a finger that gives a poor image (dry or worn): guidance, another try

(F2 inserts the card of a pensioner from the local cache whose certification is due; the card
keys are in kiosk/demo/keys.py, the whole table in docs/ui.md.)

The finger is lifted again by itself after a moment, as a resident would. A real kiosk has no
keyboard; these exist so that the certification flow can be tried at a desk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from county_platform.seed import synthetic_template
from drivers.card.simulated import SimulatedCardReader
from drivers.fingerprint.simulated import SimulatedSensor
from kiosk.app import KioskApp
from kiosk.demo.keys import KeyActions
from kiosk.screens.names import ScreenName

LIFT_AFTER_MS = 900


class DemoFingerKeys(KeyActions):
    def __init__(self, sensor: SimulatedSensor, reader: SimulatedCardReader, app: KioskApp) -> None:
        super().__init__(app)
        self.sensor = sensor
        self.reader = reader
        self.app = app
        self.actions = {
            Qt.Key.Key_F8: lambda: self.place("own"),
            Qt.Key.Key_F9: lambda: self.place("wrong"),
            Qt.Key.Key_F10: lambda: self.place("poor"),
        }

    def place(self, how: str) -> None:
        card = self.app.session.card
        finger = self.app.screen(ScreenName.FINGER).finger
        own = synthetic_template(card.person_id, finger) if card is not None else None
        self.sensor.present_finger(
            own if how in ("own", "poor") else None, "poor" if how == "poor" else "good"
        )
        QTimer.singleShot(LIFT_AFTER_MS, self.sensor.lift_finger)
