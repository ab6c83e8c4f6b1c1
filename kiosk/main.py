"""`kiosk`: the application's entry point.

    kiosk --config PATH                      the kiosk on its touch screen
    kiosk --demo                             no configuration: simulated devices, synthetic data
    kiosk --demo --screenshot F.png --screen NAME --size WxH [--lang zh|en]
    kiosk --config PATH --autopilot N        N simulated sessions (kiosk.demo.autopilot.runner)

Without a display (no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM) a window cannot open and
Qt would abort: `choose_run_mode` decides instead to write screenshots of every screen to a
folder and say so. Exit codes: 0 success, 2 bad arguments or configuration.
"""

from __future__ import annotations

import argparse
import enum
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from kiosk.config import DEFAULT_CONFIG_PATH, Config, ConfigError, load_config

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_RESTART = 75  # EX_TEMPFAIL: maintenance asked for a restart; `main` re-executes the kiosk
GALLERY_SIZES = ("1920x1080", "1080x1920", "1280x1024")
SIGNAL_POLL_MS = 500
GALLERY_DIR = Path("kiosk-screenshots")  # relative to the current directory


class RunMode(enum.Enum):
    WINDOW = "window"  # the touch screen
    SCREENSHOT = "screenshot"  # one screen to a PNG, offscreen
    GALLERY = "gallery"  # no display: every screen to PNGs, offscreen
    AUTOPILOT = "autopilot"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk", description="社保自助服务一体机 — the kiosk")
    parser.add_argument("--config", type=Path, help=f"configuration file ({DEFAULT_CONFIG_PATH})")
    parser.add_argument("--demo", action="store_true", help="simulated devices and synthetic data")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="render one screen")
    parser.add_argument("--screen", default="home", help="screen for --screenshot")
    parser.add_argument("--size", default="1920x1080", help="WxH for --screenshot")
    parser.add_argument("--lang", choices=("zh", "en"), help="language for --screenshot")
    parser.add_argument("--autopilot", type=int, metavar="N", help="run N simulated sessions")
    args = parser.parse_args(argv)
    if args.demo and args.config:
        parser.error("--demo needs no --config; give one or the other")
    try:
        args.size_wh = parse_size(args.size)
    except ValueError as e:
        parser.error(str(e))
    return args


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size: expected WIDTHxHEIGHT such as 1920x1080, got {text!r}") from None
    if w < 640 or h < 480:
        raise ValueError(f"--size: {text} is smaller than any kiosk screen (640x480)")
    return w, h


def has_display(env: Mapping[str, str]) -> bool:
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def choose_run_mode(args: argparse.Namespace, env: Mapping[str, str]) -> RunMode:
    """The one place that decides how to run; must be called before a QApplication exists."""
    if args.screenshot is not None:
        return RunMode.SCREENSHOT
    if args.autopilot is not None:
        return RunMode.AUTOPILOT
    if not has_display(env):
        return RunMode.GALLERY
    return RunMode.WINDOW


