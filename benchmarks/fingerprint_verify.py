"""How long one fingerprint verification takes, through the real pyfingerprint on the emulator.

1. Software overhead: the emulator answers at once (no sensor time, no wire time), so what is
   measured is the driver + pyfingerprint + pty cost of one verification.
2. The whole flow with the datasheet's delays (capture 0.4 s, conversion 0.3 s, 57600 baud on the
   wire): finger placed -> captured -> compared -> lifted.
3. Fault handling: how soon a silent sensor, a reply cut short and an unplugged sensor are noticed.

    .venv/bin/python -m benchmarks.fingerprint_verify [--rounds N] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from drivers.errors import SensorUnavailable
from drivers.fingerprint.api import EnrolledFinger
from drivers.fingerprint.zfm import ZfmSensor
from tests.emulators.zfm_sensor import ZfmConfig, ZfmEmulator
from tests.fixtures.sensor import make_template

SECTION = "## Fingerprint"
THRESHOLD = 50
RESIDENT = make_template("resident/right_index")
OTHERS = [make_template(f"resident/finger{i}") for i in range(2)]
ONE = [EnrolledFinger("right_index", RESIDENT)]
THREE_NO_MATCH = [EnrolledFinger(f"finger{i}", t) for i, t in enumerate(OTHERS)] + [
    EnrolledFinger("thumb", make_template("someone else"))
]


def timed(fn: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"{statistics.median(ordered) * 1000:.0f} ms (p95 {p95 * 1000:.0f} ms, n={len(times)})"


def verification(sensor: ZfmSensor, enrolled: list[EnrolledFinger]) -> Callable[[], object]:
    def run() -> object:
        sensor.wait_for_finger(10, threading.Event())
        return sensor.capture_and_compare(enrolled, THRESHOLD)

    return run


def whole_flow(
    emulator: ZfmEmulator, sensor: ZfmSensor, enrolled: list[EnrolledFinger]
) -> tuple[float, float]:
    """From the finger touching the glass to the lift being seen: (elapsed, sensor's own time)."""
    emulator.lift_finger()
    cancel = threading.Event()
    sensor_before = emulator.sensor_seconds
    start = time.perf_counter()
    emulator.place_finger(RESIDENT)
    sensor.wait_for_finger(10, cancel)
    result = sensor.capture_and_compare(enrolled, THRESHOLD)
    emulator.lift_finger()
    sensor.wait_for_lift(10, cancel)
    elapsed = time.perf_counter() - start
    assert result.matched == (enrolled is ONE)
    return elapsed, emulator.sensor_seconds - sensor_before


def fault_time(
    fault: Callable[[ZfmEmulator], None], operation: Callable[[ZfmSensor], object]
) -> tuple[float, str]:
    emulator = ZfmEmulator().start()
    try:
        with ZfmSensor(emulator.port) as sensor:
            fault(emulator)
            start = time.perf_counter()
            try:
                operation(sensor)
                outcome = "recovered"
            except SensorUnavailable:
                outcome = "SensorUnavailable"
            return time.perf_counter() - start, outcome
    finally:
        emulator.stop()


def run(rounds: int) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    emulator = ZfmEmulator().start()
    try:
        emulator.place_finger(RESIDENT)
        with ZfmSensor(emulator.port) as sensor:
            rows.append(
                (
                    "overhead, 1 enrolled finger (match)",
                    summary(timed(verification(sensor, ONE), rounds)),
                )
            )
            rows.append(
                (
                    "overhead, 3 enrolled fingers (no match)",
                    summary(timed(verification(sensor, THREE_NO_MATCH), rounds)),
                )
            )
    finally:
        emulator.stop()

    emulator = ZfmEmulator(ZfmConfig.datasheet()).start()
    try:
        with ZfmSensor(emulator.port) as sensor:
            flow_rounds = max(3, rounds // 10)
            for label, enrolled in (
                ("1 finger, match", ONE),
                ("3 fingers, no match", THREE_NO_MATCH),
            ):
                runs = [whole_flow(emulator, sensor, enrolled) for _ in range(flow_rounds)]
                rows.append(
                    (f"whole flow, datasheet delays, {label}", summary([t for t, _ in runs]))
                )
                rows.append(
                    (
                        f"  of which the sensor's own time (delays + wire), {label}",
                        summary([s for _, s in runs]),
                    )
                )
    finally:
        emulator.stop()

    def silent(e: ZfmEmulator) -> None:
        e.silent = True

    def cut(e: ZfmEmulator) -> None:
        e.cut_next_replies(1)

    def info(s: ZfmSensor) -> object:
        return s.info()

    def wait(s: ZfmSensor) -> object:
        s.wait_for_finger(30, threading.Event())
        return None

    for label, fault, operation in (
        ("silent sensor noticed (parameters, 0.5 s timeout)", silent, info),
        ("silent sensor noticed (finger wait, 2 s timeout)", silent, wait),
        ("reply cut short, recovered (parameters)", cut, info),
        ("sensor unplugged (pty closed) noticed", ZfmEmulator.disappear, wait),
    ):
        seconds, outcome = fault_time(fault, operation)
        rows.append((label, f"{seconds * 1000:.0f} ms ({outcome})"))
    return rows


def markdown(rows: list[tuple[str, str]]) -> str:
    lines = [
        SECTION,
        "",
        f"`benchmarks/fingerprint_verify.py`, {date.today().isoformat()}, Python "
        f"{platform.python_version()}, pyfingerprint 1.5 over a pty to "
        "tests/emulators/zfm_sensor.py (the emulator runs in the same process, so its own "
        "Python time is included).",
        "",
        "| measurement | time |",
        "|---|---|",
        *(f"| {label} | {value} |" for label, value in rows),
        "",
        "Datasheet delays: 0.4 s per capture (also the poll that sees the lift), 0.3 s per "
        "conversion, 57600 baud on the wire (a template upload is about 0.1 s, and pyfingerprint "
        "reads each one back: another 0.1 s). The difference between the whole flow and the "
        "sensor's own time is the software's share. Without pyfingerprint's 12-read loop a "
        "silent sensor costs one timeout plus the resync (drain, password, reopen), instead of "
        "24 s.",
        "",
    ]
    return "\n".join(lines)


def write_section(path: Path, text: str) -> None:
    """Replace our section in `path` (other parts own the other sections), or append it."""
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    start = existing.find(SECTION + "\n")
    if start >= 0:
        end = existing.find("\n## ", start + len(SECTION))
        existing = existing[:start] + existing[end + 1 :] if end >= 0 else existing[:start]
    path.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--write", type=Path, help="update the Fingerprint section of this file")
    args = parser.parse_args()
    text = markdown(run(args.rounds))
    print(text)
    if args.write:
        write_section(args.write, text)


if __name__ == "__main__":
    main()
