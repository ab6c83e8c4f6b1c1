"""`kiosk-admin`: the technician's command line (no Qt).

Each group of commands lives in its own module under `kiosk/admin/` and exposes
`register(subparsers)`; the module sets `handler=` on its parsers, a function
`(args, config) -> int`. The modules are imported like any other: one that is missing or broken
stops kiosk-admin with its ImportError (a bug) instead of taking its commands out of --help.
Output is human text by default and one JSON object with `--json`; failures exit non-zero and,
with `--json`, print `{"error": CODE, "detail": TEXT}`. Configuration errors answer `bad_config`
(exit 2); a secret file others may read `insecure_file` and a data directory that is a file or
not writable `bad_data_dir` (both exit 2, the message says what to run). A value the user typed
is repeated in an error only shortened (kiosk.admin.output.shorten_echoes). A damaged
database, whichever command met it, answers `database_damaged` (exit 5; run `kiosk-admin repair`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from kiosk import __version__
from kiosk.admin import (
    cache_commands,
    card_commands,
    device_commands,
    fingerprint_commands,
    maintenance_commands,
    printer_commands,
    repair_commands,
)
from kiosk.admin.output import EXIT_DATABASE_DAMAGED, fail, shorten_echoes
from kiosk.config import DEFAULT_CONFIG_PATH, ConfigError, InsecureFileError, load_config
from kiosk.private_files import DataDirError, check_data_dir
from offline_cache.errors import DATABASE_DAMAGED, damage_of

# Command groups, in the order they appear in --help.
COMMAND_MODULES = (
    cache_commands,  # sync, queue, resident, audit
    card_commands,  # card read
    fingerprint_commands,  # fingerprint info / verify
    printer_commands,  # statement, printer status / test-page
    device_commands,  # devices
    maintenance_commands,  # technician PINs
    repair_commands,  # repair a damaged database
)


class _Parser(argparse.ArgumentParser):
    """Reports usage errors as `{"error": "usage", "detail": ...}` when `--json` was asked for,
    so scripts always get one JSON object, even for a mistyped option."""

    json_errors = False

    def error(self, message: str) -> NoReturn:
        message = shorten_echoes(message)
        if _Parser.json_errors:
            print(json.dumps({"error": "usage", "detail": message}, ensure_ascii=False))
            sys.exit(2)
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kiosk-admin",
        description="Technician's command line for the township self-service kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk-admin {__version__}")
    parser.add_argument(
        "--config",
        type=Path,
        default=DEFAULT_CONFIG_PATH,
        help=f"configuration file (default {DEFAULT_CONFIG_PATH})",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    _Parser.json_errors = "--json" in arguments
    args = parser.parse_args(arguments)
    try:
        config = load_config(args.config)
        check_data_dir(config.paths.data_dir)
    except ConfigError as e:
        code = "bad_config"
        if isinstance(e, InsecureFileError):
            code = "insecure_file"
        elif isinstance(e, DataDirError):
            code = "bad_data_dir"
        detail = shorten_echoes(str(e))
        if getattr(args, "json", False):
            print(json.dumps({"error": code, "detail": detail}, ensure_ascii=False))
        else:
            print(f"kiosk-admin: {detail}", file=sys.stderr)
        return 2
    handler = args.handler
    try:
        result: int = handler(args, config)
    except Exception as e:
        damage = damage_of(e, config.database_path)
        if damage is None:
            raise
        return fail(
            DATABASE_DAMAGED, str(damage), getattr(args, "json", False), EXIT_DATABASE_DAMAGED
        )
    return result


if __name__ == "__main__":
    sys.exit(main())
