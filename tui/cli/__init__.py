"""The click command line: ``casefile …``. Each module here registers one area's commands."""

from tui.cli.main import cli, main

__all__ = ["cli", "main"]
