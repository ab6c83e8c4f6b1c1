"""Entry point: `python -m county_platform ...` (see cli.py)."""

from county_platform.cli import main

raise SystemExit(main())
