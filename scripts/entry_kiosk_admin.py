"""PyInstaller entry point for the `kiosk-admin` program."""

import sys

from kiosk.cli import main

sys.exit(main())
