"""`kiosk-admin devices [--json]`: the diagnostics of the maintenance screen, for remote support.

Opens each configured device on its own thread with its own deadline (see
kiosk/ops/diagnostics_devices.py), prints one line per check (or one JSON object), and exits 0
when no check is FAULT, 1 otherwise. Read-only: it changes nothing and records nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.admin.output import emit
from kiosk.config import Config
from kiosk.ops.diagnostics_devices import collect_from_config
from kiosk.ops.diagnostics_model import DiagnosticsReport

EXIT_FAULT = 1
STATE_WIDTH = 7  # len("WARNING")


def register(subparsers: Any) -> None:
    devices = subparsers.add_parser(
        "devices", help="diagnostics of card reader, sensor, printer, platform, disk, logs"
    )
    devices.add_argument("--json", action="store_true", help="print one JSON object")
    devices.set_defaults(handler=devices_command)


def report_text(report: DiagnosticsReport) -> str:
    width = max(len(c.title) for c in report.checks)
    lines = [
        f"{c.state.value.ljust(STATE_WIDTH)}  {c.title.ljust(width)}  {c.text}"
        for c in report.checks
    ]
    lines.append(f"overall: {report.worst.value} ({report.generated_at})")
    return "\n".join(lines)


def devices_command(args: argparse.Namespace, config: Config) -> int:
    report = collect_from_config(config)
    emit(report.to_dict(), args.json, report_text(report))
    return EXIT_FAULT if report.has_fault else 0
