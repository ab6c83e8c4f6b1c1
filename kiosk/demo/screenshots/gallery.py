"""Pictures of screens, rendered offscreen: `kiosk --screenshot`, the no-display fallback, the docs.

Each *scene* puts the application into one state with synthetic data (kiosk.demo.samples) and a
fixed clock, so pictures are reproducible. Scene names are screen names, plus `idle` (the
countdown overlay) and `reading_card`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtWidgets import QApplication

from drivers.card.simulated import SimulatedCardReader
from kiosk.app import KioskApp
from kiosk.config import Config
from kiosk.demo.samples import SAMPLE_CARD
from kiosk.demo.screenshots.certify_scenes import CERTIFICATION_SCENES
from kiosk.demo.screenshots.info_scenes import INFO_SCENES
from kiosk.demo.screenshots.maintenance_scenes import MAINTENANCE_SCENES
from kiosk.demo.screenshots.statement_scenes import STATEMENT_SCENES
from kiosk.screens.base import ScreenParams
from kiosk.screens.common.error import ErrorKind, ErrorParams
from kiosk.screens.common.insert_card import InsertCardScreen
from kiosk.screens.names import ScreenName

log = logging.getLogger(__name__)

SCREENSHOT_TIME = datetime(2026, 11, 28, 14, 32)


def _go(name: ScreenName, params: ScreenParams | None = None) -> Callable[[KioskApp], None]:
    def scene(app: KioskApp) -> None:
        app.navigator.go(name, params)

    return scene


def _greeting(app: KioskApp) -> None:
    app.session.set_card(SAMPLE_CARD, SCREENSHOT_TIME)
    app.navigator.go(ScreenName.GREETING)


def _reading(app: KioskApp) -> None:
    screen = app.navigator.go(ScreenName.INSERT_CARD)
    assert isinstance(screen, InsertCardScreen)
    screen.show_reading()


def _idle(app: KioskApp) -> None:
    app.navigator.go(ScreenName.INSERT_CARD)
    app.overlay.start(app.config.ui.countdown)


SCENES: dict[str, Callable[[KioskApp], None]] = {
    "home": _go(ScreenName.HOME),
    "insert_card": _go(ScreenName.INSERT_CARD),
    "reading_card": _reading,
    "greeting": _greeting,
    "help": _go(ScreenName.HELP),
    "error": _go(ScreenName.ERROR, ErrorParams(ErrorKind.NOT_SSC)),
    "take_card": _go(ScreenName.TAKE_CARD),
    "out_of_service": _go(ScreenName.OUT_OF_SERVICE),
    "idle": _idle,
}

# Statement printing flow
SCENES.update(STATEMENT_SCENES)
# Qualification certification (资格认证)
SCENES.update(CERTIFICATION_SCENES)
# Information services (benefits, jobs, notices) and the rating
SCENES.update(INFO_SCENES)
# Maintenance mode (technicians)
SCENES.update(MAINTENANCE_SCENES)


def qapplication() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def build_for_picture(config: Config, width: int, height: int, language: str) -> KioskApp:
    qapplication()
    reader = SimulatedCardReader()
    app = KioskApp(config, size=QSize(width, height), open_reader=lambda: reader,
                   clock=lambda: SCREENSHOT_TIME)  # fmt: skip
    app.translations.set_language(language)
    return app


def grab(app: KioskApp, out: Path) -> None:
    app.window.resize(app.geometry.size())
    app.window.show()
    for _ in range(3):
        QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not app.window.grab().save(str(out), "PNG"):
        raise OSError(f"could not write {out}")


def render_scene(
    config: Config, scene: str, width: int, height: int, language: str, out: Path
) -> None:
    app = build_for_picture(config, width, height, language)
    try:
        app.navigator.go(ScreenName.HOME)
        SCENES[scene](app)
        app.session.language = language
        grab(app, out)
    finally:
        dispose(app)


def dispose(app: KioskApp) -> None:
    """Shut `app` down and free its window now. `deleteLater` alone waits for an event loop
    that pictures and tests never enter (processEvents does not delete), so a gallery of 300
    scenes kept every window, several GB."""
    app.shutdown()
    app.window.deleteLater()
    app.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def render_screenshot(
    config: Config, scene: str, width: int, height: int, language: str, out: Path
) -> int:
    if scene not in SCENES:
        print(f"kiosk: unknown screen {scene!r}; known: {', '.join(SCENES)}", file=sys.stderr)
        return 2
    render_scene(config, scene, width, height, language, out)
    print(out)
    return 0


def render_gallery(
    config: Config,
    folder: Path,
    sizes: Sequence[str],
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Every scene at every size in both languages: `<scene>-<W>x<H>-<lang>.png`.
    `progress(done, total)` after each size and language (the no-display demo reports it)."""
    written: list[Path] = []
    total = len(sizes) * 2 * len(SCENES)
    for size in sizes:
        width, height = (int(x) for x in size.split("x"))
        for language in ("zh", "en"):
            for scene in SCENES:
                out = folder / f"{scene}-{width}x{height}-{language}.png"
                render_scene(config, scene, width, height, language, out)
                written.append(out)
            if progress is not None:
                progress(len(written), total)
    return written
