"""The app on a fresh demo workspace with a fixed date, for SVG snapshots."""

import datetime as dt
import tempfile
from pathlib import Path

from casefile.demo import build_demo
from tui.textual_app.app import CasefileApp

root = Path(tempfile.mkdtemp(prefix="casefile-snap-")) / "ws"
app = CasefileApp(build_demo(root), dt.date(2026, 11, 23))

if __name__ == "__main__":
    app.run()
