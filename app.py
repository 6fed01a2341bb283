"""KohoGate (広報ゲート) — start here.

``uv run app.py`` opens the GUI; ``uv run app.py --help`` lists the commands.
The command line is parsed without Qt; the GUI is imported only when no
command is given, so commands stay fast and work on machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _gui(args: argparse.Namespace) -> int:
    import gc

    gc.disable()  # until the start is over, its imports included: gui.application.hold_collections
    import gui.pyside_imports  # noqa: F401 - before the rest of the GUI: see its docstring
    from gui.application import run

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    from cli.main import main as cli_main

    return cli_main(argv, gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
