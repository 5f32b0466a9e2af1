"""Every CLI command has Chinese help text and a --workspace option where it touches one;
``casefile --help`` lists them without importing any command module."""

import subprocess
import sys
from pathlib import Path

import click

from tui.cli import cli
from tui.cli.main import COMMANDS

REPO = Path(__file__).resolve().parents[1]


def _walk(group, prefix=()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, prefix + (name,))


def test_every_command_has_help():
    missing = [" ".join(p) for p, c in _walk(cli) if not (c.help or "").strip()]
    assert not missing, missing
    for path, cmd in _walk(cli):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in cmd.help), f"{' '.join(path)} help is not Chinese"


def test_every_leaf_command_takes_workspace():
    exempt = {("case", "validate"), ("extract",)}
    for path, cmd in _walk(cli):
        if isinstance(cmd, click.Group) or path in exempt:
            continue
        opts = {o for p in cmd.params for o in getattr(p, "opts", [])}
        assert "--workspace" in opts, f"{' '.join(path)} has no --workspace"


def test_command_table_short_help_is_the_commands_own():
    ctx = click.Context(cli)
    for name, (_, short) in COMMANDS.items():
        cmd = cli.get_command(ctx, name)
        assert cmd.name == name
        assert short == cmd.get_short_help_str(limit=1000), f"COMMANDS[{name!r}] differs from the command's help"


def test_help_lists_every_command_without_importing_the_domain():
    code = (
        "import sys\n"
        "from tui.cli.main import cli\n"
        "rc = cli.main(['--help'], prog_name='casefile')\n"
        "heavy = {'docx', 'docxtpl', 'whoosh', 'tantivy', 'jinja2', 'checklists', 'index'}\n"
        "print('LOADED', ','.join(sorted(n for n in sys.modules if n.split('.')[0] in heavy\n"
        "                                or n.startswith(('tui.application', 'tui.cli.')) and n != 'tui.cli.main')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    listed, loaded = out.rsplit("LOADED", 1)
    assert loaded.strip() == "", f"casefile --help loaded {loaded.strip()}"
    for name in COMMANDS:
        assert f"\n  {name} " in listed, name
    assert "  case       案件：新建、列表、查看。\n" in listed


def test_case_list_loads_neither_the_renderer_nor_the_index_engines(demo_ws):
    code = (
        "import sys\n"
        "from tui.cli.main import cli\n"
        f"rc = cli.main(['--workspace', {str(demo_ws.root)!r}, 'case', 'list', '--json'], prog_name='casefile')\n"
        "heavy = {'docx', 'docxtpl', 'jinja2', 'whoosh', 'tantivy', 'spacy', 'jieba', 'textual'}\n"
        "print('LOADED', rc, ','.join(sorted({n.split('.')[0] for n in sys.modules} & heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    listed, loaded = out.rsplit("LOADED", 1)
    assert '"SJ-2026-088"' in listed  # the demo's cases were listed
    assert loaded.split() == ["0"], f"casefile case list loaded {loaded.split()[1:]}"


def test_a_search_loads_neither_the_extraction_nor_the_renderer(indexed_demo_ws):
    """The first query of a process pays for what it imports (issue 33: ≤ 300 ms): the extraction
    package (a hundred patterns compiled) is for indexing, not for answering a query."""
    code = (
        "import sys\n"
        "from tui.cli.main import cli\n"
        f"rc = cli.main(['--workspace', {str(indexed_demo_ws.root)!r}, 'search', '听证', '--json'], prog_name='casefile')\n"
        "heavy = ('casefile.ingest.extract', 'spacy', 'docx', 'docxtpl', 'jinja2', 'whoosh', 'textual')\n"
        "print('LOADED', rc, ','.join(sorted({n for n in sys.modules if n.startswith(heavy)})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    listed, loaded = out.rsplit("LOADED", 1)
    assert '"total"' in listed and '"hits"' in listed
    assert loaded.split() == ["0"], f"casefile search loaded {loaded.split()[1:]}"
