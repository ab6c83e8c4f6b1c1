"""Configuration loading: defaults, path resolution, and errors that name the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config

MINIMAL = """
[terminal]
id = "T-320102001-003"
secret_file = "terminal.secret"
[county]
url = "http://127.0.0.1:8700"
[paths]
data_dir = "/var/lib/kiosk"
[devices]
card = "pcsc"
card_reader = "Virtual PCD"
fingerprint = "zfm"
fingerprint_port = "/dev/ttyUSB0"
printer = "cups"
printer_name = "statement"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_issue_example_loads_with_relative_paths_resolved(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL))
    assert config.terminal.id == "T-320102001-003"
    assert config.terminal.secret_file == tmp_path / "terminal.secret"
    assert config.security.template_key_file == tmp_path / "template.key"
    assert config.paths.data_dir == Path("/var/lib/kiosk")
    assert config.devices.card_reader == "Virtual PCD"
    assert config.devices.simulated_printer_dir == Path("/var/lib/kiosk/printed")
    assert config.database_path == Path("/var/lib/kiosk/kiosk.sqlite3")
    assert config.ui.countdown >= 20


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('card = "pcsc"', 'card = "usb"'), "[devices] card: must be one of pcsc, simulated"),
        (('printer = "cups"', "printer = 3"), "[devices] printer: expected a string"),
        (("[devices]", "[devices]\ncolour = 1"), "[devices] colour: unknown key"),
        (("[paths]", "[pathz]"), "unknown section [pathz]"),
        (('id = "T-320102001-003"\n', ""), "[terminal] id is required"),
        (('url = "http://127.0.0.1:8700"', 'url = "ftp://x"'), "[county] url: must start with"),
        (("[paths]", "[ui]\ncountdown = 5\n[paths]"), "[ui] countdown: must be at least 20"),
    ],
)
def test_errors_name_the_file_and_the_key(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = write(tmp_path, MINIMAL.replace(*change))
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_not_toml_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[terminal\nid="))


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the configuration"):
        load_config(tmp_path / "absent.toml")


def test_secret_files(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL))
    with pytest.raises(ConfigError, match=r"\[terminal\] secret_file"):
        config.read_terminal_secret()
    (tmp_path / "terminal.secret").write_text("abc\n")
    assert config.read_terminal_secret() == b"abc"
    (tmp_path / "template.key").write_bytes(b"short")
    with pytest.raises(ConfigError, match="must hold 32 bytes"):
        config.read_template_key()
    (tmp_path / "template.key").write_bytes(bytes(range(32)))
    assert config.read_template_key() == bytes(range(32))
