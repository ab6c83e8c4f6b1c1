"""Run the benchmarks: all of them, or some by name.

    .venv/bin/python -m benchmarks [NAME ...] [--write docs/performance.md] [-- ARGS...]
    .venv/bin/python -m benchmarks --list

A benchmark is a module of this folder with a top-level `main()` run under
`if __name__ == "__main__"` (helpers such as cache_common have none). Each runs as its own
`python -m benchmarks.NAME` process, with `--write PATH` passed on when given, and ARGS after `--`
passed to every selected benchmark (so use them with one name). When cache_roster_load and
cache_lookup run together without ARGS, the 1M-resident database of the first is kept in a
temporary folder and reused by the second instead of being built twice, then deleted.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
ROSTER, LOOKUP = "cache_roster_load", "cache_lookup"
FIRST = (ROSTER, LOOKUP)  # lookup reuses the roster load's database, so it comes right after


def discover() -> list[str]:
    """Names of the benchmark modules, roster load and lookup first, then alphabetical."""
    names = []
    for path in sorted(FOLDER.glob("*.py")):
        if path.stem.startswith("_"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        has_main = any(isinstance(n, ast.FunctionDef) and n.name == "main" for n in tree.body)
        runs_main = any(
            isinstance(n, ast.If) and "__main__" in ast.unparse(n.test) for n in tree.body
        )
        if has_main and runs_main:
            names.append(path.stem)
    return sorted(names, key=lambda n: (n not in FIRST, FIRST.index(n) if n in FIRST else 0, n))


def run(name: str, args: list[str]) -> int:
    command = [sys.executable, "-m", f"benchmarks.{name}", *args]
    print(f"== {' '.join(command[1:])}", file=sys.stderr, flush=True)
    began = time.monotonic()
    code = subprocess.call(command)
    print(f"== {name}: exit {code} after {time.monotonic() - began:.0f} s", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    known = discover()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"one of: {', '.join(known)}")
    parser.add_argument("--write", type=Path, help="let each benchmark update its section here")
    parser.add_argument("--list", action="store_true", help="print the benchmark names")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(known))
        return 0
    unknown = [n for n in args.names if n not in known]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)} (known: {', '.join(known)})")
    selected = [n for n in known if n in args.names] if args.names else known
    common = [*(["--write", str(args.write)] if args.write else []), *extra]
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-shared-") as shared:
        reuse = not extra and ROSTER in selected and LOOKUP in selected
        for name in selected:
            own = []
            if reuse and name == ROSTER:
                own = ["--keep-db", shared]
            elif reuse and name == LOOKUP and ROSTER not in failed:
                own = ["--db", str(Path(shared) / "kiosk.sqlite3")]
            if run(name, [*own, *common]) != 0:
                failed.append(name)
            if reuse and name == LOOKUP:
                for path in Path(shared).iterdir():
                    path.unlink()  # several GB: do not keep them while the rest runs
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
