"""`kiosk-admin` commands for the offline store: sync, queue, rejected, resident, audit verify.

Every command opens its own `Store` on the configured database. Output is masked by default:
`resident` shows the full record only with `--reveal`, and never the fingerprint templates.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any, TypeVar

from drivers.card.records import id_check_digit
from kiosk.admin.output import echo, emit, fail
from kiosk.config import Config, ConfigError
from kiosk.core.clock import KIOSK_TZ
from kiosk.core.masking import mask_card_number, mask_name, mask_person_id, mask_text
from kiosk.ops.sync_settings import sync_settings
from offline_cache.models import Resident
from offline_cache.outbox import PERSON_ID_PATTERN as PERSON_ID_RE
from offline_cache.store import Store
from offline_cache.sync import SyncClient

T = TypeVar("T")

EXIT_INCOMPLETE = 1  # the round ran but something stayed queued or was refused
EXIT_BAD_ARGUMENT = 2
EXIT_NOT_FOUND = 3
EXIT_BROKEN_CHAIN = 4


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser(
        "sync", help="one full sync round: push the outbox, pull roster, jobs and notices"
    )
    sync.add_argument("--json", action="store_true", help="print one JSON object")
    sync.set_defaults(handler=cmd_sync)

    queue = subparsers.add_parser("queue", help="outbox counts by state and oldest pending age")
    queue.add_argument("--json", action="store_true")
    queue.set_defaults(handler=cmd_queue)

    rejected = subparsers.add_parser(
        "rejected", help="transactions the platform refused, with its reasons"
    )
    rejected.add_argument("--json", action="store_true")
    rejected.set_defaults(handler=cmd_rejected)

    resident = subparsers.add_parser("resident", help="show one cached resident (masked)")
    resident.add_argument("--person-id", required=True, help="18-character ID number")
    resident.add_argument("--json", action="store_true")
    resident.add_argument(
        "--reveal", action="store_true", help="show the ID number, name and card number in full"
    )
    resident.set_defaults(handler=cmd_resident)

    audit = subparsers.add_parser("audit", help="the hash-chained audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    audit_sub.required = True
    verify = audit_sub.add_parser("verify", help="check the chain; names the first broken link")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_audit_verify)


def _open(config: Config) -> Store:
    return Store.open(config.database_path, config.read_template_key())


def _read(config: Config, read: Callable[[Store], T]) -> T:
    """Open the store, read from it, close it (`ConfigError` when the configuration is unusable:
    no key file, unreadable database path)."""
    store = _open(config)
    try:
        return read(store)
    finally:
        store.close()


def _setup_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(message)s")


def cmd_sync(args: argparse.Namespace, config: Config) -> int:
    _setup_logging()
    try:
        settings = sync_settings(config)
        store = _open(config)
    except ConfigError as e:
        return fail("config", str(e), args.json, 2)
    try:
        client = SyncClient(store, settings)
        try:
            report = client.run_round()
        finally:
            client.close()
        queue = store.queue_summary()
    finally:
        store.close()
    data = report.as_dict() | {"pending": queue.pending, "rejected_total": queue.rejected}
    text = (
        f"sync {'complete' if report.ok else 'INCOMPLETE'}: pushed {report.pushed} "
        f"(accepted {report.accepted}, duplicate {report.duplicates}, "
        f"rejected {report.rejected}); pulled "
        + ", ".join(f"{k} {v}" for k, v in report.pulled.items())
        + f"; still pending {queue.pending}"
        + "".join(f"\n  error: {e}" for e in report.errors)
    )
    emit(data, args.json, text)
    return 0 if report.ok else EXIT_INCOMPLETE


def cmd_queue(args: argparse.Namespace, config: Config) -> int:
    try:
        summary, status = _read(config, lambda store: (store.queue_summary(), store.sync_status()))
    except ConfigError as e:
        return fail("config", str(e), args.json, 2)
    data = asdict(summary) | {
        "last_success_at": _iso(status.last_success_at),
        "clock_offset_s": status.clock_offset_s,
        "feed_ages_s": status.feed_ages_s,
    }
    age = summary.oldest_pending_age_s
    text = (
        f"pending    {summary.pending}\n"
        f"delivered  {summary.delivered}\n"
        f"rejected   {summary.rejected}\n"
        f"oldest pending age  {_age(age)}\n"
        f"last successful sync  {_iso(status.last_success_at) or 'never'}"
    )
    emit(data, args.json, text)
    return 0


def cmd_rejected(args: argparse.Namespace, config: Config) -> int:
    try:
        rows = _read(config, Store.rejected)
    except ConfigError as e:
        return fail("config", str(e), args.json, 2)
    items = [
        {
            "id": tx.id,
            "seq": tx.seq,
            "kind": tx.kind,
            "occurred_at": tx.occurred_at,
            "person_id": mask_person_id(tx.person_id) if tx.person_id else None,
            "error": mask_text(tx.error) if tx.error else tx.error,  # it may quote the person
        }
        for tx in rows
    ]
    text = "\n".join(
        f"{i['id']}  #{i['seq']}  {i['kind']}  {i['occurred_at']}  {i['error']}" for i in items
    )
    emit({"rejected": items}, args.json, text or "no rejected transactions")
    return 0


def person_id_problem(person_id: str) -> str | None:
    """Why `person_id` cannot be a citizen ID number (a typo is named, not "not found")."""
    if not PERSON_ID_RE.match(person_id):
        return "not an 18-character ID number (17 digits, then a digit or X)"
    if id_check_digit(person_id[:17]) != person_id[17]:
        return "the check digit does not match (a digit mistyped?)"
    return None


def cmd_resident(args: argparse.Namespace, config: Config) -> int:
    try:
        store = _open(config)
    except ConfigError as e:
        return fail("config", str(e), args.json, 2)
    person_id = args.person_id.strip().upper()
    problem = person_id_problem(person_id)
    if problem:
        store.close()
        return fail(
            "bad_person_id",
            f"{echo(mask_person_id(person_id))}: {problem}",
            args.json,
            EXIT_BAD_ARGUMENT,
        )
    try:
        resident = store.resident_by_person_id(person_id)
    finally:
        store.close()
    if resident is None:
        return fail(
            "not_found",
            f"no cached resident {mask_person_id(args.person_id)}",
            args.json,
            EXIT_NOT_FOUND,
        )
    data = resident_view(resident, reveal=args.reveal)
    emit(data, args.json, _resident_text(data))
    return 0


def resident_view(resident: Resident, reveal: bool) -> dict[str, Any]:
    """A technician's view of a cached record; never the templates themselves."""
    return {
        "person_id": resident.person_id if reveal else mask_person_id(resident.person_id),
        "name": resident.name if reveal else mask_name(resident.name),
        "card_number": (resident.card_number if reveal else mask_card_number(resident.card_number)),
        "gender": resident.gender,
        "birth_year": resident.birth_date.year,
        "birth_date": resident.birth_date.isoformat() if reveal else None,
        "township_code": resident.township_code,
        "village_code": resident.village_code,
        "version": resident.version,
        "account_balance_cents": resident.account_balance_cents,
        "benefits": [
            {
                "kind": b.kind,
                "status": b.status,
                "monthly_amount_cents": b.monthly_amount_cents,
                "period": b.certification.period,
                "due_by": b.certification.due_by.isoformat(),
                "last_certified_at": (
                    b.certification.last_certified_at.isoformat()
                    if b.certification.last_certified_at
                    else None
                ),
            }
            for b in resident.benefits
        ],
        "fingerprints": [fp.finger for fp in resident.fingerprints],
        "contribution_years": len({c.year for c in resident.contributions}),
    }


