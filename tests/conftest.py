from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# real published decisions (cfws.samr.gov.cn) copied from the benchmark corpus: the tests read only these
SAMR = DATA / "samr"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """One demo workspace built per test session; tests copy it before changing it."""
    from casefile.demo import build_demo

    root = tmp_path_factory.mktemp("demo-template") / "ws"
    build_demo(root)
    add_tester(root)
    return root


# The tests act as one person doing every part (the demo's own users each hold their roles): a user
# holding every role and no 执法证号, so no case is his own and separation of duties never stops him.
TESTER = "ceshi"


def add_tester(root: Path) -> None:
    from casefile import users

    users.add(root, users.User(login=TESTER, name="测试员", roles=list(users.ROLES)))


@pytest.fixture(autouse=True)
def _acting_tester(monkeypatch):
    """Every test acts as the tester in a workspace that lets CASEFILE_USER name the user (the demo)."""
    monkeypatch.setenv("CASEFILE_USER", TESTER)


@pytest.fixture
def demo_ws(demo_template, tmp_path):
    import shutil

    from casefile.workspace import Workspace

    dst = tmp_path / "ws"
    shutil.copytree(demo_template, dst)
    return Workspace.open(dst)


@pytest.fixture
def run_cli():
    """Run the casefile CLI in-process; returns (exit_code, stdout, stderr)."""
    from click.testing import CliRunner

    from tui.cli import cli

    def run(*args: str, input: str | None = None):
        runner = CliRunner()
        result = runner.invoke(cli, list(args), input=input, standalone_mode=False, catch_exceptions=False)
        code = result.return_value if isinstance(result.return_value, int) else result.exit_code
        return code, result.stdout, result.stderr

    return run


@pytest.fixture(autouse=True)
def _estimated_pages(request):
    """Unit tests count pages by estimate; only tests marked ``slow`` lay documents out
    with LibreOffice (issue 14: LibreOffice off the hot path)."""
    from casefile import pages

    if request.node.get_closest_marker("slow"):
        yield
        return
    with pages.using(pages.EstimateCounter()):
        yield
