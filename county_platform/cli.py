"""`python -m county_platform {serve,seed,register-terminal,compact,transactions}`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path

from county_platform.secrets_file import ensure_secret, read_secret
from county_platform.seed import DEFAULT_TOWNSHIP, seed_database
from county_platform.store import Feed, PlatformStore

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8700
EXIT_USAGE = 2
PROGRESS_EVERY = 100_000


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _township(text: str) -> str:
    if len(text) != 9 or not text.isdigit():
        raise argparse.ArgumentTypeError(f"a township code is 9 digits, got {text!r}")
    return text


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {text!r}")
    return int(text)


def _existing_db(path: Path) -> PlatformStore:
    if not path.exists():
        raise CliError(f"no platform database at {path}: create one with `seed` first")
    return PlatformStore.open(path)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from county_platform.server import create_app

    store = _existing_db(args.db)
    # the platform's own warnings (e.g. why a request was refused with bad_signature) go to stderr
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    print(f"county platform: serving {args.db} on http://{args.host}:{args.port}", file=sys.stderr)
    try:
        uvicorn.run(create_app(store), host=args.host, port=args.port, log_level=args.log_level)
    finally:
        store.close()
    return 0


def _progress(written: int) -> None:
    if written % PROGRESS_EVERY == 0:
        print(f"  {written} residents written", file=sys.stderr)


def cmd_seed(args: argparse.Namespace) -> int:
    if args.terminal and args.secret_file is None:
        raise CliError("--terminal needs --secret-file (where the terminal's secret is kept)")
    with PlatformStore.open(args.db) as store:
        summary = seed_database(
            store, args.township, args.residents, args.seed, args.today, progress=_progress
        )
        if args.terminal:
            store.register_terminal(args.terminal, args.township, ensure_secret(args.secret_file))
    print(
        f"seeded township {args.township}: {summary.residents} residents, {summary.jobs} jobs,"
        f" {summary.notices} notices ({summary.changes} changes written)"
        + (f"; terminal {args.terminal} registered" if args.terminal else "")
    )
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    secret = (
        ensure_secret(args.secret_file) if args.create_secret else read_secret(args.secret_file)
    )
    with PlatformStore.open(args.db) as store:
        store.register_terminal(args.terminal, args.township, secret)
    print(f"terminal {args.terminal} registered for township {args.township}")
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    feeds = list(Feed) if args.feed == "all" else [Feed(args.feed)]
    with _existing_db(args.db) as store:
        for feed in feeds:
            position, removed = store.compact(feed, args.through)
            print(f"{feed.value}: compacted through {position}, {removed} tombstones removed")
    return 0


def cmd_transactions(args: argparse.Namespace) -> int:
    with _existing_db(args.db) as store:
        accepted = store.accepted_transactions()
    if args.json:
        print(json.dumps([asdict(t) for t in accepted], ensure_ascii=False, indent=1))
    else:
        for t in accepted:
            print(f"{t.id}  {t.kind:<16} {t.terminal_id}  {t.occurred_at}")
        print(f"{len(accepted)} accepted transactions", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m county_platform",
        description="Reference county social-security platform (../shared/county-api).",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="answer the kiosk interface over HTTP")
    serve.add_argument("--db", type=Path, required=True)
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--log-level", default="warning", choices=("debug", "info", "warning"))
    serve.set_defaults(handler=cmd_serve)

    seed = sub.add_parser("seed", help="generate a synthetic township (idempotent for a seed)")
    seed.add_argument("--db", type=Path, required=True)
    seed.add_argument("--township", type=_township, default=DEFAULT_TOWNSHIP)
    seed.add_argument("--residents", type=_count, required=True)
    seed.add_argument("--seed", type=int, default=1)
    seed.add_argument("--today", type=_day, default=None, help="reference date (default: today)")
    seed.add_argument("--terminal", help="also register this terminal for the township")
    seed.add_argument("--secret-file", type=Path, help="its secret (created if missing)")
    seed.set_defaults(handler=cmd_seed)

    register = sub.add_parser("register-terminal", help="register or re-key a terminal")
    register.add_argument("--db", type=Path, required=True)
    register.add_argument("--terminal", required=True)
    register.add_argument("--township", type=_township, required=True)
    register.add_argument("--secret-file", type=Path, required=True)
    register.add_argument(
        "--create-secret", action="store_true", help="write a random secret if the file is missing"
    )
    register.set_defaults(handler=cmd_register)

    compact = sub.add_parser("compact", help="drop old tombstones; older cursors get 410")
    compact.add_argument("--db", type=Path, required=True)
    compact.add_argument("--feed", choices=[*(f.value for f in Feed), "all"], default="all")
    compact.add_argument("--through", type=_count, default=None, help="default: the log head")
    compact.set_defaults(handler=cmd_compact)

    transactions = sub.add_parser("transactions", help="list accepted transactions")
    transactions.add_argument("--db", type=Path, required=True)
    transactions.add_argument("--json", action="store_true")
    transactions.set_defaults(handler=cmd_transactions)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except (CliError, OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
