"""The click command line: ``casefile …``. Each module here holds one area's commands; the table in
``tui/cli/main.py`` (``COMMANDS``) names them, and a module is imported only when its command runs."""

from tui.cli.main import cli, main

__all__ = ["cli", "main"]
