"""The app on a demo workspace with a fixed date, for SVG snapshots: the copy of the test session's
demo that the ``snap_compare`` fixture (tests/conftest.py) names in CASEFILE_SNAP_WS, or, run by
hand, a new demo in a temporary folder."""

import datetime as dt
import os
import tempfile
from pathlib import Path

from casefile.store.workspace import Workspace
from tui.textual_app.app import CasefileApp

if os.environ.get("CASEFILE_SNAP_WS"):
    ws = Workspace.open(os.environ["CASEFILE_SNAP_WS"])
else:
    from casefile.output.demo import build_demo

    ws = build_demo(Path(tempfile.mkdtemp(prefix="casefile-snap-")) / "ws")
app = CasefileApp(ws, dt.date(2026, 11, 23))

if __name__ == "__main__":
    app.run()
