"""案卷评查 of an archive: choose what to evaluate (files, folders, packages, cases of
the workspace), draw a sample, evaluate in worker processes by a chosen standard,
keep the findings apart from the cases and write the report. The CLI's
``casefile evaluate`` and the TUI's 评查 screen both call :func:`run_evaluation`.

Files, folders and packages are evaluated in each worker's scratch workspace
(``checklists.evaluation.units``): nothing is imported into the agency's
workspace and no case is written; only ``evaluations/<id>.jsonl`` is added."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from casefile.errors import UsageError, WorkspaceError
from casefile.model import ActKind, Case
from casefile.store.workspace import Workspace
from tui.application.access import guarded
from tui.application.core import Service
from tui.application.lazy import lazy_module

if TYPE_CHECKING:
    from checklists.evaluation.units import Evaluator

# what a unit is and how it is evaluated loads the packager and the binder (python-docx): only when
# an evaluation runs, not for every command that opens the application layer
sampling = lazy_module("checklists.evaluation.sampling")
standards = lazy_module("checklists.evaluation.standards")
store = lazy_module("checklists.evaluation.store")
strata = lazy_module("checklists.evaluation.strata")
evaluation_units = lazy_module("checklists.evaluation.units")

Progress = Callable[[int, int, str], None]
CHUNK = 8  # units a worker takes at a time: few round trips, and the two workers stay busy to the end
IN_PROCESS = 6  # up to this many units, starting workers costs more than it saves
REPORT_KINDS = (".xlsx", ".docx")
ERROR = "出错："  # a progress label that reports a unit that could not be evaluated


@dataclass
class EvaluationRequest:
    """What a 评查人员 chooses (CLI options, the TUI form)."""

    paths: list[Path] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    all_cases: bool = False
    year: int | None = None
    sample: str = ""  # "50" or "10%"
    seed: str = "0"
    focus: list[str] = field(default_factory=list)  # 重点: agencies, 类型 or sectors named
    standard: str = standards.DEFAULT
    dossier: bool = False  # each folder given is one dossier
    out: Path | None = None
    store: bool = True
    workers: int = 2


@dataclass
class Evaluation:
    id: str
    created: str
    standard: str
    standard_title: str
    results: list[dict[str, Any]]
    problems: list[dict[str, str]]
    draw: dict[str, Any] | None = None
    stored: str = ""
    report: str = ""
    draw_file: str = ""
    record: dict[str, Any] = field(default_factory=dict)  # what was evaluated, how, and the draw: the store's first line

    def header(self, request: EvaluationRequest) -> dict[str, Any]:
        return {"id": self.id, "created": self.created, "standard": self.standard, "standard_title": self.standard_title,
                "paths": [str(p) for p in request.paths], "cases": request.cases, "all": request.all_cases,
                "year": request.year, "draw": self.draw, "problems": self.problems}


def open_workspace(root: Path | str | None, needed: bool) -> Workspace | None:
    """The agency's workspace when there is one; evaluating files needs none."""
    try:
        return Workspace.open(root)
    except WorkspaceError:
        if needed:
            raise
        return None


def _case_year(case: Case) -> int | None:
    """The year of the decision (else of the latest act): what a year's 评查 selects."""
    decided = [a.date for a in case.acts if a.kind == ActKind.DECISION]
    dates = decided or sorted(a.date for a in case.acts)
    return dates[-1].year if dates else None


def case_units(ws: Workspace, request: EvaluationRequest) -> list[dict[str, str]]:
    ids = [ws.resolve(c) for c in request.cases]
    if request.all_cases or request.year:
        for cid in ws.case_ids():
            if cid not in ids and (not request.year or _case_year(ws.load_case(cid)) == request.year):
                ids.append(cid)
    return [evaluation_units.unit("case", cid, f"case:{cid}") for cid in ids]


def _distinct(units: list[dict[str, str]]) -> list[dict[str, str]]:
    """Sorted by key, each file once; two files that share a key (a.txt under two folders named
    alike) are told apart by a number, in the order of their paths."""
    seen_paths, seen_keys, out = set(), {}, []
    for u in sorted(units, key=lambda u: (u["key"], u["path"])):
        real = str(Path(u["path"]).resolve()) if u["kind"] != "case" else u["path"]
        if real in seen_paths:
            continue
        seen_paths.add(real)
        n = seen_keys[u["key"]] = seen_keys.get(u["key"], 0) + 1
        out.append(u if n == 1 else {**u, "key": f"{u['key']}#{n}"})
    return out


def choose(request: EvaluationRequest, ws: Workspace | None) -> tuple[list[dict[str, str]], list[dict[str, str]], dict | None]:
    """(units to evaluate, problems, the draw or None), the units sorted by key."""
    units, problems = evaluation_units.collect(request.paths, dossier=request.dossier)
    if ws is not None:
        units += case_units(ws, request)
    if not units and not problems:
        raise UsageError("没有可评查的文书或案件", details=["给出文件、目录或案卷包，或用 --case / --all / --year 选择工作区的案件"])
    units = _distinct(units)
    if not request.sample:
        return units, problems, None
    try:
        size, ratio = sampling.parse_size(request.sample)
    except ValueError as e:
        raise UsageError(str(e)) from None
    pairs = [(u["key"], strata.stratum(u, request.focus, ws)) for u in units]
    draw = sampling.draw(pairs, size=size, ratio=ratio, seed=str(request.seed))
    draw["focus"] = request.focus
    keep = sampling.drawn_keys(draw)
    return [u for u in units if u["key"] in keep], problems, draw


