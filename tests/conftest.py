"""Test-wide set-up. Real-stack fixtures live in tests/fixtures/, one module per external part.

A test that needs a real component (pcscd + vpcd, cupsd, the county server, a pty) fails loudly
when it is missing: `make test` installs everything, so a missing part is a broken set-up, never a
reason to skip.
"""

from __future__ import annotations

import os

# Qt aborts without a display unless told to render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_NO_SOUND", "1")

pytest_plugins = [
    "tests.fixtures.common",
    "tests.fixtures.county",
    "tests.fixtures.pcsc",
    "tests.fixtures.sensor",
    "tests.fixtures.cups",
    "tests.fixtures.kiosk_app",
]
