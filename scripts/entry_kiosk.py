"""PyInstaller entry point for the `kiosk` program."""

import sys

from kiosk.main import main

sys.exit(main())
