"""Technician entry to maintenance mode: PIN hashes, lockout, hidden touch sequence, session.

No Qt: the maintenance screens drive these objects, `kiosk-admin technician` edits the PIN file.

- PINs (6-8 digits) are stored only as salted scrypt hashes in `[maintenance] pin_file`, one
  `name:params:salt:hash` line per technician, the file written with mode 0600. Verification
  hashes the PIN against every entry (no early exit) and compares digests in constant time, so
  the time taken says nothing about which entry, if any, matched.
- `max_pin_attempts` wrong PINs in a row lock entry for `LOCKOUT_BASE_S`; each further wrong PIN
  locks again for twice as long, up to `LOCKOUT_CAP_S`. The state lives in the data directory,
  so restarting the application does not reset it; a correct PIN does.
- A `MaintenanceSession` ends after `[maintenance] idle_timeout` without a touch, and, when the
  technician entered with a card, when that card leaves the reader.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.config import Config, InsecureFileError, check_private_file
from kiosk.private_files import replace_private

log = logging.getLogger(__name__)

# scrypt parameters for new hashes: N=2^15, r=8 uses 32 MiB and ~0.1 s per hash on a kiosk CPU.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_DKLEN = 32  # bytes of derived key
SALT_BYTES = 16
SCRYPT_MAXMEM = 256 * 1024 * 1024  # hashlib's default (32 MiB) is too small for N=2^15, r=8
# Parameters accepted when reading the file (a tampered file must not make us hash for minutes).
SCRYPT_N_RANGE = (2**14, 2**20)
SCRYPT_R_RANGE = (1, 16)
SCRYPT_P_RANGE = (1, 4)

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 8
NAME_PATTERN = re.compile(r"^[^\s:]{1,32}$")

LOCKOUT_FILE_NAME = "maintenance-lockout.json"
LOCKOUT_BASE_S = 30.0  # the first lockout
LOCKOUT_CAP_S = 1800.0  # the longest lockout (30 minutes)
LOCKOUT_FORGET_S = 24 * 3600.0  # a day without a wrong PIN starts the count afresh

CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
CORNER_FRACTION = 0.15  # a tap within 15 % of the width and height from a corner counts for it
TOUCH_SEQUENCE_WINDOW_S = 6.0  # the whole hidden sequence must be tapped within this time


class PinFileError(ValueError):
    """The PIN file is unreadable or malformed; the message names the line, never its content."""


class InvalidPinError(ValueError):
    """A PIN that may not be set (length, non-digits, trivially guessable)."""


# --- hashing -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScryptParams:
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def encode(self) -> str:
        return f"n={self.n},r={self.r},p={self.p}"

    @classmethod
    def decode(cls, text: str) -> ScryptParams:
        values = dict(part.split("=", 1) for part in text.split(","))
        params = cls(int(values["n"]), int(values["r"]), int(values["p"]))
        ok = (
            SCRYPT_N_RANGE[0] <= params.n <= SCRYPT_N_RANGE[1]
            and params.n & (params.n - 1) == 0
            and SCRYPT_R_RANGE[0] <= params.r <= SCRYPT_R_RANGE[1]
            and SCRYPT_P_RANGE[0] <= params.p <= SCRYPT_P_RANGE[1]
        )
        if not ok:
            raise ValueError("scrypt parameters out of the accepted range")
        return params


def hash_pin(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        pin.encode(),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=SCRYPT_MAXMEM,
        dklen=SCRYPT_DKLEN,
    )


def validate_pin(pin: str) -> None:
    """Raise InvalidPinError for a PIN a technician may not choose."""
    if not (PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS) or not pin.isascii() or not pin.isdigit():
        raise InvalidPinError(f"a PIN has {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9)")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if len(set(pin)) == 1 or steps in ({1}, {-1}):
        raise InvalidPinError("this PIN is too easy to guess (all the same or a run of digits)")


def validate_name(name: str) -> None:
    if not NAME_PATTERN.match(name):
        raise InvalidPinError("a technician name has 1 to 32 characters, no spaces and no ':'")


@dataclass(frozen=True)
class TechnicianPin:
    """One line of the PIN file."""

    name: str
    params: ScryptParams
    salt: bytes
    digest: bytes

    @classmethod
    def create(cls, name: str, pin: str, params: ScryptParams | None = None) -> TechnicianPin:
        validate_name(name)
        validate_pin(pin)
        params = params or ScryptParams()
        salt = secrets.token_bytes(SALT_BYTES)
        return cls(name, params, salt, hash_pin(pin, salt, params))

    def matches(self, pin: str) -> bool:
        return hmac.compare_digest(hash_pin(pin, self.salt, self.params), self.digest)

    def line(self) -> str:
        return f"{self.name}:{self.params.encode()}:{self.salt.hex()}:{self.digest.hex()}"

    @classmethod
    def parse(cls, line: str) -> TechnicianPin:
        name, params, salt, digest = line.split(":")
        validate_name(name)
        return cls(name, ScryptParams.decode(params), bytes.fromhex(salt), bytes.fromhex(digest))


class PinFile:
    """The technician PIN file: read whole, written whole (atomically, mode 0600)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[TechnicianPin]:
        """All entries; a missing file is an empty list. Raises PinFileError."""
        try:
            with self.path.open("rb") as f:
                check_private_file(self.path, "[maintenance] pin_file", os.fstat(f.fileno()))
                text = f.read().decode("utf-8")
        except FileNotFoundError:
            return []
        except InsecureFileError as e:
            raise PinFileError(str(e)) from e
        except (OSError, UnicodeDecodeError) as e:
            raise PinFileError(f"{self.path}: cannot read the PIN file: {e}") from e
        entries: list[TechnicianPin] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            try:
                entries.append(TechnicianPin.parse(line))
            except (ValueError, KeyError) as e:
                raise PinFileError(
                    f"{self.path}: line {number} is not 'name:params:salt:hash'"
                ) from e
        return entries

    def names(self) -> list[str]:
        return [e.name for e in self.load()]

    def set_pin(self, name: str, pin: str) -> bool:
        """Add or replace `name`'s PIN; True if it replaced one. Nothing changes on bad input."""
        entry = TechnicianPin.create(name, pin)
        entries = self.load()
        replaced = any(e.name == name for e in entries)
        self._write(
            [entry if e.name == name else e for e in entries] + ([] if replaced else [entry])
        )
        return replaced

    def remove(self, name: str) -> bool:
        entries = self.load()
        kept = [e for e in entries if e.name != name]
        if len(kept) == len(entries):
            return False
        self._write(kept)
        return True

    def _write(self, entries: Sequence[TechnicianPin]) -> None:
        text = "".join(e.line() + "\n" for e in entries)
        _write_private(self.path, text)