def demo_config(*, start_server: bool) -> Config:
    """The demo environment of kiosk.demo.environment (the county server only when it is needed)."""
    from kiosk.demo import environment as demo

    env = demo.prepare_demo(start_server=start_server)
    return env.config if hasattr(env, "config") else env  # type: ignore[return-value]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    mode = choose_run_mode(args, os.environ)
    from kiosk.shell import qt_messages

    qt_messages.install()  # offscreen and multimedia noise out; real warnings still shown
    if mode in (RunMode.SCREENSHOT, RunMode.GALLERY):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if mode is RunMode.AUTOPILOT and not has_display(os.environ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        if args.demo:
            # the no-display demo also runs a short autopilot, which needs the residents
            config = demo_config(
                start_server=mode in (RunMode.WINDOW, RunMode.AUTOPILOT, RunMode.GALLERY)
            )
        else:
            config = load_config(args.config or DEFAULT_CONFIG_PATH)
    except ConfigError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return EXIT_USAGE

    from kiosk.private_files import prepare_data_dir

    try:
        tightened = prepare_data_dir(config)
    except ConfigError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return EXIT_USAGE

    import logging

    from kiosk.logging_setup import setup_logging

    setup_logging(config)
    for change in tightened:
        logging.getLogger("kiosk.main").warning(
            "permissions tightened (others could read it): %s", change
        )
    if mode is RunMode.SCREENSHOT:
        from kiosk.demo.screenshots.gallery import render_screenshot

        w, h = args.size_wh
        return render_screenshot(config, args.screen, w, h, args.lang or config.ui.language,
                                 args.screenshot)  # fmt: skip
    if mode is RunMode.GALLERY:
        from kiosk.demo.screenshots.gallery import SCENES, render_gallery

        # the demo's data directory is removed at exit: keep its pictures where the user is
        folder = GALLERY_DIR if args.demo else config.paths.data_dir / "screenshots"
        if not args.demo:
            from kiosk.private_files import make_private_dir

            make_private_dir(folder)  # inside the data directory: the kiosk user's alone
        print(
            "kiosk: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can "
            f"open.\nWriting a picture of every screen to {folder} instead.\n"
            "Run `kiosk --demo` inside a desktop session, or set QT_QPA_PLATFORM "
            "(e.g. eglfs or linuxfb) on a kiosk without X.",
            file=sys.stderr,
        )
        print(
            f"kiosk: {len(GALLERY_SIZES) * 2 * len(SCENES)} pictures "
            f"({len(SCENES)} screens, sizes {', '.join(GALLERY_SIZES)}, Chinese and English); "
            "this takes a minute or two:",
            file=sys.stderr,
        )
        written = render_gallery(
            config,
            folder,
            GALLERY_SIZES,
            lambda done, total: print(f"kiosk:   {done}/{total}", file=sys.stderr, flush=True),
        )
        print(f"kiosk: wrote {len(written)} pictures to {folder}", file=sys.stderr)
        if args.demo:
            return demo_autopilot(config)
        return EXIT_OK
    if mode is RunMode.AUTOPILOT:
        from kiosk.demo.autopilot import runner as autopilot

        return int(autopilot.run(config, args.autopilot))
    code = run_window(config, demo=args.demo)
    if code == EXIT_RESTART:  # maintenance mode's "restart the application"
        restart_in_place(sys.argv[1:] if argv is None else list(argv))
    return code


def restart_in_place(argv: list[str]) -> None:
    """Replace this process with a fresh kiosk (same arguments, same pid for the supervisor)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "kiosk.main", *argv])


DEMO_AUTOPILOT_SESSIONS = 6


def demo_autopilot(config: Config) -> int:
    """No display in the demo: after the pictures, show the flows working by a short autopilot."""
    from kiosk.demo.autopilot import runner as autopilot

    print(
        f"kiosk: now running {DEMO_AUTOPILOT_SESSIONS} simulated resident sessions offscreen "
        "(kiosk --demo --autopilot N runs more):",
        file=sys.stderr,
    )
    return int(autopilot.run(config, DEMO_AUTOPILOT_SESSIONS))


def run_window(config: Config, *, demo: bool) -> int:
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskApp

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    if demo and config.devices.card == "simulated":
        from drivers.card.simulated import SimulatedCardReader
        from kiosk.demo.keys import DemoKeys

        reader = SimulatedCardReader()
        from drivers.fingerprint.simulated import SimulatedSensor
        from kiosk.demo.panel import DemoFingerKeys

        sensor = SimulatedSensor()
        kiosk = KioskApp(config, open_reader=lambda: reader, open_sensor=lambda: sensor)
        from kiosk.demo.cards import load_demo_cards

        keys = DemoKeys(reader, lambda: load_demo_cards(config), kiosk)
        qapp.installEventFilter(keys)
        qapp.installEventFilter(DemoFingerKeys(sensor, reader, kiosk))
        print("kiosk demo: F2 a pensioner due to certify, F3 remove the card, F4 a rare name, "
              "F5 a bank card, F6 expired, F7 unreadable, F11 unemployed, F12 no benefits "
              "(residents from the local cache)", file=sys.stderr)  # fmt: skip
        print("kiosk demo: F8 place the enrolled finger, F9 a wrong one, F10 a poor image",
              file=sys.stderr)  # fmt: skip
    else:
        kiosk = KioskApp(config)

    def quit_on_purpose(*_: object) -> None:
        # QApplication.quit() would ask the window to close, and the kiosk window refuses.
        kiosk.window.allow_close()
        qapp.exit(EXIT_OK)

    # SIGTERM/SIGINT (service manager, Ctrl+C) quit on purpose; the timer lets Python see them.
    signal.signal(signal.SIGTERM, quit_on_purpose)
    signal.signal(signal.SIGINT, quit_on_purpose)
    wake = QTimer()
    wake.start(SIGNAL_POLL_MS)
    wake.timeout.connect(lambda: None)
    kiosk.start()
    code = qapp.exec()
    kiosk.shutdown()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