def _resident_text(data: dict[str, Any]) -> str:
    lines = [
        f"person_id    {data['person_id']}",
        f"name         {data['name']}",
        f"card_number  {data['card_number']}",
        f"gender       {data['gender']}   born {data['birth_date'] or data['birth_year']}",
        f"township     {data['township_code']}  village {data['village_code']}",
        f"version      {data['version']}",
        f"fingerprints {', '.join(data['fingerprints']) or 'none enrolled'}",
        f"contribution years  {data['contribution_years']}",
    ]
    for b in data["benefits"]:
        lines.append(
            f"benefit {b['kind']}: {b['status']}, {b['monthly_amount_cents'] / 100:.2f} yuan/month,"
            f" {b['period']} certification due by {b['due_by']}"
            f" (last {b['last_certified_at'] or 'never'})"
        )
    return "\n".join(lines)


def cmd_audit_verify(args: argparse.Namespace, config: Config) -> int:
    try:
        verdict = _read(config, Store.verify_audit)
    except ConfigError as e:
        return fail("config", str(e), args.json, 2)
    if not verdict.ok:
        return fail(
            "audit_broken",
            f"first broken link: entry {verdict.broken_at}: {verdict.reason} "
            f"({verdict.entries} entries before it are intact)",
            args.json,
            EXIT_BROKEN_CHAIN,
        )
    emit(
        {"ok": True, "entries": verdict.entries, "head_hash": verdict.head_hash},
        args.json,
        f"audit log intact: {verdict.entries} entries, head {verdict.head_hash}",
    )
    return 0


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, KIOSK_TZ).isoformat(timespec="seconds") if ts else None


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"
