"""Configuration loading: defaults, path resolution, and errors that name the file and key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.config import ConfigError, InsecureFileError, load_config
from tests.fixtures.common import write_private

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
    write_private(tmp_path / "terminal.secret", b"abc\n")
    assert config.read_terminal_secret() == b"abc"
    write_private(tmp_path / "template.key", b"short")
    with pytest.raises(ConfigError, match="must hold 32 bytes"):
        config.read_template_key()
    write_private(tmp_path / "template.key", bytes(range(32)))
    assert config.read_template_key() == bytes(range(32))


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-1", "0", "1e12"])
@pytest.mark.parametrize(
    ("section", "key"),
    [("county", "read_timeout"), ("county", "sync_interval"), ("devices", "print_timeout"),
     ("ui", "card_reminder_interval"), ("maintenance", "idle_timeout")],
)  # fmt: skip
def test_durations_must_be_finite_and_in_range(
    tmp_path: Path, section: str, key: str, value: str
) -> None:
    """`read_timeout = inf` passed validation and crashed the sync thread."""
    text = MINIMAL.replace(f"[{section}]\n", f"[{section}]\n{key} = {value}\n")
    if f"[{section}]" not in MINIMAL:
        text += f"[{section}]\n{key} = {value}\n"
    with pytest.raises(ConfigError, match=rf"\[{section}\] {key}"):
        load_config(write(tmp_path, text))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("fingerprint_baud", "0"),
        ("fingerprint_address", "-1"),
        ("fingerprint_password", "4294967296"),
    ],
)
def test_whole_numbers_are_in_range(tmp_path: Path, key: str, value: str) -> None:
    text = MINIMAL.replace("[devices]\n", f"[devices]\n{key} = {value}\n")
    with pytest.raises(ConfigError, match=rf"\[devices\] {key}"):
        load_config(write(tmp_path, text))


def test_sensible_numbers_still_load(tmp_path: Path) -> None:
    text = MINIMAL.replace("[county]\n", "[county]\nread_timeout = 0.5\nsync_interval = 3600\n")
    assert load_config(write(tmp_path, text)).county.read_timeout == 0.5


def test_an_empty_terminal_secret_is_refused_at_load(tmp_path: Path) -> None:
    """Every request would have been refused as bad_signature, hours later."""
    write_private(tmp_path / "terminal.secret", b"\n")
    with pytest.raises(ConfigError, match=r"terminal\.secret is empty"):
        load_config(write(tmp_path, MINIMAL))


@pytest.mark.parametrize("name", ["terminal.secret", "template.key", "technician.pins"])
def test_a_secret_others_can_read_is_refused_with_the_chmod_to_run(
    tmp_path: Path, name: str
) -> None:
    secret = tmp_path / name
    write_private(secret, b"0123456789abcdef0123456789abcdef")
    secret.chmod(0o644)  # what `echo ... > terminal.secret` gives under umask 022
    with pytest.raises(InsecureFileError) as err:
        load_config(write(tmp_path, MINIMAL))
    assert f"run `chmod 600 {secret}`" in str(err.value)
    assert "mode 644" in str(err.value)
    secret.chmod(0o600)
    assert load_config(write(tmp_path, MINIMAL)).source == tmp_path / "kiosk.toml"


def test_a_secret_opened_up_after_start_is_refused_at_first_use(tmp_path: Path) -> None:
    write_private(tmp_path / "template.key", bytes(range(32)))
    config = load_config(write(tmp_path, MINIMAL))
    os.chmod(tmp_path / "template.key", 0o640)
    with pytest.raises(InsecureFileError, match="chmod 600"):
        config.read_template_key()
