"""The ZFM driver through the real pyfingerprint 1.5, against the protocol emulator on a pty."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from drivers.errors import (
    Cancelled,
    NotEnrolled,
    PoorImage,
    SensorTimeout,
    SensorUnavailable,
    SensorUnsupported,
)
from drivers.fingerprint.api import Comparison, EnrolledFinger, SensorInfo
from drivers.fingerprint.zfm import ZfmSensor
from tests.emulators.zfm_sensor import ZfmConfig, ZfmEmulator
from tests.fixtures.sensor import make_template

pytestmark = pytest.mark.realstack

VERIFY_PASSWORD = 0x13
THRESHOLD = 50
ALICE = make_template("alice/right_index")
ALICE_LEFT = make_template("alice/left_index")
BOB = make_template("bob/right_index")
ENROLLED = [EnrolledFinger("left_index", ALICE_LEFT), EnrolledFinger("right_index", ALICE)]

StartEmulator = Callable[..., ZfmEmulator]


def capture(
    sensor: ZfmSensor, enrolled: list[EnrolledFinger] = ENROLLED, threshold: int = THRESHOLD
) -> Comparison:
    sensor.wait_for_finger(5, threading.Event())
    return sensor.capture_and_compare(enrolled, threshold)


# --- parameters -----------------------------------------------------------------------------------
def test_info_reports_the_parameter_block_in_bytes_and_bps(
    zfm_emulator_factory: StartEmulator,
) -> None:
    emulator = zfm_emulator_factory(
        ZfmConfig(
            system_id=0x1234, capacity=300, security_level=5, packet_size_code=3, baud_code=12
        )
    )
    with ZfmSensor(emulator.port) as sensor:
        assert sensor.info() == SensorInfo(
            system_id=0x1234,
            capacity=300,
            security_level=5,
            address=0xFFFFFFFF,
            packet_size=256,
            baud_rate=115200,
        )


def test_r503_with_system_id_zero_is_supported(zfm_emulator_factory: StartEmulator) -> None:
    emulator = zfm_emulator_factory(ZfmConfig.r503())
    emulator.place_finger(ALICE)
    with ZfmSensor(emulator.port) as sensor:
        assert sensor.info().system_id == 0
        assert capture(sensor).matched


def test_r308_that_ignores_0x0f_is_named_unsupported(zfm_emulator_factory: StartEmulator) -> None:
    emulator = zfm_emulator_factory(ZfmConfig.r308())
    with pytest.raises(SensorUnsupported, match="unsupported sensor") as raised:
        ZfmSensor(emulator.port)
    assert "read system parameters" in str(raised.value)  # what it does not do
    assert "R503" in str(raised.value)  # and which sensors work


@pytest.mark.parametrize(
    "config",
    [
        ZfmConfig(short_parameter_block=True),
        ZfmConfig(packet_size_code=5),
        ZfmConfig(baud_code=0),
        ZfmConfig(security_level=9),
    ],
    ids=["short-block", "packet-code-5", "baud-code-0", "security-9"],
)
def test_an_unexpected_parameter_block_is_unsupported(
    zfm_emulator_factory: StartEmulator, config: ZfmConfig
) -> None:
    emulator = zfm_emulator_factory(config)
    with pytest.raises(SensorUnsupported):
        ZfmSensor(emulator.port)


# --- comparing ------------------------------------------------------------------------------------
@pytest.mark.parametrize("packet_size_code", [0, 1, 2, 3])
def test_the_matching_finger_matches_at_every_packet_size(
    zfm_emulator_factory: StartEmulator, packet_size_code: int
) -> None:
    emulator = zfm_emulator_factory(ZfmConfig(packet_size_code=packet_size_code))
    emulator.place_finger(ALICE)
    with ZfmSensor(emulator.port) as sensor:
        result = capture(sensor)
    assert result.matched
    assert result.finger == "right_index"
    assert result.score >= 100


def test_a_stranger_does_not_match(zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor) -> None:
    zfm_emulator.place_finger(BOB)
    result = capture(zfm_sensor)
    assert not result.matched
    assert result.score < 20


def test_the_threshold_decides(zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor) -> None:
    zfm_emulator.place_finger(ALICE)
    result = capture(zfm_sensor, threshold=1000)
    assert not result.matched
    assert result.finger == "right_index"  # the best-scoring finger is still named


def test_capture_converts_once_and_uploads_each_enrolled_template(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    zfm_emulator.place_finger(BOB)
    zfm_emulator.received.clear()
    capture(zfm_sensor)
    assert zfm_emulator.received.count(0x02) == 1  # convertImage, buffer 1
    assert zfm_emulator.received.count(0x09) == len(ENROLLED)  # template into buffer 2
    assert zfm_emulator.received.count(0x03) == len(ENROLLED)  # compare


def test_no_enrolled_template_is_not_enrolled(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    zfm_emulator.place_finger(ALICE)
    zfm_sensor.wait_for_finger(5, threading.Event())
    with pytest.raises(NotEnrolled):
        zfm_sensor.capture_and_compare([], THRESHOLD)
    with pytest.raises(NotEnrolled):
        zfm_sensor.capture_and_compare([EnrolledFinger("right_index", b"short")], THRESHOLD)


@pytest.mark.parametrize("quality", ["poor", "messy"])
def test_a_poor_image_is_poor_not_a_mismatch_and_the_next_try_works(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor, quality: str
) -> None:
    zfm_emulator.place_finger(ALICE, quality)  # type: ignore[arg-type]
    with pytest.raises(PoorImage):
        capture(zfm_sensor)
    zfm_emulator.place_finger(ALICE)
    assert capture(zfm_sensor).matched


def test_pyfingerprint_reports_a_bytes_upload_as_failed_which_the_driver_avoids(
    zfm_emulator: ZfmEmulator,
) -> None:
    """The trap itself, on the emulator: the driver must pass a list of ints."""
    from pyfingerprint.pyfingerprint import PyFingerprint

    fp = PyFingerprint(zfm_emulator.port)
    try:
        assert fp.verifyPassword()
        assert fp.uploadCharacteristics(2, ALICE) is False
        assert fp.downloadCharacteristics(2) == list(ALICE)  # ... although the upload worked
        assert fp.uploadCharacteristics(2, list(ALICE)) is True
    finally:
        fp._PyFingerprint__serial.close()


# --- waiting --------------------------------------------------------------------------------------
def test_waiting_with_no_finger_times_out(zfm_sensor: ZfmSensor) -> None:
    with pytest.raises(SensorTimeout):
        zfm_sensor.wait_for_finger(0.3, threading.Event())


def test_a_finger_placed_during_the_wait_is_seen(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    timer = threading.Timer(0.3, zfm_emulator.place_finger, args=(ALICE,))
    timer.start()
    try:
        zfm_sensor.wait_for_finger(10, threading.Event())
    finally:
        timer.cancel()
    assert zfm_sensor.capture_and_compare(ENROLLED, THRESHOLD).matched


def test_cancel_ends_the_wait_for_a_finger(zfm_sensor: ZfmSensor) -> None:
    cancel = threading.Event()
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    with pytest.raises(Cancelled):
        zfm_sensor.wait_for_finger(30, cancel)


def test_wait_for_lift(zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor) -> None:
    zfm_emulator.place_finger(ALICE)
    with pytest.raises(SensorTimeout):
        zfm_sensor.wait_for_lift(0.3, threading.Event())
    timer = threading.Timer(0.3, zfm_emulator.lift_finger)
    timer.start()
    zfm_sensor.wait_for_lift(10, threading.Event())
    with pytest.raises(SensorTimeout):  # really lifted: no finger now
        zfm_sensor.wait_for_finger(0.2, threading.Event())


# --- a misbehaving line ---------------------------------------------------------------------------
def test_slow_answers_within_the_limits_work_without_resynchronising(
    zfm_emulator_factory: StartEmulator,
) -> None:
    slow = {0x01: 1.5, 0x02: 1.5, 0x03: 0.2, 0x09: 0.2, 0x08: 0.2, 0x0F: 0.2, 0x13: 0.2}
    emulator = zfm_emulator_factory(ZfmConfig(delays=slow))
    emulator.place_finger(ALICE)
    with ZfmSensor(emulator.port) as sensor:
        assert capture(sensor, enrolled=[EnrolledFinger("right_index", ALICE)]).matched
    assert emulator.received.count(VERIFY_PASSWORD) == 1  # the opening handshake only


def test_a_silent_sensor_is_unavailable_at_open(zfm_emulator: ZfmEmulator) -> None:
    zfm_emulator.silent = True
    with pytest.raises(SensorUnavailable):
        ZfmSensor(zfm_emulator.port)


def test_a_sensor_falling_silent_is_unavailable_then_recovers(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    zfm_emulator.silent = True
    with pytest.raises(SensorUnavailable):
        zfm_sensor.wait_for_finger(30, threading.Event())
    zfm_emulator.silent = False  # power back: the same object works again
    zfm_emulator.place_finger(ALICE)
    assert capture(zfm_sensor).matched


def test_another_address_gets_no_answer(zfm_emulator: ZfmEmulator) -> None:
    with pytest.raises(SensorUnavailable):
        ZfmSensor(zfm_emulator.port, address=0x12345678)


def test_a_wrong_password_is_unavailable(zfm_emulator_factory: StartEmulator) -> None:
    emulator = zfm_emulator_factory(ZfmConfig(password=0x0000BEEF))
    with pytest.raises(SensorUnavailable, match="password"):
        ZfmSensor(emulator.port, password=0)
    ZfmSensor(emulator.port, password=0x0000BEEF).close()


def test_a_reply_cut_short_is_recovered(zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor) -> None:
    zfm_emulator.place_finger(ALICE)
    zfm_emulator.cut_next_replies(1)
    assert capture(zfm_sensor).matched
    assert zfm_emulator.received.count(VERIFY_PASSWORD) >= 2  # a resync happened


def test_replies_always_cut_short_make_the_sensor_unavailable(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    zfm_emulator.cut_next_replies(1000)
    with pytest.raises(SensorUnavailable):
        zfm_sensor.info()


def test_garbage_before_a_reply_is_recovered(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    zfm_emulator.place_finger(ALICE)
    zfm_emulator.garbage_before_next_reply()
    assert capture(zfm_sensor).matched


def test_garbage_arriving_while_idle_is_drained(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    zfm_emulator.write_garbage_now(os.urandom(300))
    assert zfm_sensor.info().capacity == 1000


def test_a_late_answer_does_not_leave_the_stream_out_of_step(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    """An answer later than the 2 s limit fails that call; the late bytes must not be read as
    the answer to the next command (pyfingerprint alone stays out of step for good)."""
    zfm_emulator.config.delays[0x01] = 2.5
    with pytest.raises(SensorUnavailable):
        zfm_sensor.wait_for_finger(10, threading.Event())
    zfm_emulator.config.delays.clear()
    zfm_emulator.place_finger(ALICE)
    assert capture(zfm_sensor).matched
    assert zfm_sensor.info().capacity == 1000


def test_the_sensor_disappearing_mid_flow_is_unavailable(
    zfm_emulator: ZfmEmulator, zfm_sensor: ZfmSensor
) -> None:
    timer = threading.Timer(0.3, zfm_emulator.disappear)
    timer.start()
    with pytest.raises(SensorUnavailable):
        zfm_sensor.wait_for_finger(30, threading.Event())
    with pytest.raises(SensorUnavailable):
        zfm_sensor.info()


def test_a_missing_port_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(SensorUnavailable):
        ZfmSensor(str(tmp_path / "ttyUSB9"))


# --- ownership and closing ------------------------------------------------------------------------
def _open_fds_on(path: str) -> int:
    real = os.path.realpath(path)
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == real:
                count += 1
        except OSError:
            continue
    return count


def test_close_releases_the_port(zfm_emulator: ZfmEmulator) -> None:
    before = _open_fds_on(zfm_emulator.port)
    sensor = ZfmSensor(zfm_emulator.port)
    assert _open_fds_on(zfm_emulator.port) == before + 1
    sensor.close()
    assert _open_fds_on(zfm_emulator.port) == before
    sensor.close()  # twice is harmless
    with pytest.raises(SensorUnavailable):
        sensor.info()


def test_a_failed_open_releases_the_port(zfm_emulator_factory: StartEmulator) -> None:
    emulator = zfm_emulator_factory(ZfmConfig.r308())
    before = _open_fds_on(emulator.port)
    with pytest.raises(SensorUnsupported):
        ZfmSensor(emulator.port)
    assert _open_fds_on(emulator.port) == before


def test_only_the_owner_thread_may_use_the_sensor(zfm_sensor: ZfmSensor) -> None:
    errors: list[BaseException] = []

    def intruder() -> None:
        try:
            zfm_sensor.info()
        except BaseException as e:
            errors.append(e)

    thread = threading.Thread(target=intruder)
    thread.start()
    thread.join()
    assert len(errors) == 1 and isinstance(errors[0], RuntimeError)
    assert zfm_sensor.info().capacity == 1000  # the owner still can