_WORKER: "Evaluator | None" = None


def _start_worker(source: str | None, today: dt.date, standard: str, scratch: str) -> None:
    global _WORKER
    _WORKER = evaluation_units.Evaluator(Path(source) if source else None, today, standard, Path(scratch))


def _evaluate_chunk(units: list[dict[str, str]]) -> list[dict[str, Any]]:
    return [_WORKER.evaluate(u) for u in units]


def _scratch_parent() -> Path | None:
    # in memory where the system has it: the scratch cases are written and removed at once
    shm = Path("/dev/shm")
    return shm if shm.is_dir() else None


def _label(r: dict[str, Any]) -> str:
    return ERROR + r["error"] if r.get("error") else r["key"]


def _start_resource_tracker() -> None:
    """Spawned workers need multiprocessing's resource tracker, which passes it our stderr; under the
    terminal UI stderr is a capture without a file descriptor (fileno -1), so the tracker is started
    once with the real one."""
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        return
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def evaluate_units(units: list[dict[str, str]], *, source: Path | None, today: dt.date, standard: str,
                   workers: int = 2, progress: Progress | None = None, mp_context: str | None = None) -> list[dict[str, Any]]:
    """Each unit's result, in the order of ``units``; worker processes when there are enough units."""
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="casefile-evaluate-", dir=_scratch_parent()) as scratch:
        if len(units) > IN_PROCESS and workers > 1:
            try:
                _in_workers(units, results, (str(source) if source else None, today, standard, scratch), workers, progress, mp_context)
            except BrokenProcessPool:
                pass  # a worker died (killed, out of memory): what it had not finished is evaluated here
        rest = [u for u in units if u["key"] not in results]
        if rest:
            ev = evaluation_units.Evaluator(source, today, standard, Path(scratch))
            try:
                for u in rest:
                    results[u["key"]] = ev.evaluate(u)
                    if progress:
                        progress(len(results), len(units), _label(results[u["key"]]))
            finally:
                ev.close()
    return [results[u["key"]] for u in units]


def _in_workers(units: list[dict[str, str]], results: dict[str, dict[str, Any]], initargs: tuple, workers: int,
                progress: Progress | None, mp_context: str | None) -> None:
    ctx = multiprocessing.get_context(mp_context) if mp_context else None
    if mp_context in ("spawn", "forkserver"):
        _start_resource_tracker()
    chunks = [units[i:i + CHUNK] for i in range(0, len(units), CHUNK)]
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_start_worker, initargs=initargs) as pool:
        for fut in as_completed([pool.submit(_evaluate_chunk, c) for c in chunks]):
            for r in fut.result():
                results[r["key"]] = r
                if progress:
                    progress(len(results), len(units), _label(r))


def run_evaluation(request: EvaluationRequest, *, workspace_root: Path | str | None, today: dt.date,
                   now: dt.datetime | None = None, progress: Progress | None = None,
                   mp_context: str | None = None) -> Evaluation:
    if request.out is not None and request.out.suffix.lower() not in REPORT_KINDS:
        raise UsageError(f"报告应为 .xlsx 或 .docx 文件，而不是“{request.out.name}”")
    std = standards.load(request.standard)
    ws = open_workspace(workspace_root, needed=bool(request.cases or request.all_cases or request.year))
    units, problems, draw = choose(request, ws)
    now = now or dt.datetime.now()
    results = evaluate_units(units, source=ws.root if ws else None, today=today, standard=std.name,
                             workers=request.workers, progress=progress, mp_context=mp_context)
    ev = Evaluation(store.new_id(now), now.isoformat(timespec="seconds"), std.name, std.title, results, problems, draw)
    ev.record = ev.header(request)
    if request.store and ws is not None:
        ev.stored = str(store.save(ws.root, ev.record, results))
    if request.out is not None:
        write_report(ev, request.out, history_root=ws.root if ws else None)
    return ev


def write_report(ev: Evaluation, out: Path, history_root: Path | None = None) -> Path:
    """The .xlsx workbook or the .docx 评查报告 (with the findings over time when a workspace keeps them);
    a sampled evaluation's draw beside it, ``<report>.抽样记录.json``."""
    from checklists.evaluation import report_docx, report_xlsx  # openpyxl, python-docx and matplotlib: only when a report is asked

    out.parent.mkdir(parents=True, exist_ok=True)
    past = store.history(history_root) if history_root else None
    meta = {"id": ev.id, "created": ev.created, "standard": ev.standard_title, "draw": ev.draw,
            "grades": [g["name"] for g in standards.load(ev.standard).grades]}
    if out.suffix.lower() == ".xlsx":
        report_xlsx.write(out, ev.results, meta)
    else:
        report_docx.write(out, ev.results, meta, past)
    ev.report = str(out)
    if ev.draw is not None:
        draw_file = out.with_name(out.stem + ".抽样记录.json")
        draw_file.write_text(json.dumps(ev.record, ensure_ascii=False, indent=2), encoding="utf-8")
        ev.draw_file = str(draw_file)
    return out


