"""Maintenance mode's flow on its `FlowContext` alone (no KioskApp): entry, the technician PIN
(checked on the real maintenance worker against a real PIN file) and leaving, which hands the
kiosk back to residents through `end_quietly`. The test page and the device checks are left to
tests/ui/screens/maintenance/."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from drivers.card.simulated import SimulatedCardReader
from drivers.fingerprint.simulated import SimulatedSensor
from kiosk.core.clock import kiosk_now
from kiosk.core.maintenance_audit import MaintenanceAction
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.flows.maintenance import MaintenanceFlow
from kiosk.ops.technician import EntryMethod, PinFile, TechnicianGate
from kiosk.screens.maintenance.actions import ActionId
from kiosk.screens.maintenance.diagnostics import MaintenanceDiagnosticsScreen
from kiosk.screens.maintenance.entry import MaintenanceEntryScreen
from kiosk.screens.names import ScreenName
from kiosk.screens.navigator import HOME
from kiosk.services.card_service import CardService
from kiosk.services.fingerprint_service import FingerprintService
from kiosk.services.maintenance_service import ActionResult, MaintenanceService
from kiosk.services.printer_service import PrinterService
from kiosk.services.sync_service import SyncService, SyncSnapshot
from kiosk.services.sync_status import SyncStatus
from kiosk.services.voice import Voice
from kiosk.widgets.frame import BarButton
from offline_cache.store import Store
from offline_cache.sync import SyncReport
from tests.ui.flows.conftest import WAIT_MS, FlowKit
from tests.ui.helpers import click, deliver_posted_events, type_digits

PIN = "246813"
TEST_READ_CARD = dataclasses.replace(SAMPLE_CARD, expiry_date=date(2031, 5, 1))
WRONG_PIN = "135792"


@dataclass
class Maintenance:
    kit: FlowKit
    flow: MaintenanceFlow
    service: MaintenanceService
    quiet_ends: list[None] = field(default_factory=list)
    quits: list[int] = field(default_factory=list)

    @property
    def entry(self) -> MaintenanceEntryScreen:
        return self.kit.navigator.get_as(ScreenName.MAINTENANCE, MaintenanceEntryScreen)

    def type_pin(self, qtbot: Any, pin: str) -> None:
        keypad = self.entry.keypad
        qtbot.waitUntil(keypad.isEnabled, timeout=WAIT_MS)
        type_digits(qtbot, keypad, pin, confirm=False)
        # the worker answers on its thread: record there (list.append is no Qt slot), wait here
        answers: list[object] = []
        self.service.worker.pin_result.connect(answers.append)
        click(qtbot, keypad.confirm_key)
        qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
        self.service.worker.pin_result.disconnect(answers.append)
        deliver_posted_events()  # the flow's slot, connected before ours, was posted first

    def audited(self) -> list[dict[str, Any]]:
        config = self.kit.config
        store = Store.open(config.database_path, config.read_template_key())
        try:
            rows = store.connection.execute(
                "SELECT body FROM outbox WHERE kind = 'maintenance' ORDER BY seq"
            ).fetchall()
        finally:
            store.close()
        return [json.loads(r[0])["payload"] for r in rows]


@pytest.fixture
def maintenance(make_flow_kit: Callable[..., FlowKit], tmp_path: Path) -> Iterator[Maintenance]:
    """The flow with its services built, started and shut down in the app's order (kiosk/app.py);
    a PIN file with one technician (li) next to the configuration."""
    PinFile(tmp_path / "technician.pins").set_pin("li", PIN)
    kit = make_flow_kit(maintenance={"pin_file": "technician.pins"})
    config = kit.config
    sensor = SimulatedSensor()
    card = CardService(lambda: SimulatedCardReader(), today=lambda: kiosk_now().date())
    fingerprint = FingerprintService(config, open_sensor=lambda: sensor)
    printer = PrinterService.from_config(config)
    sync = SyncService(config, SyncStatus())  # not started: no round, no county needed
    gate = TechnicianGate.from_config(config)
    service = MaintenanceService(config, gate)
    voice = Voice(False, config.ui.volume)
    quiet_ends: list[None] = []
    quits: list[int] = []

    def end_quietly() -> None:  # what the shell's does that the flow can see
        quiet_ends.append(None)
        kit.session.clear(config.ui.language)
        kit.navigator.clear_all()
        kit.navigator.go(HOME)

    flow = MaintenanceFlow(
        kit.ctx, gate, service, card=card, fingerprint=fingerprint, printer=printer, sync=sync,
        voice=voice, quit=quits.append, end_quietly=end_quietly,
    )  # fmt: skip
    card.start()
    service.start()
    fingerprint.start()
    printer.start()
    yield Maintenance(kit, flow, service, quiet_ends, quits)
    card.shutdown()
    flow.end_for_shutdown()
    service.shutdown()
    fingerprint.shutdown()
    printer.shutdown()
    voice.shutdown()


def test_the_corner_sequence_shows_the_technician_keypad(maintenance: Maintenance) -> None:
    kit = maintenance.kit
    assert kit.current == ScreenName.HOME
    maintenance.flow.begin(EntryMethod.TOUCH_SEQUENCE)
    assert kit.current == ScreenName.MAINTENANCE
    assert maintenance.entry.keypad.isEnabled()
    assert not maintenance.flow.active
    assert maintenance.flow.timer.isActive()  # the abandoned-keypad countdown runs


def test_a_wrong_pin_keeps_maintenance_locked(maintenance: Maintenance, qtbot: Any) -> None:
    kit = maintenance.kit
    maintenance.flow.begin(EntryMethod.TOUCH_SEQUENCE)
    maintenance.type_pin(qtbot, WRONG_PIN)
    assert kit.current == ScreenName.MAINTENANCE
    assert not maintenance.flow.active and maintenance.flow.session is None
    assert "4" in maintenance.entry.message.text()  # tries left
    qtbot.waitUntil(
        lambda: any(a["action"] == "entry_refused" for a in maintenance.audited()),
        timeout=WAIT_MS,
    )
    assert maintenance.quiet_ends == [] and kit.ended == []


def test_the_right_pin_enters_and_leaving_hands_back_quietly(
    maintenance: Maintenance, qtbot: Any
) -> None:
    kit = maintenance.kit
    maintenance.flow.begin(EntryMethod.TOUCH_SEQUENCE)
    maintenance.type_pin(qtbot, PIN)
    assert kit.current == ScreenName.MAINTENANCE_DIAGNOSTICS
    assert maintenance.flow.active
    diagnostics = kit.navigator.get_as(
        ScreenName.MAINTENANCE_DIAGNOSTICS, MaintenanceDiagnosticsScreen
    )
    with qtbot.waitSignal(maintenance.flow.ended, timeout=WAIT_MS) as ended:
        click(qtbot, diagnostics.leave_button)
    assert ended.args == ["left"]
    assert maintenance.quiet_ends == [None]  # quietly: not a resident's session end
    assert kit.ended == [] and maintenance.quits == []
    assert kit.current == ScreenName.HOME and not maintenance.flow.active
    qtbot.waitUntil(
        lambda: [a["action"] for a in maintenance.audited()][-1:] == ["left"], timeout=WAIT_MS
    )


def test_a_background_sync_round_never_replaces_the_result_the_technician_reads(
    maintenance: Maintenance, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up or periodic round's report used to overwrite a test's result within a second
    (a test capture's ✓ replaced by 同步完成); only a round the technician asked for is shown."""
    kit, flow = maintenance.kit, maintenance.flow
    flow.begin(EntryMethod.TOUCH_SEQUENCE)
    maintenance.type_pin(qtbot, PIN)
    kit.navigator.go(ScreenName.MAINTENANCE_ACTIONS)
    actions = flow.actions
    flow.run_action(ActionId.TEST_CARD)
    asked_for_card = actions.result.text()
    report = SyncSnapshot(True, None, SyncReport(pushed=3, accepted=3), time.time())
    flow.sync.status_changed.emit(report)  # a background round finishes
    assert actions.result.text() == asked_for_card

    monkeypatch.setattr(flow.sync, "sync_now", lambda: True)  # a round starts (no county here)
    flow.run_action(ActionId.SYNC_NOW)
    assert actions.result.text() != asked_for_card  # "正在同步…"
    flow.sync.status_changed.emit(report)  # the round the technician asked for
    assert "送出 3 笔（接收 3" in actions.detail.text()
    shown = actions.detail.text()
    flow.run_action(ActionId.TEST_CARD)
    flow.sync.status_changed.emit(SyncSnapshot(True, None, SyncReport(pushed=9), time.time()))
    assert "送出 9 笔" not in actions.detail.text() and actions.detail.text() != shown


