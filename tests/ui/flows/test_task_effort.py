"""How many touches each resident task takes, measured by driving it through the real screens of
a started `KioskApp` (simulated card reader, fingerprint sensor and printer, real store).

Every touch goes through `Touches.click`, which counts it; a keypad digit is a touch. A task is
counted from the home screen (a card inserted is not a touch) to the screen that gives the
resident what they came for; "home" is counted from that screen until the home screen or the card
reminder (请取走您的社保卡) shows. The counts must equal `EFFORT`, the table docs/ui.md shows
("Task effort"): a change that adds a touch fails here, and one that saves a touch updates the
table and the page together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from county_platform.seed import synthetic_template
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.screens.certify.result import ResultKind
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.info.benefits import State as BenefitsState
from kiosk.screens.info.paged_list import ListState
from kiosk.screens.statement.printing import PrintState
from kiosk.widgets.frame import BarButton
from tests.ui import certification_helpers as cert
from tests.ui.helpers import click, current_name
from tests.ui.info_seed import fresh_jobs, fresh_notices, open_store, seed_jobs, seed_notices
from tests.ui.info_seed import seed_resident as seed_info_resident
from tests.ui.statement_helpers import PIN, WAIT_MS
from tests.ui.statement_helpers import seed as seed_statement

PHONE = "13800138000"
UI_MD = Path(__file__).resolve().parents[3] / "docs" / "ui.md"

# task: (touches to do it, touches back home from its last screen). docs/ui.md shows this table.
EFFORT: dict[str, tuple[int, int]] = {
    "certification": (0, 2),
    "statement": (9, 2),
    "benefits": (1, 1),
    "job_interest": (15, 1),
    "notice": (2, 1),
}


@dataclass
class Touches:
    qtbot: Any
    count: int = 0

    def click(self, widget: QWidget) -> None:
        click(self.qtbot, widget)
        self.count += 1

    def bar(self, app: Any, which: BarButton) -> None:
        self.click(app.frame.bottom_bar.buttons[which])

    def tile(self, app: Any, service: Service) -> None:
        self.click(app.screen("home").tiles.tiles[service])

    def keys(self, keypad: Any, digits: str) -> None:
        for digit in digits:
            self.click(keypad.keys[digit])
        self.click(keypad.confirm_key)


def _until(qtbot: Any, check: Any) -> None:
    qtbot.waitUntil(check, timeout=WAIT_MS)


def _home(qtbot: Any, app: Any) -> None:
    _until(qtbot, lambda: current_name(app) in ("home", "take_card"))
    assert app.session.card is None  # the session is over, not merely the home screen shown


def _home_by_bar(qtbot: Any, app: Any) -> Touches:
    """The way home from an information screen: the bar's 首页, counted."""
    home = Touches(qtbot)
    home.bar(app, BarButton.HOME)
    _home(qtbot, app)
    return home


def _certification(app: Any, qtbot: Any, reader: Any, sensor: Any, t: Touches) -> Touches:
    person = cert.resident(benefits=[cert.benefit("pension", due_in_days=10)])
    cert.seed(app.config, person)
    reader.insert(cert.card_for(person))
    _until(qtbot, lambda: current_name(app) == "finger")
    _until(qtbot, lambda: app.certification.service.busy)
    sensor.present_finger(synthetic_template(cert.PERSON, "right_index"))
    _until(qtbot, lambda: current_name(app) == "result")
    sensor.lift_finger()
    assert app.screen("result").kind is ResultKind.SUCCESS
    home = Touches(qtbot)
    home.click(app.screen("result").home_button)  # 返回首页
    if current_name(app) == "rating":
        home.click(app.screen("rating").skip)  # 不评价，回首页
    _home(qtbot, app)
    return home


def _statement(app: Any, qtbot: Any, reader: Any, _sensor: Any, t: Touches) -> Touches:
    seed_statement(app)
    t.tile(app, Service.STATEMENT)
    assert current_name(app) == "insert_card"
    reader.insert(SAMPLE_CARD)
    _until(qtbot, lambda: current_name(app) == "pin")
    t.keys(app.screen("pin").keypad, PIN)
    preview = app.screen("statement_preview")
    _until(qtbot, lambda: current_name(app) == "statement_preview" and preview.ready)
    t.click(preview.print_button)
    printing = app.screen("printing")
    _until(qtbot, lambda: printing.state is PrintState.DONE)
    home = Touches(qtbot)
    home.click(printing.button)  # 取好了
    if current_name(app) == "rating":
        home.click(app.screen("rating").skip)
    _home(qtbot, app)
    return home


def _benefits(app: Any, qtbot: Any, reader: Any, _sensor: Any, t: Touches) -> Touches:
    store = open_store(app)
    try:
        seed_info_resident(store)
    finally:
        store.close()
    t.tile(app, Service.BENEFITS)
    reader.insert(SAMPLE_CARD)
    _until(qtbot, lambda: current_name(app) == "benefits")
    screen = app.screen("benefits")
    _until(qtbot, lambda: screen.state is BenefitsState.SHOWN)
    return _home_by_bar(qtbot, app)


def _job_interest(app: Any, qtbot: Any, _reader: Any, _sensor: Any, t: Touches) -> Touches:
    store = open_store(app)
    try:
        seed_jobs(store, fresh_jobs(3))
    finally:
        store.close()
    t.tile(app, Service.JOBS)
    jobs = app.screen("jobs")
    _until(qtbot, lambda: jobs.state is ListState.SHOWN)
    t.click(jobs.cards[0])
    t.click(app.screen("job_detail").interest_button)  # 我有意向
    t.keys(app.screen("phone_entry").keypad, PHONE)
    _until(qtbot, lambda: current_name(app) == "job_interest_done")
    return _home_by_bar(qtbot, app)


def _notice(app: Any, qtbot: Any, _reader: Any, _sensor: Any, t: Touches) -> Touches:
    store = open_store(app)
    try:
        seed_notices(store, fresh_notices())
    finally:
        store.close()
    t.tile(app, Service.NOTICES)
    notices = app.screen("notices")
    _until(qtbot, lambda: notices.state is ListState.SHOWN)
    t.click(notices.cards[0])
    assert current_name(app) == "notice_detail"
    return _home_by_bar(qtbot, app)


TASKS = {
    "certification": _certification,
    "statement": _statement,
    "benefits": _benefits,
    "job_interest": _job_interest,
    "notice": _notice,
}


@pytest.mark.parametrize("task", list(EFFORT))
def test_a_task_takes_no_more_touches_than_the_table(
    task, make_kiosk_app, card_reader, fingerprint_sensor, qtbot
):
    app = make_kiosk_app()
    assert current_name(app) == "home"
    touches = Touches(qtbot)
    home = TASKS[task](app, qtbot, card_reader, fingerprint_sensor, touches)
    assert (touches.count, home.count) == EFFORT[task]


def test_docs_show_the_table():
    """docs/ui.md's "Task effort" rows are EFFORT, in its order."""
    text = UI_MD.read_text(encoding="utf-8")
    section = text.split("## Task effort", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \|[^|]*\| (\d+) \| (\d+) \|$", section, flags=re.MULTILINE)
    assert [(name, int(a), int(b)) for name, a, b in rows] == [
        (name, *counts) for name, counts in EFFORT.items()
    ]