def evaluation_history(workspace_root: Path | str | None) -> dict[str, Any]:
    ws = open_workspace(workspace_root, needed=True)
    return store.history(ws.root)


def standard_names() -> list[tuple[str, str]]:
    return [(n, standards.load(n).title) for n in standards.names()]


def reading(result: dict[str, Any]) -> str:
    """One result as a 评查人员 reads it: the score, each finding with the text it rests on, the
    coverage notes, then the document itself (a lone file) with those passages marked 【…】."""
    from casefile.errors import CasefileError
    from casefile.ingest.textio import read_document
    from checklists.context import SEVERITY_NAMES
    from checklists.review_changes import rule_name

    if result.get("error"):
        return f"{result['file']}\n\n未能评查：{result['error']}"
    head = [f"{result.get('doc_no') or Path(result['file']).name}　{result.get('agency', '')}",
            (f"得分 {result['score']:g} / {result['full']:g}　等级 {result['grade']}" + ("（一票否决）" if result.get("vetoed") else ""))
            if result.get("scored") else f"不评分：{result.get('reason', '')}", ""]
    quotes = []
    for f in result["findings"]:
        name = rule_name(f["rule"])
        message = f["message"].removeprefix(name + "：")
        head.append(f"[{SEVERITY_NAMES.get(f['severity'], f['severity'])}] {name}"
                    + (f"（{f['item_name']}，{_deducted(f)}）" if f.get("item_name") else "") + f"：{message}")
        for e in f.get("evidence", ()):
            if e.get("text"):
                head.append(f"    原文：{e['text']}")
                quotes.append(e["text"])
        head.append(f"    依据：{f['basis']}")
    if not result["findings"]:
        head.append("未发现扣分问题。")
    if result.get("coverage"):
        head += ["", "本件无法显示的内容（说明，不扣分）："] + [f"  · {c['message']}" for c in result["coverage"]]
    if result.get("kind") == "file":
        try:
            text = read_document(Path(result["file"])).text
        except CasefileError as e:
            text = f"（无法读取原文：{e}）"
        for q in sorted(set(quotes), key=len, reverse=True):
            text = _mark(text, q)
        head += ["", "—— 原文 ——", text]
    return "\n".join(head)


def _deducted(f: dict[str, Any]) -> str:
    return "一票否决" if f.get("veto") else f"扣 {f.get('points') or 0:g} 分"


def _mark(text: str, quote: str) -> str:
    """The first place ``quote`` stands in ``text`` put in 【】; the quotes come from the text with its
    spaces and line breaks taken out, so any run of white space may sit between two characters."""
    import re

    chars = [re.escape(c) for c in quote if not c.isspace()]
    if not chars:
        return text
    m = re.search(r"\s*".join(chars), text)
    return text if m is None else f"{text[:m.start()]}【{m.group(0)}】{text[m.end():]}"


class Evaluations(Service):
    """The 评查 screen's operations over the session's workspace and clock."""

    @staticmethod
    def evaluation_standards() -> list[tuple[str, str]]:
        return standard_names()

    @staticmethod
    def evaluation_request(paths: str, cases: str, sample: str, seed: str, standard: str, focus: str = "") -> EvaluationRequest:
        """The form's answers as a request: paths split at ；/;, cases 全部, a year, or ids/文号 split at ，/,;
        the focus words split like the cases."""
        import re

        words = r"[，,、\s]+"
        req = EvaluationRequest(paths=[Path(p.strip()).expanduser() for p in re.split(r"[；;\n]", paths) if p.strip()],
                                sample=sample.strip(), seed=seed.strip() or "0", standard=standard or standards.DEFAULT,
                                focus=[w for w in re.split(words, focus) if w])
        wanted = cases.strip()
        if wanted == "全部":
            req.all_cases = True
        elif re.fullmatch(r"\d{4}", wanted):
            req.year = int(wanted)
        elif wanted:
            req.cases = [c for c in re.split(words, wanted) if c]
        return req

    @guarded("evaluate")
    def evaluate(self, request: EvaluationRequest, progress: Progress | None = None) -> Evaluation:
        # the screen runs this in a thread: workers are spawned, never forked from a threaded process
        return run_evaluation(request, workspace_root=self.ws.root, today=self.today, progress=progress, mp_context="spawn")

    def write_evaluation_report(self, ev: Evaluation, path: Path) -> Path:
        if path.suffix.lower() not in REPORT_KINDS:
            raise UsageError(f"报告应为 .xlsx 或 .docx 文件，而不是“{path.name}”")
        return write_report(ev, path, history_root=self.ws.root)

    def evaluation_history(self) -> dict[str, Any]:
        return store.history(self.ws.root)

    @staticmethod
    def evaluation_reading(result: dict[str, Any]) -> str:
        return reading(result)
