"""The dependency rules of ../shared/design.md, checked on the source itself.

(`lint-imports` checks the same contracts in `make lint`; this test keeps them in the pytest run
and names the offending file and line.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# package (folder) -> top-level or dotted modules it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "drivers": ("PySide6", "kiosk", "offline_cache", "county_platform", "sqlite3", "requests"),
    "offline_cache": ("PySide6", "kiosk", "drivers", "county_platform"),
    "kiosk/core": ("PySide6",),
    "kiosk/documents": ("PySide6",),
    "kiosk/admin": ("PySide6",),
    "county_platform": ("PySide6", "kiosk", "drivers", "offline_cache"),
}  # fmt: skip
FORBIDDEN_FILES: dict[str, tuple[str, ...]] = {
    "kiosk/cli.py": ("PySide6",),
    "kiosk/config.py": ("PySide6",),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _violations(path: Path, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for line, module in _imports(path)
        if any(module == f or module.startswith(f + ".") for f in forbidden)
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_respects_layering(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no Python files"
    problems = [v for f in files for v in _violations(f, FORBIDDEN[package])]
    assert not problems, "layering broken:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", sorted(FORBIDDEN_FILES))
def test_module_respects_layering(name: str) -> None:
    assert not _violations(ROOT / name, FORBIDDEN_FILES[name])


def test_only_the_entry_point_imports_the_demo() -> None:
    """kiosk.demo (simulated devices, synthetic data, autopilot, screenshots) ships with the
    bundle, but the product reaches it only through kiosk/main.py's demo options."""
    allowed = {ROOT / "kiosk" / "main.py"}
    files = [
        f
        for f in sorted((ROOT / "kiosk").rglob("*.py"))
        if f not in allowed and (ROOT / "kiosk" / "demo") not in f.parents
    ]
    problems = [v for f in files for v in _violations(f, ("kiosk.demo",))]
    assert not problems, "only kiosk/main.py may import kiosk.demo:\n" + "\n".join(problems)


def test_checker_detects_a_violation(tmp_path: Path) -> None:
    """The check itself can fail: a file importing Qt is reported."""
    bad = ROOT / "drivers" / "_layering_probe.py"
    bad.write_text("from PySide6 import QtCore\n")
    try:
        assert _violations(bad, FORBIDDEN["drivers"]) == [
            "drivers/_layering_probe.py:1 imports PySide6"
        ]
    finally:
        bad.unlink()
