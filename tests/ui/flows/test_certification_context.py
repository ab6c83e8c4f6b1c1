"""The certification flow on its `FlowContext` alone (no KioskApp): a real navigator and screens,
the real fingerprint service on the simulated sensor, the real store; what the flow asks of the
shell (end the session, report a fault) is recorded by the kit (tests/ui/flows/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from county_platform.seed import synthetic_template
from drivers.errors import SensorUnavailable
from drivers.fingerprint.simulated import SimulatedSensor
from kiosk.core.clock import kiosk_now
from kiosk.core.faults import Fault, FaultSource
from kiosk.core.session import SessionEnd
from kiosk.flows.certification import CertificationFlow
from kiosk.screens.certify.result import ResultKind, ResultScreen
from kiosk.screens.certify.start import CertifyParams
from kiosk.screens.common.finger import FingerScreen
from kiosk.screens.names import ScreenName
from kiosk.services.fingerprint_service import FingerprintService
from offline_cache.models import Resident
from tests.ui.certification_helpers import PERSON, benefit, card_for, certifications, resident, seed
from tests.ui.flows.conftest import WAIT_MS, FlowKit
from tests.ui.helpers import deliver_posted_events


@dataclass
class Certification:
    kit: FlowKit
    service: FingerprintService
    flow: CertificationFlow

    def card_on_home(self, person: Resident) -> None:
        """What the shell does with a card read on the home screen (CARD_LANDING)."""
        self.kit.session.set_card(card_for(person), kiosk_now())
        self.kit.navigator.go(ScreenName.CERTIFY, CertifyParams(from_card=True))

    def at_finger(self, qtbot: Any, person: Resident) -> None:
        """`person` in the store, the card read on the home screen, the finger asked for."""
        seed(self.kit.config, person)
        self.card_on_home(person)
        qtbot.waitUntil(self.waiting_for_finger, timeout=WAIT_MS)

    def waiting_for_finger(self) -> bool:
        finger = self.kit.navigator.get_as(ScreenName.FINGER, FingerScreen)
        return (
            self.kit.current == ScreenName.FINGER
            and finger.phase.value == "place"
            and self.service.busy
        )


@pytest.fixture
def make_certification(flow_kit: FlowKit) -> Iterator[Callable[..., Certification]]:
    """The flow with the fingerprint service built as the app builds it; `open_sensor` opens the
    sensor (on the service's thread). Shut down before the kit's screens go."""
    built: list[FingerprintService] = []

    def make(open_sensor: Callable[[], Any]) -> Certification:
        service = FingerprintService(flow_kit.config, open_sensor=open_sensor)
        built.append(service)
        flow = CertificationFlow(flow_kit.ctx, service)
        flow_kit.on_session_end.append(flow.session_ended)  # the app connects the shell's signal
        service.start()
        return Certification(flow_kit, service, flow)

    yield make
    for service in built:
        service.shutdown()


@pytest.fixture
def sensor() -> SimulatedSensor:
    return SimulatedSensor()


def test_a_due_resident_is_certified_by_finger_and_the_result_says_success(
    make_certification: Callable[..., Certification], sensor: SimulatedSensor, qtbot: Any
) -> None:
    cert = make_certification(lambda: sensor)
    kit = cert.kit
    cert.at_finger(qtbot, resident(benefits=[benefit("pension", due_in_days=10)]))
    assert certifications(kit.config) == []

    with qtbot.waitSignal(cert.flow.result_shown, timeout=WAIT_MS) as shown:
        sensor.present_finger(synthetic_template(PERSON, "right_index"))
    sensor.lift_finger()
    assert kit.current == ScreenName.RESULT
    result = kit.navigator.get_as(ScreenName.RESULT, ResultScreen)
    assert result.kind is ResultKind.SUCCESS
    assert shown.args is not None and shown.args[0].passed
    [tx] = certifications(kit.config)
    assert tx["result"] == "passed" and tx["person_id"] == PERSON
    assert kit.faults == [] and kit.ended == []


def test_a_sensor_that_cannot_be_opened_shows_the_sensor_error_and_reports_one_fault(
    make_certification: Callable[..., Certification], qtbot: Any
) -> None:
    def unplugged() -> Any:
        raise SensorUnavailable("no sensor on /dev/ttyUSB0")

    cert = make_certification(unplugged)
    kit = cert.kit
    person = resident()
    seed(kit.config, person)
    with qtbot.waitSignal(cert.service.failed, timeout=WAIT_MS):
        cert.card_on_home(person)
    deliver_posted_events()
    assert kit.current == ScreenName.RESULT
    assert kit.navigator.get_as(ScreenName.RESULT, ResultScreen).kind is ResultKind.SENSOR_ERROR
    assert kit.faults == [Fault(FaultSource.FINGERPRINT, "sensor_unavailable")]
    assert kit.faults[0].counts_towards_out_of_service
    assert not cert.service.busy
    assert certifications(kit.config) == []


def test_session_ended_cancels_a_waiting_verification(
    make_certification: Callable[..., Certification], sensor: SimulatedSensor, qtbot: Any
) -> None:
    cert = make_certification(lambda: sensor)
    kit = cert.kit
    cert.at_finger(qtbot, resident())

    # the shell's session_ended alone (no screen change, which would cancel it too): the worker's
    # wait on the sensor ends as cancelled and nothing is recorded
    with qtbot.waitSignal(cert.service.wait_ended, timeout=WAIT_MS):
        cert.flow.session_ended(SessionEnd.CARD_REMOVED)
    assert kit.current == ScreenName.FINGER
    assert not cert.service.busy and cert.flow.plan is None
    # the worker has left the verification: a finger placed now is compared with nothing
    sensor.present_finger(synthetic_template(PERSON, "right_index"))
    deliver_posted_events()
    assert kit.current == ScreenName.FINGER
    assert certifications(kit.config) == []
    assert kit.faults == []


def test_the_end_of_the_session_from_the_finger_screen_records_nothing_and_goes_home(
    make_certification: Callable[..., Certification], sensor: SimulatedSensor, qtbot: Any
) -> None:
    cert = make_certification(lambda: sensor)
    kit = cert.kit
    cert.at_finger(qtbot, resident())

    with qtbot.waitSignal(cert.service.wait_ended, timeout=WAIT_MS):
        kit.end_session(SessionEnd.IDLE)
    assert kit.current == ScreenName.HOME
    assert kit.session.card is None
    assert not cert.service.busy
    assert certifications(kit.config) == []
    assert kit.ended == [SessionEnd.IDLE] and kit.faults == []
