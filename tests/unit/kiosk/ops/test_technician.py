"""PIN hashing and the PIN file, lockout growth and persistence, the touch sequence, the session."""

from __future__ import annotations

import itertools
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ops.technician import (
    LOCKOUT_BASE_S,
    LOCKOUT_CAP_S,
    LOCKOUT_FORGET_S,
    SCRYPT_N,
    AttemptOutcome,
    EntryMethod,
    InvalidPinError,
    Lockout,
    MaintenanceEnd,
    MaintenanceSession,
    PinFile,
    PinFileError,
    TechnicianGate,
    TouchSequence,
    corner_of,
    lockout_delay,
    validate_pin,
)
from tests.fixtures.common import write_private

MAX_ATTEMPTS = 5


class FakeClock:
    """Settable seconds, for the wall clock of the lockout and the monotonic clock of sessions."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def pin_file(tmp_path: Path) -> PinFile:
    f = PinFile(tmp_path / "technician.pins")
    f.set_pin("li", "246813")
    f.set_pin("wang", "97531864")
    return f


def make_gate(tmp_path: Path, pin_file: PinFile, clock: FakeClock) -> TechnicianGate:
    lockout = Lockout(tmp_path / "data" / "lockout.json", MAX_ATTEMPTS, clock)
    return TechnicianGate(pin_file, lockout, technician_cards=("A12345678",))


# --- hashing and the file -------------------------------------------------------------------------
def test_pin_file_holds_only_salted_scrypt_hashes_with_mode_0600(pin_file: PinFile) -> None:
    text = pin_file.path.read_text()
    assert "246813" not in text and "97531864" not in text
    lines = text.splitlines()
    assert [line.split(":")[0] for line in lines] == ["li", "wang"]
    for line in lines:
        _name, params, salt, digest = line.split(":")
        assert params == f"n={SCRYPT_N},r=8,p=1"
        assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert lines[0].split(":")[2] != lines[1].split(":")[2]  # a salt per entry
    assert stat.S_IMODE(pin_file.path.stat().st_mode) == 0o600


def test_same_pin_gives_different_hashes(tmp_path: Path) -> None:
    f = PinFile(tmp_path / "p")
    f.set_pin("a", "246813")
    f.set_pin("b", "246813")
    a, b = f.load()
    assert a.digest != b.digest and a.matches("246813") and b.matches("246813")


def test_verify_right_and_wrong_pin(pin_file: PinFile) -> None:
    li, wang = pin_file.load()
    assert li.matches("246813") and not li.matches("246814")
    assert wang.matches("97531864") and not wang.matches("246813")


def test_set_pin_replaces_and_remove_deletes(pin_file: PinFile) -> None:
    assert pin_file.set_pin("li", "135792") is True
    assert pin_file.names() == ["li", "wang"]
    assert pin_file.load()[0].matches("135792") and not pin_file.load()[0].matches("246813")
    assert pin_file.remove("li") is True and pin_file.remove("li") is False
    assert pin_file.names() == ["wang"]


@pytest.mark.parametrize("pin", ["12345", "123456789", "12a456", "１２３４５６", "111111", "123456",
                                 "98765432", ""])  # fmt: skip
def test_bad_pins_are_refused(pin: str) -> None:
    with pytest.raises(InvalidPinError):
        validate_pin(pin)


def test_bad_input_leaves_the_file_unchanged(pin_file: PinFile) -> None:
    before = pin_file.path.read_bytes()
    with pytest.raises(InvalidPinError):
        pin_file.set_pin("zhao", "1234")
    with pytest.raises(InvalidPinError):
        pin_file.set_pin("has:colon", "246813")
    assert pin_file.path.read_bytes() == before


def test_malformed_file_names_the_line_not_its_content(tmp_path: Path) -> None:
    path = tmp_path / "p"
    write_private(path, b"# comment\n\nli:n=32768,r=8,p=1:00:zz-secret-zz\n")
    with pytest.raises(PinFileError, match="line 3") as err:
        PinFile(path).load()
    assert "zz-secret-zz" not in str(err.value)


def test_absurd_scrypt_parameters_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "p"
    write_private(path, f"li:n={2**30},r=8,p=1:{'00' * 16}:{'00' * 32}\n".encode())
    with pytest.raises(PinFileError, match="line 1"):
        PinFile(path).load()


# --- lockout --------------------------------------------------------------------------------------
def test_lockout_delay_grows_and_is_capped() -> None:
    delays = [lockout_delay(n) for n in range(10)]
    assert delays[:4] == [
        LOCKOUT_BASE_S,
        2 * LOCKOUT_BASE_S,
        4 * LOCKOUT_BASE_S,
        8 * LOCKOUT_BASE_S,
    ]
    assert all(b >= a for a, b in itertools.pairwise(delays))
    assert delays[-1] == LOCKOUT_CAP_S


def test_five_wrong_pins_lock_with_growing_delay(tmp_path: Path, pin_file: PinFile) -> None:
    clock = FakeClock()
    gate = make_gate(tmp_path, pin_file, clock)
    for left in (4, 3, 2, 1):
        result = gate.attempt("000001")
        assert result.outcome is AttemptOutcome.WRONG_PIN and result.tries_left == left
    fifth = gate.attempt("000001")
    assert fifth.outcome is AttemptOutcome.LOCKED and fifth.locked_for_s == LOCKOUT_BASE_S
    # while locked even the right PIN is not checked
    clock.advance(LOCKOUT_BASE_S - 1)
    assert gate.attempt("246813").outcome is AttemptOutcome.LOCKED
    clock.advance(1)
    sixth = gate.attempt("000001")  # one try after a lock, then a longer lock
    assert sixth.outcome is AttemptOutcome.LOCKED and sixth.locked_for_s == 2 * LOCKOUT_BASE_S
    clock.advance(2 * LOCKOUT_BASE_S)
    assert gate.attempt("000001").locked_for_s == 4 * LOCKOUT_BASE_S
    clock.advance(4 * LOCKOUT_BASE_S)
    granted = gate.attempt("97531864")
    assert granted.outcome is AttemptOutcome.GRANTED and granted.technician == "wang"
    assert gate.lockout.failures == 0
    assert gate.attempt("000001").tries_left == MAX_ATTEMPTS - 1


def test_lockout_survives_a_restart(tmp_path: Path, pin_file: PinFile) -> None:
    clock = FakeClock()
    gate = make_gate(tmp_path, pin_file, clock)
    for _ in range(MAX_ATTEMPTS):
        gate.attempt("000001")
    restarted = make_gate(tmp_path, pin_file, clock)  # a new process reads the state file
    assert restarted.lockout.failures == MAX_ATTEMPTS
    result = restarted.attempt("246813")
    assert result.outcome is AttemptOutcome.LOCKED and result.locked_for_s == LOCKOUT_BASE_S
    assert stat.S_IMODE(restarted.lockout.path.stat().st_mode) == 0o600


def test_a_damaged_state_file_locks_instead_of_opening(tmp_path: Path, pin_file: PinFile) -> None:
    clock = FakeClock()
    path = tmp_path / "data" / "lockout.json"
    path.parent.mkdir()
    path.write_text("{not json")
    gate = TechnicianGate(pin_file, Lockout(path, MAX_ATTEMPTS, clock))
    assert gate.attempt("246813").outcome is AttemptOutcome.LOCKED


def test_clock_set_back_cannot_lock_for_longer_than_the_cap(
    tmp_path: Path, pin_file: PinFile
) -> None:
    clock = FakeClock()
    gate = make_gate(tmp_path, pin_file, clock)
    for _ in range(MAX_ATTEMPTS):
        gate.attempt("000001")
    clock.advance(-10 * 24 * 3600)
    assert gate.lockout.remaining() <= LOCKOUT_CAP_S


def test_failures_are_forgotten_after_a_quiet_day(tmp_path: Path, pin_file: PinFile) -> None:
    clock = FakeClock()
    gate = make_gate(tmp_path, pin_file, clock)
    for _ in range(3):
        gate.attempt("000001")
    clock.advance(LOCKOUT_FORGET_S + 1)
    assert gate.attempt("000001").tries_left == MAX_ATTEMPTS - 1


def test_no_pins_means_no_entry(tmp_path: Path) -> None:
    gate = make_gate(tmp_path, PinFile(tmp_path / "missing.pins"), FakeClock())
    assert gate.attempt("246813").outcome is AttemptOutcome.NOT_CONFIGURED
    broken = tmp_path / "broken.pins"
    write_private(broken, b"garbage\n")
    gate = make_gate(tmp_path, PinFile(broken), FakeClock())
    assert gate.attempt("246813").outcome is AttemptOutcome.PIN_FILE_BROKEN


def test_technician_card(tmp_path: Path, pin_file: PinFile) -> None:
    gate = make_gate(tmp_path, pin_file, FakeClock())
    assert gate.is_technician_card("A12345678")
    assert not gate.is_technician_card("A12345679") and not gate.is_technician_card("")


# --- touch sequence -------------------------------------------------------------------------------
SEQUENCE = ("top-left", "top-right", "bottom-left", "bottom-right")


def test_corner_of() -> None:
    assert corner_of(10, 10, 1920, 1080) == "top-left"
    assert corner_of(1910, 1070, 1920, 1080) == "bottom-right"
    assert corner_of(960, 10, 1920, 1080) is None


def test_touch_sequence_completes_only_in_order_and_in_time() -> None:
    clock = FakeClock(0.0)
    seq = TouchSequence(SEQUENCE, window_s=6.0, clock=clock)
    assert [seq.tap(c) for c in SEQUENCE] == [False, False, False, True]
    # a wrong corner restarts; the wrong tap may itself begin the sequence
    assert not any(seq.tap(c) for c in ("top-left", "top-right", "top-left"))
    assert [seq.tap(c) for c in SEQUENCE[1:]] == [False, False, True]
    # too slow
    for corner in SEQUENCE:
        clock.advance(2.5)
        assert not seq.tap(corner)
    # a tap outside the corners resets
    assert not any(seq.tap(c) for c in (*SEQUENCE[:2], None, *SEQUENCE[2:]))


def test_touch_sequence_rejects_unknown_corners() -> None:
    with pytest.raises(ValueError, match="touch_sequence"):
        TouchSequence(("top-left", "middle"))


# --- the session ----------------------------------------------------------------------------------
def test_session_ends_after_idle_timeout_and_touch_extends_it() -> None:
    clock = FakeClock(0.0)
    session = MaintenanceSession("li", EntryMethod.TOUCH_SEQUENCE, idle_timeout=300, clock=clock)
    clock.advance(299)
    session.touch()
    clock.advance(299)
    assert session.active and session.idle_remaining() == 1
    clock.advance(1)
    assert session.check() is MaintenanceEnd.IDLE and not session.active
    session.touch()  # too late: stays ended
    assert session.check() is MaintenanceEnd.IDLE
    assert session.leave() is MaintenanceEnd.IDLE


def test_card_removal_ends_a_card_session_only() -> None:
    clock = FakeClock(0.0)
    by_card = MaintenanceSession("li", EntryMethod.CARD, idle_timeout=300, clock=clock)
    by_touch = MaintenanceSession("li", EntryMethod.TOUCH_SEQUENCE, idle_timeout=300, clock=clock)
    assert by_card.card_removed() is MaintenanceEnd.CARD_REMOVED and not by_card.active
    assert by_touch.card_removed() is None and by_touch.active
    assert by_touch.leave() is MaintenanceEnd.LEFT and not by_touch.active


# --- a full disk ----------------------------------------------------------------------------------
FULL_DISK_CHILD = """
import json, resource, signal, sys
from pathlib import Path
from kiosk.ops.technician import Lockout, PinFile, TechnicianGate
folder = Path(sys.argv[1])
gate = TechnicianGate(PinFile(folder / "technician.pins"), Lockout(folder / "data" / "l.json", 3))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))  # a file cannot grow
answers = []
for _ in range(4):
    result = gate.attempt("000001")
    answers.append([result.outcome.value, result.tries_left, result.locked_for_s > 0])
print(json.dumps(answers))
"""


def test_a_wrong_pin_on_a_full_disk_is_counted_and_reported_not_raised(tmp_path: Path) -> None:
    """The lockout file could not be written: `attempt` raised (the screen has no handler), left
    a 0-byte temporary file and did not count the attempt. Run in a child whose files cannot
    grow (RLIMIT_FSIZE 0: every write fails as on a full disk)."""
    PinFile(tmp_path / "technician.pins").set_pin("li", "246813")
    (tmp_path / "data").mkdir()
    child = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    answers = json.loads(child.stdout)
    assert answers[:2] == [["not_recorded", 2, False], ["not_recorded", 1, False]]
    assert answers[2] == ["not_recorded", 0, True]  # the third wrong PIN locks, in memory
    assert answers[3] == ["locked", 0, True]
    assert list((tmp_path / "data").iterdir()) == []  # no temporary file left behind
    assert "counted but not saved" in child.stderr
