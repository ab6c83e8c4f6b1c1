"""docs/performance.md is shared: each benchmark rewrites only its own `## ` section of it."""

from __future__ import annotations

from pathlib import Path


def write_section(path: Path, body: str, section: str) -> None:
    """Replace `section` in `path` (other engineers own the other headings), or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == section), None)
    if start is None:
        new = text.rstrip("\n") + "\n\n" + body.rstrip("\n") + "\n"
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        new = "\n".join([*lines[:start], *body.rstrip("\n").splitlines(), "", *lines[end:]])
        new = new.rstrip("\n") + "\n"
    path.write_text(new, encoding="utf-8")
