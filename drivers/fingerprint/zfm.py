"""ZhianTec ZFM-20 / R305 / R307 / R503 / AS608 sensors on a serial port, through pyfingerprint 1.5.

pyfingerprint is wrapped, never trusted: every call goes through `_call`, which sets a timeout
suited to the command, turns its plain `Exception`s / `TypeError`s / serial errors into
`drivers.errors` types, and puts a desynchronised stream back in step (drain the line, reopen the
port if needed, verify the password) before retrying once. See docs/fingerprint-sensor.md.

One thread owns a `ZfmSensor` (the thread that constructed it): every device method checks this,
because pyfingerprint and the serial stream are not thread-safe. Only `close()` may be called from
another thread (shutdown); a call in progress then fails with `SensorUnavailable`.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import serial
from pyfingerprint.pyfingerprint import PyFingerprint

from drivers.errors import (
    Cancelled,
    NotEnrolled,
    PoorImage,
    SensorError,
    SensorTimeout,
    SensorUnavailable,
    SensorUnsupported,
)
from drivers.fingerprint.api import (
    TEMPLATE_SIZE,
    Comparison,
    EnrolledFinger,
    SensorInfo,
)
from drivers.fingerprint.matching import best_match
from drivers.fingerprint.serial_line import LineSilent, SerialLine

log = logging.getLogger(__name__)

T = TypeVar("T")

# Timeouts. pyserial's timeout bounds the wait for each byte, so it must cover the slowest command:
SLOW_TIMEOUT = 2.0  # s: capture, conversion, search (a 1:1000 search takes up to 1 s)
FAST_TIMEOUT = 0.5  # s: commands a sensor answers in milliseconds (password, parameters, compare,
#                     template transfer); a silent sensor is noticed this fast
POLL_INTERVAL = 0.1  # s between two readImage polls while waiting for a finger or a lift
RESYNC_ROUNDS = 3  # drain + verify rounds before reopening the port

UNSUPPORTED_NO_PARAMETERS = (
    "unsupported sensor: it answers the password but not 'read system parameters' (0x0F), "
    "which verification needs (an R308 does this); use a ZFM-20, R305, R307, R503 or AS608"
)

BUFFER_CAPTURE = 1  # char buffer holding the fresh capture
BUFFER_ENROLLED = 2  # char buffer receiving each enrolled template

PACKET_SIZES = (32, 64, 128, 256)  # by the parameter block's packet-size code
BAUD_UNIT = 9600  # the parameter block gives the baud rate as N x 9600
MAX_BAUD_CODE = 12  # 115200 baud
SECURITY_LEVELS = range(1, 6)

# pyfingerprint's messages for confirmation codes that mean "the image was not usable"
_POOR_IMAGE_MESSAGES = {
    "The image is too messy": "0x06: image too messy",
    "The image contains too few feature points": "0x07: too few feature points",
    "The image is invalid": "0x15: no valid image",
    "Could not read image": "0x03: capture failed",
}
_ADDRESS_MESSAGE = "The address is wrong"


class _ReadBackMismatch(Exception):
    """uploadCharacteristics read the template back and it differed: the transfer was garbled."""


class _TransportFailure(Exception):
    """A command failed in a way that leaves the stream in doubt (silence, garbage, cut short)."""


def runs_in_owner_thread(method: Callable[..., T]) -> Callable[..., T]:
    """Refuse a device call from any thread but the owner's (electrum's `runs_in_hwd_thread`)."""

    @functools.wraps(method)
    def checked(self: ZfmSensor, *args: Any, **kwargs: Any) -> T:
        if threading.get_ident() != self._owner:
            raise RuntimeError(
                f"ZfmSensor.{method.__name__} called from thread {threading.current_thread().name}"
                " instead of the thread that opened the sensor"
            )
        return method(self, *args, **kwargs)

    return checked


class ZfmSensor:
    """A `FingerprintSensor` for ZhianTec-family sensors. Opening it verifies the password and the
    parameter block, so a wrong port, password or sensor model fails here, with a clear error."""

    def __init__(
        self,
        port: str,
        baud_rate: int = 57600,
        address: int = 0xFFFFFFFF,
        password: int = 0,
    ) -> None:
        self._owner = threading.get_ident()
        self._port_name = port
        self._closed = False
        self._out_of_step = False
        try:
            self._fp = PyFingerprint(port, baud_rate, address, password)
        except ValueError as e:  # pyfingerprint's own range checks of baud / address / password
            raise SensorUnavailable(f"invalid sensor settings: {e}") from e
        except (serial.SerialException, OSError) as e:
            raise SensorUnavailable(f"cannot open {port}: {e}") from e
        self._line = SerialLine(self._fp._PyFingerprint__serial)
        self._fp._PyFingerprint__serial = self._line.guarded
        try:
            self._verify_password()
            self._info = self._read_info()
        except BaseException:
            self.close()
            raise

    # --- the FingerprintSensor protocol --------------------------------------------------------
    @runs_in_owner_thread
    def info(self) -> SensorInfo:
        """Read the parameter block again (also a cheap health check for the maintenance screen)."""
        self._info = self._read_info()
        return self._info

    @runs_in_owner_thread
    def wait_for_finger(self, timeout: float, cancel: threading.Event) -> None:
        """Poll readImage until a finger is captured (the image stays in the sensor's buffer)."""
        self._poll_image(want_finger=True, timeout=timeout, cancel=cancel)

    @runs_in_owner_thread
    def wait_for_lift(self, timeout: float, cancel: threading.Event) -> None:
        """Poll until the sensor sees no finger. Raises SensorTimeout if it stays on."""
        self._poll_image(want_finger=False, timeout=timeout, cancel=cancel)

    @runs_in_owner_thread
    def capture_and_compare(self, enrolled: Sequence[EnrolledFinger], threshold: int) -> Comparison:
        """Convert the captured image once, then compare it with each enrolled template in turn
        (upload into buffer 2, compare with buffer 1); stops at the first match."""
        usable = [f for f in enrolled if len(f.template) == TEMPLATE_SIZE]
        if not usable:
            detail = "no enrolled fingers" if not enrolled else "no enrolled template of 512 bytes"
            raise NotEnrolled(detail)
        if len(usable) < len(enrolled):
            log.warning(
                "skipping %d enrolled template(s) of the wrong size", len(enrolled) - len(usable)
            )
        self._call("convert image", lambda: self._fp.convertImage(BUFFER_CAPTURE), SLOW_TIMEOUT)
        return best_match(((f.finger, self._compare_with(f.template)) for f in usable), threshold)

    def _compare_with(self, template: bytes) -> int:
        """The score of the converted capture against `template` (uploaded into buffer 2)."""
        self._call("upload template", functools.partial(self._upload, template), FAST_TIMEOUT)
        return int(self._call("compare", self._fp.compareCharacteristics, FAST_TIMEOUT))

    def close(self) -> None:
        """Close the serial port now (pyfingerprint only closes it when garbage-collected)."""
        if self._closed:
            return
        self._closed = True
        line = getattr(self, "_line", None)
        if line is not None:
            try:
                line.close()
            except (serial.SerialException, OSError) as e:
                log.warning("closing %s: %s", self._port_name, e)

    def __enter__(self) -> ZfmSensor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- steps ---------------------------------------------------------------------------------
    def _verify_password(self) -> None:
        if not self._call("verify password", self._fp.verifyPassword, FAST_TIMEOUT):
            raise SensorUnavailable(
                "the sensor refused the password ([devices] fingerprint_password)"
            )

    def _read_info(self) -> SensorInfo:
        try:
            raw = self._call(
                "read system parameters",
                self._fp.getSystemParameters,
                FAST_TIMEOUT,
                on_failure=SensorUnsupported,
            )
        except SensorUnsupported as e:  # it answered the password, so it is there: name it
            raise SensorUnsupported(f"{UNSUPPORTED_NO_PARAMETERS} ({e})") from e
        return parse_parameters(tuple(raw), self._expected_address())

    def _expected_address(self) -> int:
        return int(self._fp._PyFingerprint__address)

    def _upload(self, template: bytes) -> None:
        # A list of ints: given bytes, pyfingerprint's read-back check compares a list with bytes.
        if not self._fp.uploadCharacteristics(BUFFER_ENROLLED, list(template)):
            raise _ReadBackMismatch("the template read back from buffer 2 differs")

    def _poll_image(self, want_finger: bool, timeout: float, cancel: threading.Event) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if cancel.is_set():
                raise Cancelled("finger wait cancelled")
            try:
                present = bool(self._call("read image", self._fp.readImage, SLOW_TIMEOUT))
            except PoorImage:  # 0x03: something on the glass, not a usable image: keep polling
                present = not want_finger
            if present == want_finger:
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                what = "no finger was placed" if want_finger else "the finger was not lifted"
                raise SensorTimeout(f"{what} within {timeout:g} s")
            if cancel.wait(min(POLL_INTERVAL, remaining)):
                raise Cancelled("finger wait cancelled")

    # --- the boundary: every pyfingerprint call goes through here -------------------------------
    def _call(
        self,
        what: str,
        fn: Callable[[], T],
        timeout: float,
        on_failure: type[SensorError] = SensorUnavailable,
    ) -> T:
        """Run one pyfingerprint operation; translate its errors; recover and retry once.

        A transport failure (silence, garbage, a reply cut short, a garbled transfer) triggers a
        resync; if the sensor then answers, the command is tried again, and a second failure
        raises `on_failure` (the sensor is alive but does not do this command properly). If the
        sensor does not answer the resync, `SensorUnavailable`.
        """
        if self._closed:
            raise SensorUnavailable("the sensor was closed")
        if self._out_of_step:
            self._resync()
        failure: _TransportFailure | None = None
        for _attempt in range(2):
            try:
                return self._call_once(what, fn, timeout)
            except _TransportFailure as e:
                failure = e
                log.warning("fingerprint sensor: %s failed (%s); resynchronising", what, e)
                self._out_of_step = True
                self._resync()
        raise on_failure(f"{what}: {failure}") from failure

    def _call_once(self, what: str, fn: Callable[[], T], timeout: float) -> T:
        try:
            self._line.set_timeout(timeout)
            return fn()
        except ValueError:
            raise  # pyfingerprint's argument checks: a bug in this driver, not a device problem
        except LineSilent as e:
            raise _TransportFailure(str(e)) from e
        except (serial.SerialException, OSError) as e:
            raise _TransportFailure(f"serial port error: {e}") from e
        except _ReadBackMismatch as e:
            raise _TransportFailure(str(e)) from e
        except Exception as e:  # pyfingerprint's plain Exception, TypeError, IndexError
            message = str(e)
            if message in _POOR_IMAGE_MESSAGES:
                raise PoorImage(_POOR_IMAGE_MESSAGES[message]) from e
            if message == _ADDRESS_MESSAGE:
                raise SensorUnavailable(
                    "0x20: wrong address ([devices] fingerprint_address)"
                ) from e
            if message.startswith("Unknown error"):
                raise SensorError(f"{what}: {message}") from e  # in step, but not understood
            raise _TransportFailure(f"{type(e).__name__}: {message}") from e

    def _resync(self) -> None:
        """Bring the stream back in step or raise SensorUnavailable.

        Drain stale bytes, verify the password, and check that nothing more arrives (a late
        answer to an earlier command would otherwise be read as the answer to the next one).
        Then, as a last resort, reopen the port.
        """
        if self._closed:
            raise SensorUnavailable("the sensor was closed")
        for _ in range(RESYNC_ROUNDS):
            try:
                self._line.drain()
                self._line.set_timeout(FAST_TIMEOUT)
                if self._fp.verifyPassword() and self._line.quiet_after_reply():
                    self._out_of_step = False
                    return
            except (serial.SerialException, OSError) as e:
                log.warning("fingerprint sensor: port error during resync: %s", e)
                break
            except Exception as e:  # silent, garbage again, cut short again
                log.info("fingerprint sensor: resync round failed: %s", e)
                if isinstance(e, LineSilent):
                    break  # no answer to a password check: reopen rather than keep waiting
        try:
            self._line.reopen()
            self._line.set_timeout(FAST_TIMEOUT)
            if self._fp.verifyPassword() and self._line.quiet_after_reply():
                self._out_of_step = False
                log.warning("fingerprint sensor: back in step after reopening %s", self._port_name)
                return
        except (serial.SerialException, OSError) as e:
            raise SensorUnavailable(f"{self._port_name}: {e}") from e
        except Exception as e:
            raise SensorUnavailable(f"no answer on {self._port_name}: {e}") from e
        raise SensorUnavailable(f"the sensor on {self._port_name} does not answer in step")


def parse_parameters(raw: tuple[Any, ...], expected_address: int) -> SensorInfo:
    """Check pyfingerprint's 7-tuple from 0x0F; anything unexpected means an unsupported sensor.

    R503 reports system id 0: accepted. Packet-size codes beyond 0-3, baud codes beyond 1-12,
    a security level outside 1-5, zero capacity or another address are not.
    """
    if len(raw) != 7 or not all(isinstance(v, int) for v in raw):
        raise SensorUnsupported(f"unexpected parameter block {raw!r}")
    _status, system_id, capacity, security, address, size_code, baud_code = raw
    problems = []
    if not 0 <= size_code < len(PACKET_SIZES):
        problems.append(f"packet-size code {size_code}")
    if not 1 <= baud_code <= MAX_BAUD_CODE:
        problems.append(f"baud code {baud_code}")
    if security not in SECURITY_LEVELS:
        problems.append(f"security level {security}")
    if capacity <= 0:
        problems.append(f"capacity {capacity}")
    if address != expected_address:
        problems.append(f"address {address:#010x} (expected {expected_address:#010x})")
    if problems:
        raise SensorUnsupported("unexpected parameter block: " + ", ".join(problems))
    return SensorInfo(
        system_id=system_id,
        capacity=capacity,
        security_level=security,
        address=address,
        packet_size=PACKET_SIZES[size_code],
        baud_rate=baud_code * BAUD_UNIT,
    )
