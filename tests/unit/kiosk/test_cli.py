"""kiosk-admin's own behaviour: every failure under --json is one JSON object with a code."""

from __future__ import annotations

import json
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
    """A command group whose module fails to import would silently vanish from --help."""
    from kiosk.cli import COMMAND_MODULES, build_parser

    parser = build_parser()
    help_text = parser.format_help()
    for command in ("sync", "queue", "resident", "audit", "card", "fingerprint", "statement",
                    "printer", "devices", "technician", "bundle"):  # fmt: skip
        assert command in help_text
    assert len(COMMAND_MODULES) == 6
