"""The in-memory sensor used by the demo, the UI tests and the autopilot."""

from __future__ import annotations

import os
import threading

import pytest

from drivers.errors import Cancelled, NotEnrolled, PoorImage, SensorTimeout, SensorUnavailable
from drivers.fingerprint import open_fingerprint_sensor
from drivers.fingerprint.api import EnrolledFinger, FingerprintSensor
from drivers.fingerprint.simulated import SimulatedSensor, similarity_score

T1, T2 = os.urandom(512), os.urandom(512)
ENROLLED = [EnrolledFinger("left_index", T1), EnrolledFinger("right_index", T2)]


def test_scores_identical_high_and_unrelated_low() -> None:
    assert similarity_score(T1, T1) >= 100
    assert similarity_score(T1, T2) < 20
    assert similarity_score(T1, T1[:100]) == 0


def test_the_enrolled_finger_matches_and_is_named() -> None:
    sensor = SimulatedSensor()
    sensor.present_finger(T2)
    sensor.wait_for_finger(1, threading.Event())
    result = sensor.capture_and_compare(ENROLLED, 50)
    assert (result.matched, result.finger) == (True, "right_index")
    assert result.score >= 100


def test_someone_elses_finger_does_not_match() -> None:
    sensor = SimulatedSensor()
    sensor.present_finger(None)
    result = sensor.capture_and_compare(ENROLLED, 50)
    assert not result.matched and result.score < 20


def test_a_poor_finger_is_a_poor_image() -> None:
    sensor = SimulatedSensor()
    sensor.present_finger(T1, "poor")
    with pytest.raises(PoorImage):
        sensor.capture_and_compare(ENROLLED, 50)


def test_no_templates_is_not_enrolled() -> None:
    sensor = SimulatedSensor()
    sensor.present_finger(T1)
    with pytest.raises(NotEnrolled):
        sensor.capture_and_compare([], 50)


def test_a_finger_presented_from_another_thread_ends_the_wait() -> None:
    sensor = SimulatedSensor()
    threading.Timer(0.1, sensor.present_finger, args=(T1,)).start()
    sensor.wait_for_finger(10, threading.Event())
    assert sensor.finger_present
    threading.Timer(0.1, sensor.lift_finger).start()
    sensor.wait_for_lift(10, threading.Event())
    assert not sensor.finger_present


def test_timeout_and_cancel() -> None:
    sensor = SimulatedSensor()
    with pytest.raises(SensorTimeout):
        sensor.wait_for_finger(0.1, threading.Event())
    cancel = threading.Event()
    threading.Timer(0.1, cancel.set).start()
    with pytest.raises(Cancelled):
        sensor.wait_for_finger(10, cancel)


def test_unavailable_and_closed() -> None:
    sensor = SimulatedSensor()
    sensor.set_available(False)
    with pytest.raises(SensorUnavailable):
        sensor.info()
    with pytest.raises(SensorUnavailable):
        sensor.wait_for_finger(1, threading.Event())
    sensor.set_available(True)
    assert sensor.info().packet_size == 128
    sensor.close()
    with pytest.raises(SensorUnavailable):
        sensor.info()


def test_the_factory() -> None:
    sensor: FingerprintSensor = open_fingerprint_sensor("simulated")
    assert isinstance(sensor, SimulatedSensor)
    with pytest.raises(ValueError, match="unknown"):
        open_fingerprint_sensor("capacitive")
    with pytest.raises(SensorUnavailable):
        open_fingerprint_sensor("zfm", "/nonexistent/ttyUSB0")
