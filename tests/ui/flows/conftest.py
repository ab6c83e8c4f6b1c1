"""A flow's world without the app (issue 10): a `FlowContext` on a real `Navigator` holding the
real screens, a `Session`, a `Config` with simulated devices, and an `end_session` and a
`report_fault` that record their calls.

    def test_x(flow_kit, qtbot):
        flow = InfoFlow(flow_kit.ctx, service)
        ...
        assert flow_kit.ended == [SessionEnd.FINISHED]
        assert flow_kit.faults == [Fault(FaultSource.PRINTER, "out_of_paper")]

The services a flow uses are built by the test module's own fixtures (started there, shut down
in their teardown, before this kit's navigator goes), as kiosk/app.py builds them.
`end_session` does what the shell's does that a flow can see: the session and every screen drop
their personal data, home comes back, and `on_session_end` (where a test connects the flow's
`session_ended`, as the app connects the shell's signal) is told.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.core.clock import kiosk_now
from kiosk.core.faults import Fault
from kiosk.core.session import Session, SessionEnd
from kiosk.flows.context import FlowContext
from kiosk.screens.base import ScreenContext
from kiosk.screens.names import ScreenName
from kiosk.screens.navigator import HOME, Navigator
from kiosk.screens.registry import build_screens
from kiosk.widgets.theme import Theme

WIDTH, HEIGHT = 1920, 1080
WAIT_MS = 10_000  # margin for a worker thread's answer on a busy machine, not a timing assertion


@dataclass
class FlowKit:
    config: Config
    session: Session
    navigator: Navigator
    ctx: FlowContext = field(init=False)
    ended: list[SessionEnd] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    on_session_end: list[Callable[[SessionEnd], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ctx = FlowContext(
            self.navigator, self.session, self.config, kiosk_now, self.end_session,
            self.faults.append,
        )  # fmt: skip

    def end_session(self, reason: SessionEnd) -> None:
        self.ended.append(reason)
        self.session.clear(self.config.ui.language)
        self.navigator.clear_all()
        self.navigator.go(HOME)
        for listener in self.on_session_end:
            listener(reason)

    @property
    def current(self) -> ScreenName | None:
        screen = self.navigator.current
        return screen.name if screen is not None else None

    def screen_is(self, qtbot: Any, name: ScreenName, timeout: int = WAIT_MS) -> None:
        qtbot.waitUntil(lambda: self.current == name, timeout=timeout)


@pytest.fixture
def make_flow_kit(qtbot: Any, kiosk_config: Callable[..., Config]) -> Callable[..., FlowKit]:
    """`make_flow_kit(maintenance={...})`: a kit on a config with these sections, shown at
    1920x1080 on the home screen."""

    def make(**sections: Any) -> FlowKit:
        config = kiosk_config(**sections)
        session = Session(language=config.ui.language)
        navigator = Navigator()
        qtbot.addWidget(navigator)  # closed and deleted after the test's own fixtures
        kit = FlowKit(config, session, navigator)
        theme = Theme.for_screen(WIDTH, HEIGHT)
        screens = ScreenContext(theme, config, session, navigator.is_available, kiosk_now)
        for screen in build_screens(screens):
            navigator.register(screen)
        navigator.setStyleSheet(theme.style_sheet())
        navigator.resize(WIDTH, HEIGHT)
        navigator.go(HOME)
        navigator.show()
        qtbot.waitExposed(navigator)
        return kit

    return make


@pytest.fixture
def flow_kit(make_flow_kit: Callable[..., FlowKit]) -> FlowKit:
    return make_flow_kit()
