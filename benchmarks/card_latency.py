"""Card insertion to decoded data, through the real stack (pyscard -> pcscd -> vpcd -> card).

For each profile: insert the virtual card, wait for INSERTED from PcscCardReader, read and decode;
repeat. Compared with the raw round-trip time of the same number of APDUs on an open connection,
which shows how much of the latency is pcscd's presence polling, the APDUs themselves and our
decoding. Also one read with TCP_QUICKACK off in the card, to show what it saves.

    .venv/bin/python -m benchmarks.card_latency [--rounds N] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smartcard import scard

from drivers.card import apdu
from drivers.card.api import CardEventKind
from drivers.card.pcsc import PROTOCOLS, PcscCardReader
from tests.emulators.card_pcscd import VPCD_READER, Pcscd, wait_card_state
from tests.emulators.card_profiles import PROFILES
from tests.emulators.vpcd_card import VirtualCard

SECTION = "## Card reader"
EVENT_TIMEOUT = 5.0
BENCH_PROFILES = ("v2", "long_name", "t0")
PCSCD_POLL_PERIOD = 0.4  # s; insertions are spread over it so the detection time is realistic


@dataclass
class Sample:
    detect: float  # insert -> INSERTED event
    read: float  # INSERTED -> CardData
    apdus: int

    @property
    def total(self) -> float:
        return self.detect + self.read


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def insertion_samples(profile: str, rounds: int, quickack: bool = True) -> list[Sample]:
    reader = PcscCardReader(VPCD_READER)
    phases = random.Random(profile)  # deterministic spread of insertion moments
    samples = []
    try:
        while (event := reader.wait_for_event(0.2)) is not None:
            pass  # READER_FOUND
        for _ in range(rounds):
            card = VirtualCard(PROFILES[profile], quickack=quickack).start()
            time.sleep(phases.uniform(0, PCSCD_POLL_PERIOD))
            start = time.perf_counter()
            card.insert()
            while (event := reader.wait_for_event(EVENT_TIMEOUT)) is not None:
                if event.kind is CardEventKind.INSERTED:
                    break
            else:
                raise RuntimeError("no INSERTED event")
            detected = time.perf_counter()
            reader.read()
            done = time.perf_counter()
            samples.append(Sample(detected - start, done - detected, reader.last_apdu_count))
            card.stop()
            wait_card_state(VPCD_READER, present=False, timeout=EVENT_TIMEOUT)
            reader.wait_for_event(0.5)  # REMOVED
    finally:
        reader.close()
    return samples


def raw_round_trips(apdu_count: int, rounds: int) -> list[float]:
    """Time of `apdu_count` SELECT commands on an already connected card, no decoding."""
    card = VirtualCard(PROFILES["v2"]).start()
    card.insert()
    wait_card_state(VPCD_READER, present=True, timeout=EVENT_TIMEOUT)
    _, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _, handle, protocol = scard.SCardConnect(
        context, VPCD_READER, scard.SCARD_SHARE_SHARED, PROTOCOLS
    )
    command = list(apdu.select_by_name())
    times = []
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            for _ in range(apdu_count):
                scard.SCardTransmit(handle, protocol, command)
            times.append(time.perf_counter() - start)
    finally:
        scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
        scard.SCardReleaseContext(context)
        card.stop()
        wait_card_state(VPCD_READER, present=False, timeout=EVENT_TIMEOUT)
    return times


def run(rounds: int) -> str:
    rows = [
        "| card | APDUs | insert→detected median / p99 (ms) | detected→decoded median / p99 (ms)"
        " | total median / p99 (ms) | raw RTT of same APDUs median (ms) |",
        "|---|---|---|---|---|---|",
    ]
    for profile in BENCH_PROFILES:
        samples = insertion_samples(profile, rounds)
        count = samples[0].apdus
        raw = raw_round_trips(count, rounds)
        detect = [s.detect for s in samples]
        read = [s.read for s in samples]
        total = [s.total for s in samples]
        rows.append(
            f"| {profile} | {count} | {ms(statistics.median(detect))} / {ms(p99(detect))}"
            f" | {ms(statistics.median(read))} / {ms(p99(read))}"
            f" | {ms(statistics.median(total))} / {ms(p99(total))}"
            f" | {ms(statistics.median(raw))} |"
        )
    slow = insertion_samples("v2", 2, quickack=False)
    rows.append(
        f"| v2, card without TCP_QUICKACK | {slow[0].apdus} | — | "
        f"{ms(statistics.median(s.read for s in slow))} | — | — |"
    )
    return "\n".join(rows)


def write_section(path: Path, body: str) -> None:
    """Replace our section in `path` (other engineers own the other headings), or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == SECTION), None)
    if start is None:
        new = text.rstrip("\n") + "\n\n" + body + "\n"
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        new = "\n".join([*lines[:start], *body.splitlines(), *lines[end:]]) + "\n"
    path.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--write", type=Path, help="update the '## Card reader' section here")
    args = parser.parse_args()
    daemon = Pcscd(Path(tempfile.mkdtemp(prefix="pcscd-bench-")) / "pcscd.log")
    daemon.start()
    try:
        table = run(args.rounds)
    finally:
        daemon.stop()
    print(table)
    if args.write:
        body = (
            f"{SECTION}\n\n"
            f"`python -m benchmarks.card_latency --rounds {args.rounds}` on {date.today()}, "
            f"{platform.machine()}, {platform.python_version()}; pyscard → pcscd → vpcd → "
            "tests/emulators/vpcd_card.py over TCP on 127.0.0.1.\n\n"
            f"{table}\n\n"
            "- insert→detected is pcscd noticing the card: it polls the vpcd driver about every "
            "0.4 s, so this is uniform between 0 and 400 ms (a CCID reader reports insertion by "
            "interrupt and is faster).\n"
            "- detected→decoded is connect + transaction + every APDU + decoding; compare with the "
            "raw round trips of the same number of APDUs to see the driver's own overhead.\n"
            "- Without TCP_QUICKACK in the card each APDU waits for a delayed ACK (~40 ms): the "
            "emulator must set it before every receive.\n"
        )
        write_section(args.write, body)


if __name__ == "__main__":
    main()
