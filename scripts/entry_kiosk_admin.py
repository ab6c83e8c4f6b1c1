"""PyInstaller entry point for the `kiosk-admin` program.

`kiosk-admin -m MODULE ARGS...` runs a bundled module the way `python -m` would, so code that starts
`sys.executable -m county_platform ...` or `-m kiosk.cli ...` (the demo) works in the bundle too.
"""

import runpy
import sys

if len(sys.argv) > 2 and sys.argv[1] == "-m":
    module = sys.argv[2]
    sys.argv = [module, *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
    sys.exit(0)

from kiosk.cli import main

sys.exit(main())
