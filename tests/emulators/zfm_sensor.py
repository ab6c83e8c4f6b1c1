"""A ZhianTec ZFM-family fingerprint sensor, emulated at the serial-protocol level on a pty.

The real pyfingerprint library opens the pty's slave path as if it were `/dev/ttyUSB0`; this
emulator answers on the master side, one packet at a time, in its own thread. It speaks the packet
format of ../shared/fingerprint-sensor.md (EF01, address, type, length, payload, checksum) and the
instructions pyfingerprint uses. A "finger" is a 512-byte template placed with `place_finger`; the
compare instruction scores two character buffers by byte similarity (identical >= 100, unrelated
bytes 0).

Fault modes, for the driver's tests: per-instruction delays, a silent sensor, a sensor that does not
answer 0x0F (R308-like), replies cut short, garbage before a reply, packets for another address
ignored, and the sensor disappearing (the master side closed).

Run as a module to get a sensor for manual work: `python -m tests.emulators.zfm_sensor`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pty
import select
import threading
import time
import tty
from dataclasses import dataclass, field
from typing import Literal

HEADER = b"\xef\x01"
TEMPLATE_SIZE = 512
PACKET_SIZES = (32, 64, 128, 256)  # by packet-size code
MIN_FRAME = 11  # header 2 + address 4 + type 1 + length 2 + checksum 2

# packet types
COMMAND, DATA, ACK, END_DATA = 0x01, 0x02, 0x07, 0x08
# confirmation codes
OK, RECEIVE_ERROR, NO_FINGER, MESSY, FEW_POINTS, NO_MATCH = 0x00, 0x01, 0x02, 0x06, 0x07, 0x08
NOT_FOUND, ENROL_MISMATCH, BAD_POSITION, LOAD_FAILED = 0x09, 0x0A, 0x0B, 0x0C
WRONG_PASSWORD, NO_VALID_IMAGE, PASSWORD_NOT_VERIFIED = 0x13, 0x15, 0x21

MATCH_FLOOR = 10  # below this score the sensor answers 0x08 "no match", as real ones do
POLL_SECONDS = 0.05  # how often the thread checks for stop()

Quality = Literal["good", "poor", "messy"]
_QUALITY_CODES = {"good": OK, "poor": FEW_POINTS, "messy": MESSY}


def similarity_score(a: bytes, b: bytes) -> int:
    """Matching-score stand-in: 200 for identical buffers, about 1 for unrelated random bytes."""
    if not a or len(a) != len(b):
        return 0
    same = sum(1 for x, y in zip(a, b, strict=True) if x == y)
    return (same * 200) // len(a)


@dataclass
class ZfmConfig:
    """What the emulated sensor reports and how it misbehaves."""

    address: int = 0xFFFFFFFF
    password: int = 0
    system_id: int = 0x0009
    capacity: int = 1000
    security_level: int = 3
    packet_size_code: int = 2  # 128 bytes
    baud_code: int = 6  # x 9600 = 57600
    status: int = 0
    answers_system_parameters: bool = True  # False: R308-like, 0x0F goes unanswered
    short_parameter_block: bool = False  # an unknown sensor with a truncated 0x0F answer
    delays: dict[int, float] = field(default_factory=dict)  # instruction -> seconds before answer
    wire_baud: int = 0  # > 0: add the transmission time of every packet at this baud rate

    @classmethod
    def r503(cls) -> ZfmConfig:
        """R503: system id 0, packet size 128, 57600 baud."""
        return cls(system_id=0, capacity=200, security_level=3)

    @classmethod
    def r308(cls) -> ZfmConfig:
        return cls(answers_system_parameters=False)

    @classmethod
    def datasheet(cls) -> ZfmConfig:
        """Delays of the datasheet: capture ~0.4 s, conversion ~0.3 s, 57600 baud on the wire."""
        return cls(delays={0x01: 0.4, 0x02: 0.3, 0x03: 0.02, 0x04: 0.5}, wire_baud=57600)


def frame(address: int, ptype: int, payload: bytes) -> bytes:
    length = len(payload) + 2
    checksum = (ptype + (length >> 8) + (length & 0xFF) + sum(payload)) & 0xFFFF
    return (
        HEADER
        + address.to_bytes(4, "big")
        + bytes([ptype])
        + length.to_bytes(2, "big")
        + payload
        + checksum.to_bytes(2, "big")
    )


class ZfmEmulator:
    """The emulated sensor. `start()` it, give `port` to the driver, `stop()` it at the end."""

    def __init__(self, config: ZfmConfig | None = None) -> None:
        self.config = config or ZfmConfig()
        self._master, self._slave = pty.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._inbuf = bytearray()
        # sensor state
        self._finger: bytes | None = None
        self._quality: Quality = "good"
        self._image: bytes | None = None
        self._image_quality: Quality = "good"
        self._buffers: dict[int, bytes] = {1: b"", 2: b""}
        self._library: dict[int, bytes] = {}
        self._verified = False
        self._download: tuple[int, bytearray] | None = None  # (buffer, data so far)
        # fault state
        self.silent = False
        self._cut_replies = 0
        self._garbage: bytes = b""
        self.received: list[int] = []  # instructions seen, for tests
        self.sensor_seconds = 0.0  # time spent in configured delays and wire time (benchmarks)

    # --- control (any thread) ------------------------------------------------------------------
    def start(self) -> ZfmEmulator:
        self._thread = threading.Thread(target=self._run, name="zfm-emulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._close_fds()

    def place_finger(self, template: bytes, quality: Quality = "good") -> None:
        if quality not in _QUALITY_CODES:
            raise ValueError(f"quality must be one of {sorted(_QUALITY_CODES)}")
        with self._lock:
            self._finger, self._quality = bytes(template), quality

    def lift_finger(self) -> None:
        with self._lock:
            self._finger = None

    def cut_next_replies(self, count: int = 1) -> None:
        """The next `count` replies stop after 10 bytes (a loose wire, a reset mid-answer)."""
        with self._lock:
            self._cut_replies = count

    def garbage_before_next_reply(self, data: bytes = b"\x00\x55\xaa\x13\x37") -> None:
        with self._lock:
            self._garbage = data

    def write_garbage_now(self, data: bytes) -> None:
        os.write(self._master, data)

    def disappear(self) -> None:
        """Close the master side: the port reports errors from now on, and cannot be reopened."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        self._close_fds()

    def store_in_library(self, position: int, template: bytes) -> None:
        with self._lock:
            self._library[position] = bytes(template)

    # --- the sensor ------------------------------------------------------------------------------
    def _close_fds(self) -> None:
        for name in ("_master", "_slave"):
            fd = getattr(self, name)
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
                setattr(self, name, -1)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self._master], [], [], POLL_SECONDS)
                if not ready:
                    continue
                chunk = os.read(self._master, 4096)
            except OSError:  # closed by disappear(), or the kernel dropped the pty
                return
            self._inbuf += chunk
            self._drain_packets()

    def _drain_packets(self) -> None:
        while True:
            start = self._inbuf.find(HEADER)
            if start < 0:
                del self._inbuf[:-1]  # keep a possible first header byte
                return
            del self._inbuf[:start]
            if len(self._inbuf) < 9:
                return
            length = int.from_bytes(self._inbuf[7:9], "big")
            total = 9 + length
            if len(self._inbuf) < total:
                return
            packet = bytes(self._inbuf[:total])
            del self._inbuf[:total]
            self._handle(packet)

    def _handle(self, packet: bytes) -> None:
        address = int.from_bytes(packet[2:6], "big")
        if address != self.config.address:
            return  # another sensor's packet: stay silent
        ptype = packet[6]
        payload = packet[9:-2]
        expected = (ptype + packet[7] + packet[8] + sum(payload)) & 0xFFFF
        if int.from_bytes(packet[-2:], "big") != expected:
            self._reply(bytes([RECEIVE_ERROR]))
            return
        if ptype in (DATA, END_DATA):
            self._receive_data(ptype, payload)
            return
        if ptype != COMMAND or not payload:
            self._reply(bytes([RECEIVE_ERROR]))
            return
        instruction = payload[0]
        self.received.append(instruction)
        delay = self.config.delays.get(instruction, 0.0)
        if delay:
            self._spend(delay)
        handler = _HANDLERS.get(instruction)
        if handler is None:
            self._reply(bytes([RECEIVE_ERROR]))
            return
        handler(self, payload[1:])

    def _reply(self, payload: bytes, ptype: int = ACK) -> None:
        if self.silent:
            return
        data = frame(self.config.address, ptype, payload)
        with self._lock:
            garbage, self._garbage = self._garbage, b""
            if self._cut_replies:
                self._cut_replies -= 1
                data = data[:10]
        self._send(garbage + data)

    def _spend(self, seconds: float) -> None:
        """The sensor's own time: processing delays and bytes on the wire."""
        time.sleep(seconds)  # a slow device, simulated: the driver must live with it
        self.sensor_seconds += seconds

    def _send(self, data: bytes) -> None:
        if self.config.wire_baud:
            self._spend(len(data) * 10 / self.config.wire_baud)
        try:
            os.write(self._master, data)
        except OSError:
            self._stop.set()

    def _receive_data(self, ptype: int, payload: bytes) -> None:
        if self.config.wire_baud:
            self._spend((len(payload) + MIN_FRAME) * 10 / self.config.wire_baud)
        if self._download is None:
            return  # data nobody asked for: a real sensor ignores it
        buffer, data = self._download
        data += payload
        if ptype == END_DATA:
            self._buffers[buffer] = bytes(data)
            self._download = None

    # --- instructions ----------------------------------------------------------------------------
    def _verify_password(self, args: bytes) -> None:
        ok = int.from_bytes(args[:4], "big") == self.config.password
        self._verified = ok
        self._reply(bytes([OK if ok else WRONG_PASSWORD]))

    def _system_parameters(self, args: bytes) -> None:
        c = self.config
        if not c.answers_system_parameters:
            return
        block = (
            c.status.to_bytes(2, "big")
            + c.system_id.to_bytes(2, "big")
            + c.capacity.to_bytes(2, "big")
            + c.security_level.to_bytes(2, "big")
            + c.address.to_bytes(4, "big")
            + c.packet_size_code.to_bytes(2, "big")
            + c.baud_code.to_bytes(2, "big")
        )
        if c.short_parameter_block:
            block = block[:6]
        self._reply(bytes([OK]) + block)

    def _read_image(self, args: bytes) -> None:
        with self._lock:
            finger, quality = self._finger, self._quality
        if finger is None:
            self._reply(bytes([NO_FINGER]))
            return
        self._image, self._image_quality = finger, quality
        self._reply(bytes([OK]))

    def _convert_image(self, args: bytes) -> None:
        buffer = args[0] if args else 1
        if self._image is None:
            self._reply(bytes([NO_VALID_IMAGE]))
            return
        code = _QUALITY_CODES[self._image_quality]
        if code == OK:
            self._buffers[buffer] = self._image
        self._reply(bytes([code]))

    def _compare(self, args: bytes) -> None:
        score = similarity_score(self._buffers[1], self._buffers[2])
        if score < MATCH_FLOOR:
            self._reply(bytes([NO_MATCH, 0, 0]))
        else:
            self._reply(bytes([OK]) + score.to_bytes(2, "big"))

    def _download_characteristics(self, args: bytes) -> None:
        """0x09: the host sends a template into a buffer (pyfingerprint's "upload")."""
        buffer = args[0] if args else 1
        self._download = (buffer, bytearray())
        self._reply(bytes([OK]))

    def _upload_characteristics(self, args: bytes) -> None:
        """0x08: the sensor sends a buffer to the host in data packets of the packet size."""
        buffer = args[0] if args else 1
        data = self._buffers.get(buffer, b"") or bytes(TEMPLATE_SIZE)
        self._reply(bytes([OK]))
        size = PACKET_SIZES[self.config.packet_size_code % len(PACKET_SIZES)]
        chunks = [data[i : i + size] for i in range(0, len(data), size)]
        for i, chunk in enumerate(chunks):
            self._reply(chunk, END_DATA if i == len(chunks) - 1 else DATA)

    def _load(self, args: bytes) -> None:
        buffer, position = args[0], int.from_bytes(args[1:3], "big")
        template = self._library.get(position)
        if template is None:
            self._reply(bytes([LOAD_FAILED]))
            return
        self._buffers[buffer] = template
        self._reply(bytes([OK]))

    def _store(self, args: bytes) -> None:
        buffer, position = args[0], int.from_bytes(args[1:3], "big")
        if position >= self.config.capacity:
            self._reply(bytes([BAD_POSITION]))
            return
        self._library[position] = self._buffers[buffer]
        self._reply(bytes([OK]))

    def _search(self, args: bytes) -> None:
        probe = self._buffers[args[0] if args else 1]
        best = max(
            ((similarity_score(probe, t), pos) for pos, t in self._library.items()),
            default=(0, -1),
        )
        if best[0] < MATCH_FLOOR:
            self._reply(bytes([NOT_FOUND, 0, 0, 0, 0]))
        else:
            self._reply(bytes([OK]) + best[1].to_bytes(2, "big") + best[0].to_bytes(2, "big"))

    def _create_template(self, args: bytes) -> None:
        if similarity_score(self._buffers[1], self._buffers[2]) < MATCH_FLOOR:
            self._reply(bytes([ENROL_MISMATCH]))
            return
        self._buffers[2] = self._buffers[1]
        self._reply(bytes([OK]))

    def _count(self, args: bytes) -> None:
        self._reply(bytes([OK]) + len(self._library).to_bytes(2, "big"))

    def _index(self, args: bytes) -> None:
        page = args[0] if args else 0
        bits = bytearray(32)
        for pos in self._library:
            rel = pos - page * 256
            if 0 <= rel < 256:
                bits[rel // 8] |= 1 << (rel % 8)
        self._reply(bytes([OK]) + bytes(bits))

    def _delete(self, args: bytes) -> None:
        start, count = int.from_bytes(args[0:2], "big"), int.from_bytes(args[2:4], "big")
        for pos in range(start, start + count):
            self._library.pop(pos, None)
        self._reply(bytes([OK]))

    def _clear(self, args: bytes) -> None:
        self._library.clear()
        self._reply(bytes([OK]))

    def _random(self, args: bytes) -> None:
        self._reply(bytes([OK]) + os.urandom(4))


_HANDLERS = {
    0x13: ZfmEmulator._verify_password,
    0x0F: ZfmEmulator._system_parameters,
    0x01: ZfmEmulator._read_image,
    0x02: ZfmEmulator._convert_image,
    0x03: ZfmEmulator._compare,
    0x04: ZfmEmulator._search,
    0x05: ZfmEmulator._create_template,
    0x06: ZfmEmulator._store,
    0x07: ZfmEmulator._load,
    0x08: ZfmEmulator._upload_characteristics,
    0x09: ZfmEmulator._download_characteristics,
    0x0C: ZfmEmulator._delete,
    0x0D: ZfmEmulator._clear,
    0x14: ZfmEmulator._random,
    0x1D: ZfmEmulator._count,
    0x1F: ZfmEmulator._index,
}


def main() -> None:
    parser = argparse.ArgumentParser(description="Emulated ZFM fingerprint sensor on a pty.")
    parser.add_argument(
        "--variant", choices=("zfm20", "r503", "r308", "datasheet"), default="zfm20"
    )
    parser.add_argument(
        "--finger-seed",
        help="keep a finger on the sensor: the template is 512 bytes derived from this text",
    )
    parser.add_argument(
        "--person-id",
        help="keep this synthetic resident's enrolled finger on the sensor (county_platform seed)",
    )
    parser.add_argument(
        "--finger", default="right_index", help="with --person-id: which finger (right_index)"
    )
    parser.add_argument(
        "--quality", choices=sorted(_QUALITY_CODES), default="good", help="of the placed finger"
    )
    args = parser.parse_args()
    configs = {
        "zfm20": ZfmConfig(),
        "r503": ZfmConfig.r503(),
        "r308": ZfmConfig.r308(),
        "datasheet": ZfmConfig.datasheet(),
    }
    emulator = ZfmEmulator(configs[args.variant]).start()
    if args.finger_seed:
        import hashlib

        seed = args.finger_seed.encode()
        template = b"".join(hashlib.sha256(seed + bytes([i])).digest() for i in range(16))
        emulator.place_finger(template, args.quality)
    elif args.person_id:  # matches what `kiosk --demo` and the county seed enrolled
        from county_platform.seed import synthetic_template

        emulator.place_finger(synthetic_template(args.person_id, args.finger), args.quality)
    print(emulator.port, flush=True)
    try:
        while True:
            time.sleep(3600)  # the emulator's command line: serve until Ctrl+C (no test waits)
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()


if __name__ == "__main__":
    main()
