"""Property: the outbox holds exactly one certification per completed verification — none for a
walk-away — whatever the resident does at the sensor. Runs the real worker (on this thread), the
simulated sensor and the real Store; no Qt event loop needed (signals are direct here)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from county_platform.seed import synthetic_template
from drivers.fingerprint.simulated import SimulatedSensor
from kiosk.services.fingerprint_service import FingerprintWorker
from offline_cache.store import Store
from tests.ui.certification_helpers import PERSON, benefit, certifications, resident, seed

ACTIONS = st.sampled_from(["match", "wrong", "poor", "walk"])
SESSION = st.lists(ACTIONS, min_size=1, max_size=8)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sessions=st.lists(SESSION, min_size=1, max_size=4))
def test_one_certification_per_completed_verification(kiosk_config, sessions):
    config = kiosk_config(devices={"fingerprint_attempts": 2})
    seed(config, resident(benefits=[benefit("pension"), benefit("unemployment", due_in_days=1)],
                          fingers=("right_index", "left_index")))  # fmt: skip
    before = len(certifications(config))
    sensor = SimulatedSensor()
    worker = FingerprintWorker(config, lambda: sensor, clock=None)
    finished: list[object] = []
    cancelled: list[int] = []
    worker.finished.connect(lambda _r, result: finished.append(result))
    worker.cancelled.connect(cancelled.append)
    worker.start()
    try:
        for number, actions in enumerate(sessions):
            script = iter(actions)
            cancel = threading.Event()

            def place(
                _r: int,
                finger: str,
                _left: int,
                script: Iterator[str] = script,
                cancel: threading.Event = cancel,
            ) -> None:
                action = next(script, "wrong")
                if action == "walk":
                    cancel.set()
                else:  # "match": the very finger the screen asks for
                    template = synthetic_template(PERSON, finger) if action == "match" else None
                    sensor.present_finger(template, "poor" if action == "poor" else "good")

            worker.place_finger.connect(place)
            worker.lift_finger.connect(lambda _r: sensor.lift_finger())
            benefit_kind = "pension" if number % 2 == 0 else "unemployment"
            worker.verify(number, PERSON, benefit_kind, ["right_index", "left_index"], cancel)
            worker.place_finger.disconnect(place)
            worker.lift_finger.disconnect()
            sensor.lift_finger()
            expected = _expected(actions)
            if expected == "walk":
                assert cancelled and cancelled[-1] == number
            else:
                assert finished and finished[-1].outcome.value == expected  # type: ignore[attr-defined]
    finally:
        worker.stop()
    txs = certifications(config)[before:]
    assert len(txs) == len(finished)
    assert [t["id"] for t in txs] == [r.tx_id for r in finished]  # type: ignore[attr-defined]
    assert [t["result"] for t in txs] == [r.outcome.value for r in finished]  # type: ignore[attr-defined]


def _expected(actions: list[str], attempts_in_total: int = 4) -> str:
    """What the worker must conclude: 2 fingers × 2 attempts; unscripted attempts are wrong."""
    for action in (actions + ["wrong"] * attempts_in_total)[:attempts_in_total]:
        if action == "match":
            return "passed"
        if action == "walk":
            return "walk"
    return "failed"


def test_store_is_closed_by_stop(kiosk_config):
    config = kiosk_config()
    worker = FingerprintWorker(config, SimulatedSensor, clock=None)
    worker.start()
    worker.lookup(1, PERSON)
    worker.stop()
    Store.open(config.database_path, config.read_template_key()).close()
