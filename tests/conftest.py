from __future__ import annotations

import inspect
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# real published decisions (cfws.samr.gov.cn) copied from the benchmark corpus: the tests read only these
SAMR = DATA / "samr"


# -- the session: one cache, one page counter, markers (issue 26: tests in minutes) ---------------
# files whose tests read the corpora in tests/data (dossiers, samr decisions) in module fixtures
CORPUS_FILES = {"test_dossiers.py", "test_defects.py", "test_decision_review.py", "test_search_lands.py", "test_citations.py"}


def pytest_configure(config):
    """A cache directory for this test session, never the user's ~/.cache/casefile (set before
    anything reads it; pytest-xdist workers inherit the controller's), and pages counted by
    estimate in subprocesses too (tests marked ``slow`` lay them out with LibreOffice)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        config.casefile_cache = tempfile.mkdtemp(prefix="casefile-test-cache-")
        os.environ["CASEFILE_CACHE"] = config.casefile_cache
    os.environ["CASEFILE_PAGES"] = "estimate"
    os.environ["CASEFILE_USER"] = TESTER  # session fixtures too act as the tester (see _acting_tester)


def pytest_unconfigure(config):
    if getattr(config, "casefile_cache", None):
        shutil.rmtree(config.casefile_cache, ignore_errors=True)


# files that take longest (``--durations``): Pilot walks typing whole cases, the corpus imports
LONGEST_FILES = ("test_tui_roles.py", "test_dossiers.py", "test_tui_handler.py", "test_index.py", "test_tui_looks.py",
                 "test_templates.py", "test_dossiers_sectors.py", "test_search_lands.py", "test_tui_import.py", "test_tui.py",
                 "test_tui_office.py", "test_application.py", "test_case_types_import.py", "test_search_fresh.py",
                 "test_tui_forms.py")


def pytest_collection_modifyitems(items):
    """``tui``: Pilot walks and snapshots (async tests drive the app); ``corpus``: the corpus files.
    The fast loop: ``pytest -m "not tui and not corpus and not slow"``."""
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "function", None)) or "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.tui)
        if item.path.name in CORPUS_FILES:
            item.add_marker(pytest.mark.corpus)
    # the longest files first: pytest-xdist (--dist loadfile) hands files out in this order, and a long
    # one handed out last keeps one core busy while the other waits
    rank = {name: i for i, name in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session", autouse=True)
def _estimated_pages_for_the_session():
    """Session and module fixtures (the demo template, the corpus imports) count pages by
    estimate too: LibreOffice only in tests marked ``slow`` (see ``_estimated_pages``)."""
    from casefile.output import pages
    with pages.using(pages.EstimateCounter()):
        yield


@pytest.fixture
def snap_compare(snap_compare, demo_template, tmp_path, monkeypatch):
    """Snapshots over a copy of the session's demo (tests/snap_app.py opens CASEFILE_SNAP_WS)."""
    ws = tmp_path / "snap-ws"
    shutil.copytree(demo_template, ws)
    monkeypatch.setenv("CASEFILE_SNAP_WS", str(ws))
    return snap_compare


# -- workspaces -------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """One demo workspace built per test session; tests copy it before changing it."""
    from casefile.output.demo import build_demo

    root = tmp_path_factory.mktemp("demo-template") / "ws"
    build_demo(root)
    add_tester(root)
    return root


# The tests act as one person doing every part (the demo's own users each hold their roles): a user
# holding every role and no 执法证号, so no case is his own and separation of duties never stops him.
TESTER = "ceshi"


def add_tester(root: Path) -> None:
    from casefile.store import users
    users.add(root, users.User(login=TESTER, name="测试员", roles=list(users.ROLES)))


@pytest.fixture(autouse=True)
def _acting_tester(monkeypatch):
    """Every test acts as the tester in a workspace that lets CASEFILE_USER name the user (the demo)."""
    monkeypatch.setenv("CASEFILE_USER", TESTER)


def _copy(template: Path, dst: Path):
    """A workspace of the test's own, copied from a session template (never changed itself)."""
    from casefile.store.workspace import Workspace

    shutil.copytree(template, dst)
    return Workspace.open(dst)


@pytest.fixture
def demo_ws(demo_template, tmp_path):
    return _copy(demo_template, tmp_path / "ws")


@pytest.fixture(scope="session")
def indexed_demo_template(demo_template, tmp_path_factory) -> Path:
    """The session's demo with its search index built (as the first search leaves it); copied by
    ``indexed_demo_ws`` for tests about searching, so that each does not build the index again."""
    import index

    root = tmp_path_factory.mktemp("indexed-demo-template") / "ws"
    index.ensure(_copy(demo_template, root))
    return root


@pytest.fixture
def indexed_demo_ws(indexed_demo_template, tmp_path):
    return _copy(indexed_demo_template, tmp_path / "ws")


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
def _estimated_pages(request, monkeypatch):
    """Unit tests count pages by estimate; only tests marked ``slow`` lay documents out
    with LibreOffice (issue 14: LibreOffice off the hot path)."""
    from casefile.output import pages
    if request.node.get_closest_marker("slow"):
        monkeypatch.delenv("CASEFILE_PAGES", raising=False)
        with pages.using(None):  # the counter the environment chooses: LibreOffice when installed
            yield
        return
    with pages.using(pages.EstimateCounter()):
        yield
