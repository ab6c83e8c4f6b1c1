"""kiosk-admin's own behaviour: every failure under --json is one JSON object with a code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main


def test_usage_error_with_json_is_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--config", "/nonexistent", "card", "read", "--timeout", "soon", "--json"])
    assert exit_info.value.code == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["error"] == "usage"
    assert "--timeout" in answer["detail"]


def test_usage_error_without_json_is_argparse_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--config", "/nonexistent", "card", "read", "--timeout", "soon"])
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "usage:" in captured.err


def test_bad_configuration_with_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[devices]\ncard = 'usb'\n")
    assert main(["--config", str(config), "queue", "--json"]) == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["error"] == "bad_config"
    assert "[devices] card" in answer["detail"]


def test_every_command_group_is_registered() -> None:
    """Every group's commands are in --help (seven modules under kiosk/admin/)."""
    from kiosk.cli import COMMAND_MODULES, build_parser

    parser = build_parser()
    help_text = parser.format_help()
    for command in ("sync", "queue", "resident", "audit", "card", "fingerprint", "statement",
                    "printer", "devices", "technician", "bundle", "repair"):  # fmt: skip
        assert command in help_text
    assert len(COMMAND_MODULES) == 7


def test_a_missing_command_module_stops_kiosk_admin_loudly() -> None:
    """A command group that cannot be imported is a bug: kiosk-admin fails and names it, instead
    of starting without that group's commands."""
    code = (
        "import sys; sys.modules['kiosk.admin.card_commands'] = None\n"
        "from kiosk.cli import main\n"
        "main(['--help'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 1
    assert "ModuleNotFoundError" in done.stderr
    assert "kiosk.admin.card_commands" in done.stderr
    assert "usage:" not in done.stdout
