"""`kiosk` command line: run-mode decision, arguments, and a real screenshot run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.main import RunMode, choose_run_mode, parse_args, parse_size


@pytest.mark.parametrize(
    ("argv", "env", "mode"),
    [
        (["--demo"], {}, RunMode.GALLERY),
        (["--demo"], {"DISPLAY": ":0"}, RunMode.WINDOW),
        (["--demo"], {"WAYLAND_DISPLAY": "wayland-0"}, RunMode.WINDOW),
        (["--demo"], {"QT_QPA_PLATFORM": "eglfs"}, RunMode.WINDOW),
        (["--demo", "--screenshot", "x.png"], {"DISPLAY": ":0"}, RunMode.SCREENSHOT),
        (["--config", "k.toml", "--autopilot", "3"], {}, RunMode.AUTOPILOT),
    ],
)
def test_run_mode(argv, env, mode):
    assert choose_run_mode(parse_args(argv), env) is mode


def test_bad_arguments_exit_with_usage(capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--demo", "--config", "x.toml"])
    assert exit_info.value.code == 2
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        parse_size("big")
    assert parse_size("1080x1920") == (1080, 1920)


def test_config_error_names_the_key(write_config, capsys):
    from kiosk.main import main

    path = write_config(ui={"countdown": 5})
    assert main(["--config", str(path), "--screenshot", "/tmp/never.png"]) == 2
    assert "[ui] countdown" in capsys.readouterr().err


def test_screenshot_command_writes_the_screen(write_config, tmp_path):
    out = tmp_path / "help.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.main", "--config", str(write_config()), "--screenshot",
         str(out), "--screen", "help", "--size", "1080x1920", "--lang", "en"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1080, 1920)
    assert Path(result.stdout.strip()) == out


def test_offscreen_and_multimedia_noise_is_filtered_real_warnings_are_not(write_config, tmp_path):
    """One `kiosk --screenshot` run: no "propagateSizeHints()" or qt.multimedia probe lines on
    stderr; the same handler still prints (and logs) a real warning."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("KIOSK_NO_SOUND", None)  # let Qt Multimedia load and probe its libraries
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.main", "--config", str(write_config()), "--screenshot",
         str(tmp_path / "home.png"), "--screen", "home"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "propagateSizeHints" not in result.stderr
    assert "pipewire" not in result.stderr and "Couldn't load" not in result.stderr

    probe = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,\n"
        "                    format='%(levelname)s %(message)s')\n"
        "from PySide6.QtCore import qWarning\n"
        "from kiosk.shell import qt_messages\n"
        "qt_messages.install()\n"
        "qWarning('This plugin does not support propagateSizeHints()')\n"
        "qWarning('a real problem')\n"
        "qWarning('cannot open /media/usb/320102195501010078.pdf')\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr.strip().splitlines() == [
        "a real problem",
        "cannot open /media/usb/3201**********0078.pdf",  # stderr is the journal: masked
    ]
    assert "WARNING a real problem" in shown.stdout and "propagateSizeHints" not in shown.stdout
