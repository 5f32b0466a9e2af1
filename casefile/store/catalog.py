"""The catalogue: a small derived summary of every case, so that lists stay instant.

``<workspace>/.catalog.sqlite`` keeps one row per case folder: number, type,
procedure, state, parties and dates (``Case.summary()``), the case's open deadlines
and publicity duties (computed once, whatever today is), and what the annual
statistics count. List views — ``case list``, the TUI's first screen, ``publicity
due``, ``stats`` — read the rows and only compare the stored deadlines with today.

The case folders stay the truth. The catalogue notices on every read when a folder
changed — the stat (inode, size, mtime, ctime) of its ``case.toml`` and
``journal.jsonl``; every writer of a case goes through one of them — and rebuilds
that row; the writers never have to call it. A change of the rules profiles, the
workspace profile or the holiday calendar rebuilds every row. A case.toml that does
not load gives a row that names the case and the problem; the other rows are
unaffected. Deleting the file loses nothing: ``casefile catalogue rebuild`` (or any
read) makes it again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from casefile.law import deadlines, profiles

from casefile.output import publicity, stats
from casefile.law.days import calendar_for, file_signature
from casefile.errors import CasefileError
from casefile.law.periods import Deadline
from casefile.store.workspace import CASE_FILE, PROFILE_FILE, Workspace

CATALOG_FILE = ".catalog.sqlite"
# Bump when what a row holds (or how it is computed) changes: every row is rebuilt.
ROW_VERSION = "5"  # 5: outcomes, durations and publicity of 许可/强制/检查/审计 cases (issue 28)
# A file changed this recently may change again within the same timestamp tick with
# the same size; its row is written but not trusted on the next read (as git does).
RACY_NS = 2_000_000_000

SCHEMA_VERSION = 4  # of the tables below (PRAGMA user_version); another number drops and makes them again
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY,
    sig TEXT NOT NULL,
    error TEXT,
    -- Case.summary(), one column a key (parties as JSON): a list of 10,000 rows decodes no JSON per row
    number TEXT, title TEXT, type TEXT, procedure TEXT, state TEXT, sector TEXT, agency TEXT, parties TEXT,
    filed TEXT, decided TEXT,
    party TEXT, next_due TEXT,
    watch_from TEXT,  -- the first day any warning can show (NULL: none ever); other rows skip the deadlines
    year INTEGER,     -- the year the annual statistics count the case in
    periods TEXT,     -- [open deadlines, publicity duties]: what the warnings are computed from
    publicity TEXT, stats TEXT
);
CREATE INDEX IF NOT EXISTS cases_year ON cases (year);
"""
N_COLUMNS = 20
# Case.summary()'s keys in its order; the columns above hold them
SUMMARY_KEYS = ("id", "number", "title", "type", "procedure", "state", "sector", "agency", "parties", "filed", "decided")
_SUMMARY_COLUMNS = "number, title, type, procedure, state, sector, agency, parties, filed, decided"

Progress = Callable[[int, int, str], None]


@dataclass
class CaseSummary:
    """One case as the lists show it. ``warnings`` are for the day the list was asked for."""

    id: str
    summary: dict[str, Any]
    periods_json: str = "[[], []]"  # [open deadlines, publicity duties], decoded on demand
    warnings: list[deadlines.Warning] = field(default_factory=list)

    @property
    def deadlines(self) -> list[Deadline]:
        """The case's open periods (most rows of a long list never need them decoded)."""
        return [Deadline.from_json(d) for d in json.loads(self.periods_json)[0]]

    @property
    def publicity(self) -> list[publicity.Item]:
        return [publicity.Item.from_json(i) for i in json.loads(self.periods_json)[1]]

    def periods(self) -> tuple[list[Deadline], list[publicity.Item]]:
        dls, items = json.loads(self.periods_json)
        return [Deadline.from_json(d) for d in dls], [publicity.Item.from_json(i) for i in items]

    def to_dict(self) -> dict[str, Any]:
        """What ``case list --json`` prints for the case."""
        return dict(self.summary, warnings=[w.to_dict() for w in self.warnings])

    @property
    def party(self) -> str:
        parties = self.summary.get("parties") or []
        return parties[0]["name"] if parties else ""

    @property
    def next_due(self) -> str | None:
        return _next_due(self.deadlines, self.publicity)

    def matches(self, text: str) -> bool:
        s = self.summary
        return any(text in (x or "") for x in (s["id"], s["number"], s["state"], s["sector"], self.party))


