"""The no-display gallery reports its progress (a new user would otherwise wait a minute or two
in silence after "Writing a picture of every screen ...")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kiosk.demo.screenshots.gallery as screenshots


def test_the_gallery_writes_every_picture_and_reports_progress(
    kiosk_config: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    scenes = {name: screenshots.SCENES[name] for name in ("home", "help")}
    monkeypatch.setattr(screenshots, "SCENES", scenes)
    reports: list[tuple[int, int]] = []
    written = screenshots.render_gallery(
        kiosk_config(), tmp_path, ["1280x1024"], lambda done, total: reports.append((done, total))
    )
    assert reports == [(2, 4), (4, 4)]
    assert sorted(p.name for p in written) == [
        "help-1280x1024-en.png",
        "help-1280x1024-zh.png",
        "home-1280x1024-en.png",
        "home-1280x1024-zh.png",
    ]
    assert all(p.stat().st_size > 0 for p in written)