def _write_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically; the file is never readable by others, even briefly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_private(path, text.encode("utf-8"))


# --- lockout -------------------------------------------------------------------------------------
def lockout_delay(lockout_number: int) -> float:
    """Seconds of the n-th lockout in a row (0-based): 30, 60, 120 ... capped."""
    return min(LOCKOUT_BASE_S * 2 ** min(lockout_number, 32), LOCKOUT_CAP_S)


class Lockout:
    """Consecutive wrong PINs and the lock they cause, persisted as JSON in the data directory.

    `clock` is wall-clock Unix time (it must survive a restart); a lock that reaches further into
    the future than `LOCKOUT_CAP_S` (the clock was set back) is shortened to the cap.
    """

    def __init__(self, path: Path, max_attempts: int, clock: Callable[[], float] = time.time):
        self.path = path
        self.max_attempts = max_attempts
        self._clock = clock
        self._failures = 0
        self._locked_until = 0.0
        self._last_failure = 0.0
        self._load()

    @property
    def failures(self) -> int:
        return self._failures

    def remaining(self) -> float:
        """Seconds until entry is possible again (0 when not locked)."""
        now = self._clock()
        self._locked_until = min(self._locked_until, now + LOCKOUT_CAP_S)
        left = max(0.0, self._locked_until - now)
        if not left and self._failures and now - self._last_failure > LOCKOUT_FORGET_S:
            self.forget()
        return left

    def tries_left(self) -> int:
        """Wrong PINs still allowed before the next lock (0 once the first lock happened)."""
        return max(0, self.max_attempts - self._failures)

    def record_failure(self) -> float:
        """Count a wrong PIN; returns the lock it caused in seconds (0: no lock yet)."""
        now = self._clock()
        self._failures += 1
        self._last_failure = now
        delay = 0.0
        if self._failures >= self.max_attempts:
            delay = lockout_delay(self._failures - self.max_attempts)
            self._locked_until = now + delay
        self._save()
        return delay

    def reset(self) -> None:
        self._failures, self._locked_until, self._last_failure = 0, 0.0, 0.0
        self._save()

    def forget(self) -> None:
        """`reset`, but a state file that cannot be written is logged, not raised: forgotten in
        memory, the file catches up at the next save."""
        try:
            self.reset()
        except OSError as e:
            log.error("maintenance lockout state %s not saved: %s", self.path, e)

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self._failures = int(data["failures"])
            self._locked_until = float(data["locked_until"])
            self._last_failure = float(data["last_failure"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as e:
            # Fail closed: a damaged state file locks for the base delay rather than opening up.
            log.warning("maintenance lockout state %s unreadable (%s): locking entry", self.path, e)
            now = self._clock()
            self._failures = self.max_attempts
            self._locked_until = now + LOCKOUT_BASE_S
            self._last_failure = now

    def _save(self) -> None:
        data = {
            "failures": self._failures,
            "locked_until": self._locked_until,
            "last_failure": self._last_failure,
        }
        _write_private(self.path, json.dumps(data))


# --- entry ---------------------------------------------------------------------------------------
class EntryMethod(StrEnum):
    CARD = "card"  # a technician card in the reader, then the PIN
    TOUCH_SEQUENCE = "touch_sequence"  # the hidden corner sequence, then the PIN


class AttemptOutcome(StrEnum):
    GRANTED = "granted"
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"  # not checked: entry is locked for `locked_for_s`
    NOT_CONFIGURED = "not_configured"  # no technician PIN set on this kiosk
    PIN_FILE_BROKEN = "pin_file_broken"  # the PIN file cannot be read; see the log
    # A wrong PIN whose count could not be saved (full or read-only disk): counted in memory, so
    # the lockout still applies until a restart; the screen says the disk needs attention.
    NOT_RECORDED = "not_recorded"


@dataclass(frozen=True)
class AttemptResult:
    outcome: AttemptOutcome
    technician: str | None = None
    tries_left: int = 0  # wrong PINs allowed before the next lock
    locked_for_s: float = 0.0


class TechnicianGate:
    """Decides who may enter maintenance mode. Thread-safe (hashing may run on a worker)."""

    def __init__(
        self, pin_file: PinFile, lockout: Lockout, technician_cards: Sequence[str] = ()
    ) -> None:
        self.pin_file = pin_file
        self.lockout = lockout
        self._cards = tuple(technician_cards)
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config: Config, clock: Callable[[], float] = time.time) -> TechnicianGate:
        """The PIN file, technician cards and attempt limit of `config`; lockout state in its
        data directory."""
        maintenance = config.maintenance
        lockout = Lockout(
            config.paths.data_dir / LOCKOUT_FILE_NAME, maintenance.max_pin_attempts, clock
        )
        return cls(PinFile(maintenance.pin_file), lockout, maintenance.technician_cards)

    def is_technician_card(self, card_number: str) -> bool:
        found = False
        for known in self._cards:
            found |= hmac.compare_digest(known.encode(), card_number.encode())
        return found

    def attempt(self, pin: str) -> AttemptResult:
        """Check a PIN typed after a technician card or the touch sequence."""
        with self._lock:
            remaining = self.lockout.remaining()
            if remaining > 0:
                return AttemptResult(AttemptOutcome.LOCKED, locked_for_s=remaining)
            try:
                entries = self.pin_file.load()
            except PinFileError as e:
                log.error("maintenance entry impossible: %s", e)
                return AttemptResult(AttemptOutcome.PIN_FILE_BROKEN)
            if not entries:
                return AttemptResult(AttemptOutcome.NOT_CONFIGURED)
            matched: str | None = None
            for entry in entries:  # every entry is hashed: no early exit
                if entry.matches(pin) and matched is None:
                    matched = entry.name
            if matched is not None:
                self.lockout.forget()
                return AttemptResult(AttemptOutcome.GRANTED, technician=matched)
            try:
                locked = self.lockout.record_failure()
            except OSError as e:
                # counted in memory (record_failure counts before it saves): the lockout holds
                log.error(
                    "wrong technician PIN counted but not saved to %s: %s", self.lockout.path, e
                )
                return AttemptResult(
                    AttemptOutcome.NOT_RECORDED,
                    tries_left=self.lockout.tries_left(),
                    locked_for_s=self.lockout.remaining(),
                )
            if locked:
                return AttemptResult(AttemptOutcome.LOCKED, locked_for_s=locked)
            return AttemptResult(AttemptOutcome.WRONG_PIN, tries_left=self.lockout.tries_left())


def _edge(value: float, size: float, low: str, high: str) -> str | None:
    if value <= size * CORNER_FRACTION:
        return low
    if value >= size * (1 - CORNER_FRACTION):
        return high
    return None


def corner_of(x: float, y: float, width: float, height: float) -> str | None:
    """Which corner a tap at (x, y) on a width x height screen is in, or None."""
    horizontal = _edge(x, width, "left", "right")
    vertical = _edge(y, height, "top", "bottom")
    return f"{vertical}-{horizontal}" if horizontal and vertical else None


class TouchSequence:
    """Recognises the hidden corner sequence; a wrong tap or a slow sequence starts over."""

    def __init__(
        self,
        sequence: Sequence[str],
        window_s: float = TOUCH_SEQUENCE_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        unknown = [c for c in sequence if c not in CORNERS]
        if not sequence or unknown:
            raise ValueError(
                f"[maintenance] touch_sequence: use corners {', '.join(CORNERS)}; got {unknown}"
            )
        self.sequence = tuple(sequence)
        self.window_s = window_s
        self._clock = clock
        self._taps: list[tuple[str, float]] = []

    def tap(self, corner: str | None) -> bool:
        """Feed one tap (None: not in a corner). True when the sequence has just completed."""
        now = self._clock()
        if corner is None:
            self._taps.clear()
            return False
        self._taps.append((corner, now))
        # keep the longest recent tail that is still a beginning of the sequence
        while self._taps and (
            now - self._taps[0][1] > self.window_s
            or tuple(c for c, _ in self._taps) != self.sequence[: len(self._taps)]
        ):
            self._taps.pop(0)
        if len(self._taps) == len(self.sequence):
            self._taps.clear()
            return True
        return False


# --- the session ---------------------------------------------------------------------------------
class MaintenanceEnd(StrEnum):
    IDLE = "idle"
    CARD_REMOVED = "card_removed"
    LEFT = "left"  # the technician pressed "leave maintenance"


class MaintenanceSession:
    """One technician's stay in maintenance mode. `clock` is monotonic seconds."""

    def __init__(
        self,
        technician: str,
        method: EntryMethod,
        idle_timeout: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.technician = technician
        self.method = method
        self.idle_timeout = idle_timeout
        self._clock = clock
        self._last_activity = clock()
        self.ended: MaintenanceEnd | None = None

    @property
    def active(self) -> bool:
        return self.check() is None

    def touch(self) -> None:
        """Any input by the technician; ignored once the session has ended."""
        if self.check() is None:
            self._last_activity = self._clock()

    def idle_remaining(self) -> float:
        return max(0.0, self.idle_timeout - (self._clock() - self._last_activity))

    def check(self) -> MaintenanceEnd | None:
        """Why the session has ended (ending it now if it timed out), or None while it lasts."""
        if self.ended is None and self.idle_remaining() <= 0:
            self.ended = MaintenanceEnd.IDLE
        return self.ended

    def card_removed(self) -> MaintenanceEnd | None:
        """The card left the reader: this ends a session entered with the technician card."""
        if self.check() is None and self.method is EntryMethod.CARD:
            self.ended = MaintenanceEnd.CARD_REMOVED
        return self.ended

    def leave(self) -> MaintenanceEnd:
        """The technician leaves (an earlier end, such as idle, stays the recorded reason)."""
        ended = self.check()
        if ended is None:
            ended = self.ended = MaintenanceEnd.LEFT
        return ended