@dataclass
class Listing:
    cases: list[CaseSummary]
    broken: list[tuple[str, str]]  # (case id, what is wrong) for case.toml files that do not load
    total: int = 0  # rows in the catalogue (more than len(cases) when a limit or filters applied)

    def to_dict(self) -> dict[str, Any]:
        return {"cases": [c.to_dict() for c in self.cases], "broken": [{"id": i, "error": e} for i, e in self.broken],
                "total": self.total}


@dataclass
class Refreshed:
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    pending: list[str] = field(default_factory=list)  # stale rows left for later (refresh with a limit)
    rebuilt_all: str = ""  # why every row was recomputed, if so

    def to_dict(self) -> dict[str, Any]:
        return {"updated": self.updated, "removed": self.removed, "unchanged": self.unchanged,
                "pending": len(self.pending), "rebuilt_all": self.rebuilt_all}


# -- the file -------------------------------------------------------------------------------
def path_of(ws: Workspace) -> Path:
    return ws.root / CATALOG_FILE


def _connect(ws: Workspace) -> sqlite3.Connection:
    """The workspace's catalogue; a damaged file is replaced (it is derived), and a
    workspace we may not write to gets a catalogue in memory for this process."""
    path = path_of(ws)
    for attempt in range(2):
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA journal_mode = WAL")  # readers never wait for the one writer
            conn.execute("PRAGMA synchronous = NORMAL")
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                conn.executescript(f"DROP TABLE IF EXISTS cases; DROP TABLE IF EXISTS meta; PRAGMA user_version = {SCHEMA_VERSION};")
            conn.executescript(_SCHEMA)
            return conn
        except sqlite3.DatabaseError:
            if attempt == 0 and path.exists() and os.access(ws.root, os.W_OK):
                for suffix in ("", "-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
                continue
            break
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript(_SCHEMA)
    return conn


def _context(ws: Workspace) -> str:
    """Everything besides a case's own files that its row depends on."""
    parts: list[Any] = [ROW_VERSION, _calendar_package_version(), file_signature(ws.root / PROFILE_FILE),
                        file_signature(ws.root / "calendar.toml")]
    for d in (profiles.builtin_dir(), ws.root / "profiles"):
        if d.is_dir():
            parts += [file_signature(p) for p in sorted(d.glob("*.toml"))]
    return json.dumps(parts, ensure_ascii=False, default=str)


def _calendar_package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chinesecalendar")
    except PackageNotFoundError:
        return ""


def _case_signature(case_dir: str, now_ns: int) -> str | None:
    """The stat of case.toml and journal.jsonl; None when the folder holds no case."""
    parts = []
    racy = False
    for name in (CASE_FILE, "journal.jsonl"):
        try:
            st = os.stat(f"{case_dir}/{name}")
        except FileNotFoundError:
            if name == CASE_FILE:
                return None
            parts.append("-")
            continue
        except OSError:
            return None
        parts.append(f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}")
        racy |= now_ns - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS
    sig = "|".join(parts)
    return "racy:" + sig if racy else sig


def _scan(ws: Workspace) -> dict[str, str]:
    """Case id -> signature for every folder holding a case.toml (one stat pair per case)."""
    out: dict[str, str] = {}
    if not ws.cases_dir.is_dir():
        return out
    now_ns = time.time_ns()
    with os.scandir(ws.cases_dir) as it:
        for entry in it:
            if entry.name.startswith(".") or not entry.is_dir():
                continue  # .<id>.creating: a case being made appears whole or not at all
            sig = _case_signature(entry.path, now_ns)
            if sig is not None:
                out[entry.name] = sig
    return out


# -- rows -----------------------------------------------------------------------------------
def _next_due(dls: Iterable[Deadline], items: Iterable[publicity.Item]) -> str | None:
    days = [d.due for d in dls if d.due] + [i.deadline.due for i in items if i.deadline and i.deadline.due and not i.done]
    return min(days).isoformat() if days else None


def _row(ws: Workspace, cid: str, sig: str) -> tuple:
    try:
        case = ws.load_case(cid)
        profile = profiles.load_profile_for(ws, case)
        cal = calendar_for(ws.root)
        dls = deadlines.open_deadlines(case, profile, cal)
        items = publicity.case_items(case, profile, cal)
        facts = stats.case_facts(ws, case)
    except (CasefileError, OSError, ValueError) as e:
        return (cid, sig, str(e) or type(e).__name__) + (None,) * (N_COLUMNS - 3)
    s = case.summary()
    if tuple(s) != SUMMARY_KEYS:
        raise RuntimeError(f"Case.summary() 的字段已改变（{tuple(s)}），请同步 casefile/store/catalog.py 的 SUMMARY_KEYS 与表结构")
    watch = deadlines.first_warning_day(dls, items)
    return (cid, sig, None, s["number"], s["title"], s["type"], s["procedure"], s["state"], s["sector"], s["agency"],
            json.dumps(s["parties"], ensure_ascii=False), s["filed"], s["decided"],
            case.party.name if case.party else "", _next_due(dls, items),
            watch.isoformat() if watch else None, facts["year"],
            json.dumps([[d.to_json() for d in dls], [i.to_json() for i in items]], ensure_ascii=False),
            json.dumps([i.to_json() for i in items], ensure_ascii=False), json.dumps(facts, ensure_ascii=False))


def refresh(ws: Workspace, *, limit: int | None = None, progress: Progress | None = None) -> Refreshed:
    """Bring the catalogue in line with the case folders: rows for new or changed
    folders are recomputed, rows of folders gone are dropped. With ``limit``, at most
    that many rows are recomputed now; the rest are returned as ``pending``."""
    conn = _connect(ws)
    try:
        return _refresh(ws, conn, limit, progress)
    finally:
        conn.close()


def _refresh(ws: Workspace, conn: sqlite3.Connection, limit: int | None, progress: Progress | None) -> Refreshed:
    out = Refreshed()
    context = _context(ws)
    stored_context = conn.execute("SELECT value FROM meta WHERE key = 'context'").fetchone()
    in_db = dict(conn.execute("SELECT id, sig FROM cases"))
    known = in_db
    if stored_context is None or stored_context[0] != context:
        out.rebuilt_all = "新建目录" if stored_context is None else "规则配置、工作区配置或工作日历已改变"
        known = {}
    on_disk = _scan(ws)
    stale = sorted(cid for cid, sig in on_disk.items() if known.get(cid) != sig or sig.startswith("racy:"))
    gone = [cid for cid in in_db if cid not in on_disk]
    todo, out.pending = (stale, []) if limit is None else (stale[:limit], stale[limit:])
    rows = []
    for i, cid in enumerate(todo, 1):
        if progress:
            progress(i, len(todo), cid)
        rows.append(_row(ws, cid, on_disk[cid]))
    out.updated, out.removed, out.unchanged = len(rows), len(gone), len(on_disk) - len(stale)
    if not rows and not gone and not out.rebuilt_all:
        return out
    conn.execute("BEGIN IMMEDIATE")
    try:
        if out.rebuilt_all:
            # rows not recomputed yet (limit) must not pass for current under the new context
            conn.execute("UPDATE cases SET sig = 'stale'")
        conn.executemany("DELETE FROM cases WHERE id = ?", [(cid,) for cid in gone])
        conn.executemany("INSERT OR REPLACE INTO cases VALUES (" + ",".join("?" * N_COLUMNS) + ")", rows)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('context', ?)", (context,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return out


def rebuild(ws: Workspace, progress: Progress | None = None) -> Refreshed:
    """Throw the catalogue away and make it again from the case folders."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path_of(ws)) + suffix).unlink(missing_ok=True)
    return refresh(ws, progress=progress)


# -- reading --------------------------------------------------------------------------------
@dataclass
class Filters:
    state: str | None = None
    sector: str | None = None
    case_type: str | None = None
    text: str | None = None  # in id, 文号, state, sector or party


def _rows(ws: Workspace, columns: str, do_refresh: bool, where: str = "", params: tuple = (),
          limit: int | None = None) -> tuple[list[tuple], int]:
    """The rows (after bringing the catalogue up to date unless told not to) and how many there are."""
    conn = _connect(ws)
    try:
        if do_refresh:
            _refresh(ws, conn, None, None)
        sql = f"SELECT id, error, {columns} FROM cases {where} ORDER BY id" + (f" LIMIT {int(limit)}" if limit is not None else "")
        rows = conn.execute(sql, params).fetchall()
        total = len(rows) if limit is None and not where else conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        return rows, total
    finally:
        conn.close()


def list_cases(ws: Workspace, today: dt.date, filters: Filters | None = None, *, refresh: bool = True,
               limit: int | None = None) -> Listing:
    """Every case with its warnings on ``today``, in id order, read from the catalogue.

    ``refresh=False`` reads what the catalogue holds without looking at the folders
    (a first screen, drawn while :func:`refresh` runs in the background); ``limit``
    reads only the first rows."""
    f = filters or Filters()
    rows, total = _rows(ws, f"{_SUMMARY_COLUMNS}, watch_from, periods", refresh, limit=limit)
    day = today.isoformat()
    cases, broken = [], []
    for row in rows:
        cid, error = row[0], row[1]
        if error is not None:
            broken.append((cid, error))
            continue
        s = dict(zip(SUMMARY_KEYS, (cid,) + row[2:12]))
        if (f.state and s["state"] != f.state) or (f.sector and s["sector"] != f.sector) or (f.case_type and s["type"] != f.case_type):
            continue
        s["parties"] = json.loads(s["parties"])
        watch, both = row[12:]
        c = CaseSummary(cid, s, both)
        if f.text and not c.matches(f.text):
            continue
        if watch is not None and day >= watch:  # before that day no period of the case is near
            c.warnings = deadlines.warnings_at(*c.periods(), today)
        cases.append(c)
    if refresh:
        broken += missing_facts(ws)
    return Listing(cases, broken, total)


def publicity_due(ws: Workspace, today: dt.date) -> list[publicity.Due]:
    """``publicity.due_list`` from the catalogue: the same answer, no case loaded."""
    out = []
    for cid, error, number, items in _rows(ws, "number, publicity", True, "WHERE publicity != '[]'")[0]:
        if error is None:
            out += [publicity.due_at(cid, number, publicity.Item.from_json(i), today) for i in json.loads(items)]
    return publicity.sort_dues(out)


def annual_stats(ws: Workspace, year: int) -> dict[str, Any]:
    """``stats.annual`` from the catalogue."""
    rows = _rows(ws, "stats", True, "WHERE year = ?", (year,))[0]
    return stats.aggregate(ws, (json.loads(s) for _, error, s in rows if error is None), year)


def broken_cases(ws: Workspace) -> list[tuple[str, str]]:
    return [(cid, error) for cid, error, _ in _rows(ws, "1", True)[0] if error is not None] + missing_facts(ws)


def missing_facts(ws: Workspace) -> list[tuple[str, str]]:
    """Case folders whose case.toml is gone while their journal is there: named, never silently dropped
    from the lists (casefile never deletes a case; a case folder that vanished is journal verify's)."""
    out = []
    if not ws.cases_dir.is_dir():
        return out
    with os.scandir(ws.cases_dir) as it:
        for entry in it:
            if entry.name.startswith(".") or not entry.is_dir():
                continue
            if not os.path.exists(f"{entry.path}/{CASE_FILE}") and os.path.exists(f"{entry.path}/journal.jsonl"):
                out.append((entry.name, f"{CASE_FILE} 已不存在（案件事实被删除），案件文件夹仍在"))
    return sorted(out)