def test_every_maintenance_screen_has_a_way_out(maintenance: Maintenance, qtbot: Any) -> None:
    """The actions screen leaves (退出维护) or goes back to the diagnostics; the confirm screen goes
    back (返回) or leaves; a test page's question left unanswered is audited as such."""
    kit, flow = maintenance.kit, maintenance.flow
    flow.begin(EntryMethod.TOUCH_SEQUENCE)
    maintenance.type_pin(qtbot, PIN)
    assert kit.current == ScreenName.MAINTENANCE_DIAGNOSTICS
    flow.diagnostics.actions_requested.emit()
    click(qtbot, flow.actions.buttons[ActionId.DIAGNOSTICS])
    assert kit.current == ScreenName.MAINTENANCE_DIAGNOSTICS
    flow.diagnostics.actions_requested.emit()
    click(qtbot, flow.actions.buttons[ActionId.LEAVE])
    assert kit.current == ScreenName.HOME and not flow.active

    flow.begin(EntryMethod.TOUCH_SEQUENCE)  # again: the keypad answers (issue 12, item 1)
    maintenance.type_pin(qtbot, PIN)
    assert flow.active
    flow.diagnostics.actions_requested.emit()
    click(qtbot, flow.actions.buttons[ActionId.RESTART])
    assert kit.current == ScreenName.MAINTENANCE_CONFIRM
    assert BarButton.BACK in flow.confirm.bar_buttons
    kit.navigator.back()  # 返回 in the bar
    assert kit.current == ScreenName.MAINTENANCE_ACTIONS and maintenance.quits == []

    # a test page was printed: the question waits; 退出维护 leaves without an answer
    flow._action_done(ActionResult(MaintenanceAction.TEST_PRINT, True, "job 7, 1 page(s)", {}))
    assert kit.current == ScreenName.MAINTENANCE_CONFIRM
    click(qtbot, flow.confirm.leave_button)
    assert kit.current == ScreenName.HOME and not flow.active
    qtbot.waitUntil(
        lambda: [a["action"] for a in maintenance.audited()][-2:] == ["left", "test_print"],
        timeout=WAIT_MS,
    )
    audited = maintenance.audited()
    assert audited[-1]["detail"] == "ok=True confirmed=unanswered"
    assert "reason=left" in audited[-2]["detail"]
    assert maintenance.quits == []


