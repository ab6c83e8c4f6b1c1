"""What a flow may use of the shell, and nothing more.

A flow (certification, statement, information services, maintenance) is built by the app with a
`FlowContext` and the services it uses; it never imports the app or another flow. What one flow
offers another (the certification's receipt request, say) is a signal the app connects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.config import Config
from kiosk.core.faults import Fault
from kiosk.core.session import Session, SessionEnd
from kiosk.screens.navigator import Navigator


@dataclass(frozen=True)
class FlowContext:
    navigator: Navigator
    session: Session
    config: Config
    clock: Callable[[], datetime]  # the kiosk's local time (kiosk.core.clock.kiosk_now)
    end_session: Callable[[SessionEnd], None]  # personal data off the screen; card reminder/home
    report_fault: Callable[[Fault], None]  # the one sort (kiosk/shell/faults.py)
