"""`kiosk-admin technician set-pin|list|remove|unlock` and `kiosk-admin bundle --out FOLDER`.

PINs are read without echo (twice, via getpass) or, for scripts, one line from stdin with
`--pin-stdin`; they are never printed, logged or passed on the command line. Every change, and
every bundle export, is audited (a `maintenance` transaction and the audit log). Exit codes: 0
done, 1 audit not written (the change itself was made), 2 bad input, 3 no such technician,
4 the file or folder could not be written, 5 the database is damaged (the change was made, the
audit entry could not be: `database_damaged`, run `kiosk-admin repair`).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from kiosk.admin.output import EXIT_DATABASE_DAMAGED, echo, emit, fail
from kiosk.config import Config, ConfigError
from kiosk.core.maintenance_audit import MaintenanceAction, audit_action
from kiosk.ops.bundle import BundleError, export_bundle
from kiosk.ops.technician import (
    InvalidPinError,
    PinFileError,
    TechnicianGate,
    validate_name,
    validate_pin,
)

EXIT_AUDIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_FOUND = 3
EXIT_WRITE_FAILED = 4


def register(subparsers: Any) -> None:
    tech = subparsers.add_parser("technician", help="technician PINs for maintenance mode")
    sub = tech.add_subparsers(dest="technician_command", metavar="ACTION")
    sub.required = True

    set_pin = sub.add_parser("set-pin", help="add a technician or change their PIN")
    set_pin.add_argument("--name", required=True, help="technician name (no spaces or ':')")
    set_pin.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN as one line from stdin (scripts)"
    )
    set_pin.add_argument("--json", action="store_true", help="print one JSON object")
    set_pin.set_defaults(handler=set_pin_command)

    listing = sub.add_parser("list", help="technician names and the entry lockout state")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_command)

    remove = sub.add_parser("remove", help="remove a technician's PIN")
    remove.add_argument("--name", required=True)
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(handler=remove_command)

    unlock = sub.add_parser("unlock", help="clear the lockout after too many wrong PINs")
    unlock.add_argument("--json", action="store_true")
    unlock.set_defaults(handler=unlock_command)

    bundle = subparsers.add_parser(
        "bundle", help="export a diagnostic bundle (logs, config without secrets, status)"
    )
    bundle.add_argument("--out", required=True, type=Path, help="folder to write the zip into")
    bundle.add_argument("--json", action="store_true")
    bundle.set_defaults(handler=bundle_command)


def _audit(config: Config, action: MaintenanceAction, detail: str) -> str | None:
    """Record the action; the error text if that was impossible. A damaged database raises
    `DatabaseDamaged` (`_done` answers database_damaged)."""
    from offline_cache.errors import DatabaseDamaged, raising_damage
    from offline_cache.store import Store

    try:
        store = Store.open(config.database_path, config.read_template_key())
    except (ConfigError, OSError) as e:
        return str(e)
    try:
        with raising_damage(config.database_path):
            audit_action(store, action, detail)
    except DatabaseDamaged:
        raise
    except Exception as e:  # the change is made; say that the audit entry is missing
        return f"{type(e).__name__}: {e}"
    finally:
        store.close()
    return None


def _done(
    config: Config,
    args: argparse.Namespace,
    action: MaintenanceAction,
    detail: str,
    data: dict[str, Any],
    text: str,
) -> int:
    from offline_cache.errors import DATABASE_DAMAGED, DatabaseDamaged

    try:
        problem = _audit(config, action, detail)
    except DatabaseDamaged as damage:
        return fail(  # the change is made: say so, and that the database needs a repair
            DATABASE_DAMAGED,
            f"{text}, but the audit entry was not written: {damage}",
            args.json,
            EXIT_DATABASE_DAMAGED,
        )
    if problem:
        return fail(
            "audit_failed",
            f"{text}, but the audit entry was not written: {problem}",
            args.json,
            EXIT_AUDIT_FAILED,
        )
    emit(data, args.json, text)
    return 0


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass("new PIN (6-8 digits): ")
    validate_pin(first)
    if getpass.getpass("the same PIN again: ") != first:
        raise InvalidPinError("the two PINs differ")
    return first


def set_pin_command(args: argparse.Namespace, config: Config) -> int:
    gate = TechnicianGate.from_config(config)
    try:
        validate_name(args.name)
        pin = _read_pin(args.pin_stdin)
        replaced = gate.pin_file.set_pin(args.name, pin)
    except (InvalidPinError, EOFError) as e:
        return fail("invalid_pin", str(e) or "no PIN given", args.json, EXIT_BAD_INPUT)
    except PinFileError as e:
        return fail("pin_file", str(e), args.json, EXIT_BAD_INPUT)
    except OSError as e:
        return fail(
            "pin_file", f"cannot write {gate.pin_file.path}: {e}", args.json, EXIT_WRITE_FAILED
        )
    verb = "changed" if replaced else "added"
    return _done(
        config,
        args,
        MaintenanceAction.PIN_SET,
        f"technician={args.name} {verb}",
        {"name": args.name, "replaced": replaced},
        f"PIN of {args.name} {verb}",
    )


def list_command(args: argparse.Namespace, config: Config) -> int:
    gate = TechnicianGate.from_config(config)
    try:
        names = gate.pin_file.names()
    except PinFileError as e:
        return fail("pin_file", str(e), args.json, EXIT_BAD_INPUT)
    locked = gate.lockout.remaining()
    data = {
        "pin_file": str(gate.pin_file.path),
        "technicians": names,
        "technician_cards": len(config.maintenance.technician_cards),
        "wrong_pins": gate.lockout.failures,
        "locked_for_s": round(locked, 1),
    }
    text = "\n".join(names) if names else f"no technician PINs in {gate.pin_file.path}"
    if locked:
        text += f"\nentry locked for another {locked:.0f} s ({gate.lockout.failures} wrong PINs)"
    emit(data, args.json, text)
    return 0


def remove_command(args: argparse.Namespace, config: Config) -> int:
    gate = TechnicianGate.from_config(config)
    try:
        removed = gate.pin_file.remove(args.name)
    except PinFileError as e:
        return fail("pin_file", str(e), args.json, EXIT_BAD_INPUT)
    except OSError as e:
        return fail(
            "pin_file", f"cannot write {gate.pin_file.path}: {e}", args.json, EXIT_WRITE_FAILED
        )
    if not removed:
        return fail(
            "not_found", f"no technician {echo(repr(args.name))}", args.json, EXIT_NOT_FOUND
        )
    return _done(
        config,
        args,
        MaintenanceAction.PIN_REMOVED,
        f"technician={args.name}",
        {"name": args.name, "removed": True},
        f"PIN of {args.name} removed",
    )


def unlock_command(args: argparse.Namespace, config: Config) -> int:
    gate = TechnicianGate.from_config(config)
    before = gate.lockout.failures
    gate.lockout.reset()
    return _done(
        config,
        args,
        MaintenanceAction.LOCKOUT_CLEARED,
        f"after {before} wrong PINs",
        {"cleared": True, "wrong_pins": before},
        f"entry lockout cleared ({before} wrong PINs)",
    )


def bundle_command(args: argparse.Namespace, config: Config) -> int:
    try:
        path = export_bundle(config, args.out)
    except BundleError as e:
        return fail("bundle_failed", str(e), args.json, EXIT_WRITE_FAILED)
    return _done(
        config,
        args,
        MaintenanceAction.EXPORT_BUNDLE,
        f"file={path.name}",
        {"bundle": str(path), "bytes": path.stat().st_size},
        f"bundle written: {path}",
    )