def test_yes_and_no_are_big_buttons(maintenance: Maintenance) -> None:
    confirm = maintenance.flow.confirm
    theme = confirm.ctx.theme
    for button in (confirm.yes, confirm.no):
        assert button.minimumHeight() >= round(theme.target_h * 1.5)
        assert button.minimumWidth() >= theme.px(400)
        assert button.styleSheet() == ""  # the residents' 48 px words, not the 28 px of tools
    assert "28px" in confirm.leave_button.styleSheet()


def test_results_read_in_words_and_stay_until_dismissed(
    maintenance: Maintenance, qtbot: Any
) -> None:
    """A failed test read says what happened in words, its code small underneath; the result
    stays (a background sync round does not replace it) until 知道了."""
    kit, flow = maintenance.kit, maintenance.flow
    flow.begin(EntryMethod.TOUCH_SEQUENCE)
    maintenance.type_pin(qtbot, PIN)
    flow.diagnostics.actions_requested.emit()
    actions = flow.actions
    assert actions.dismiss.isHidden()
    flow.run_action(ActionId.TEST_CARD)
    assert actions.dismiss.isHidden()  # in progress: nothing to dismiss yet
    assert flow.card_error("card_unreadable")
    headline, detail = actions.result.text(), actions.detail.text()
    assert "读卡失败" in headline and "卡读不出来" in detail
    assert "card_unreadable" in detail and "font-size: 20px" in detail  # the code, small
    assert not actions.dismiss.isHidden()
    report = SyncSnapshot(True, None, SyncReport(pushed=3, accepted=3), time.time())
    flow.sync.status_changed.emit(report)  # a background round
    assert (actions.result.text(), actions.detail.text()) == (headline, detail)
    click(qtbot, actions.dismiss)
    assert actions.result.text() == "" and actions.detail.text() == ""
    assert actions.dismiss.isHidden()

    flow.card_read(TEST_READ_CARD)  # a test read: the expiry in words, not 2031-05-01
    assert "有效期至 2031年5月1日" in actions.detail.text()
    assert kit.current == ScreenName.MAINTENANCE_ACTIONS
