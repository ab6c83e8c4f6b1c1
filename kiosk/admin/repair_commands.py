"""`kiosk-admin repair`: a damaged database moved aside, its outbox rescued, a fresh one made.

What is damaged, and how the rescue works, is offline_cache/integrity.py and repair.py. Exit
codes: 0 repaired with every transaction the ledger knows of rescued (or nothing to repair),
1 repaired but some transactions could not be rescued (the report counts them), 4 the repair
itself failed (nothing overwritten; the message says how far it got).
"""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.admin.output import emit, fail
from kiosk.config import Config
from offline_cache.repair import repair

EXIT_NOT_ALL_RESCUED = 1
EXIT_REPAIR_FAILED = 4


def register(subparsers: Any) -> None:
    cmd = subparsers.add_parser(
        "repair",
        help="move a damaged database aside, rescue its transactions, start a fresh one",
    )
    cmd.add_argument("--json", action="store_true", help="print one JSON object")
    cmd.set_defaults(handler=repair_command)


def repair_command(args: argparse.Namespace, config: Config) -> int:
    try:
        report = repair(config.database_path)
    except OSError as e:
        return fail("repair_failed", str(e), args.json, EXIT_REPAIR_FAILED)
    data = report.as_dict()
    if not report.repaired:
        emit(data, args.json, f"database {config.database_path} is intact: nothing to repair")
        return 0
    lost = report.not_rescued
    text = "\n".join(
        [
            f"database damaged: {report.reason}",
            "moved aside: " + (", ".join(report.moved_to) or "(no file was there)"),
            f"rescued {report.rescued_pending} pending transaction(s), "
            f"{report.rescued_total} in all ("
            + ", ".join(f"{state} {n}" for state, n in sorted(report.rescued.items()))
            + ")",
            "could not rescue: "
            + (
                f"{lost} of the {report.known_transactions} transactions the ledger knows"
                if lost is not None
                else "unknown (no ledger)"
            ),
            f"audit entries kept: {report.audit_entries_kept}; next seq {report.next_seq}",
            "the township copy (residents, jobs, notices) is pulled again at the next sync",
        ]
    )
    emit(data, args.json, text)
    return EXIT_NOT_ALL_RESCUED if lost else 0
