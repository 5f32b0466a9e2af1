"""casefile evaluate PATH… — 案卷评查 of files, folders, packages or workspace cases;
casefile evaluate history — the findings of past evaluations."""

from __future__ import annotations

from pathlib import Path

import click

from tui.application import EVALUATION_ERROR, Clock, EvaluationRequest, evaluation_history, run_evaluation, table
from tui.cli.common import json_option, today_given, workspace_option, workspace_root
from tui.cli.output import emit, progress

HISTORY = "history"
DIMENSION_NAMES = {"rule": "规则", "item": "评查项目", "agency": "执法机关", "handler": "承办人", "month": "决定月份"}


class EvaluateGroup(click.Group):
    """``evaluate PATH…`` runs an evaluation; ``evaluate history`` is the one subcommand."""

    def parse_args(self, ctx, args):
        if not args or args[0] not in self.commands or args[0] in ("-h", "--help"):
            if not (args and args[0] in ("-h", "--help")):
                args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=EvaluateGroup)
def evaluate():
    """案卷评查：对文书、案卷目录、案卷包或工作区的案件批量评查计分。

    \b
    casefile evaluate PATH… [选项]       评查（选项见 casefile evaluate run --help）
    casefile evaluate history [--json]   历次评查的问题分布（按规则、评查项目、机关、承办人、月份）

    文件与目录在临时工作区中评查，不导入、不改动本工作区的案件；结果另存于工作区的 evaluations/。
    """


@evaluate.command("run")
@workspace_option
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--case", "cases", multiple=True, metavar="CASE", help="评查工作区的案件（案件编号或文号，可多次给出）")
@click.option("--all", "all_cases", is_flag=True, help="评查工作区的全部案件")
@click.option("--year", type=int, default=None, help="评查工作区中该年作出决定的案件")
@click.option("--sample", default="", metavar="N|R%", help="分层抽样：件数（如 50）或比例（如 10%）；重大、听证案件必查")
@click.option("--seed", default="0", show_default=True, help="抽样种子：同一种子、同一批文件抽出同样的样本")
@click.option("--focus", multiple=True, metavar="词", help="重点抽查：文本或案情中含该词（机关、类型、领域）的，按两倍比例抽取")
@click.option("--standard", default="default", show_default=True, help="评查标准（checklists/scoring/ 下的文件名）")
@click.option("--dossier", is_flag=True, help="把给出的每个目录当作一宗案卷（默认按内容判断：一宗案件的文书为一宗案卷；多份决定书逐份评查，子目录各为一宗案卷）")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="写出评查报告：REPORT.xlsx 或 REPORT.docx")
@click.option("--no-store", is_flag=True, help="不把结果存入工作区的 evaluations/")
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True, help="并行评查的进程数")
@json_option
def run(paths, cases, all_cases, year, sample, seed, focus, standard, dossier, out, no_store, workers, as_json):
    """评查 PATH…（文书文件、目录、案卷包 .zip）及 --case/--all/--year 选择的工作区案件。

    每件文书或案卷按其本身评查：单独一份公开的决定书不能显示的内容（卷内其他文书、立案日期等）
    列为说明，不扣分；公示摘要版本不评分。进度显示在终端（stderr），一个文件出错不影响其余文件。
    退出码：0 全部评查；1 有文件未能评查（逐个列出，其余结果照常输出）。
    """
    request = EvaluationRequest(paths=list(paths), cases=list(cases), all_cases=all_cases, year=year, sample=sample, seed=seed,
                                focus=list(focus), standard=standard, dossier=dossier, out=out, store=not no_store, workers=workers)
    today = _today()

    def tick(done: int, total: int, label: str) -> None:
        if label.startswith(EVALUATION_ERROR):
            progress(f"  {label}")
        if done == total or done % 25 == 0:
            progress(f"评查 {done}/{total}")

    ev = run_evaluation(request, workspace_root=workspace_root(), today=today, progress=tick)
    for p in ev.problems:
        progress(f"  跳过：{p['error']}")
    if ev.draw:
        d = ev.draw
        progress(f"抽样（种子 {d['seed']}）：必查 {len(d['drawn']['必查'])}、重点 {len(d['drawn']['重点'])}、一般 {len(d['drawn']['一般'])}，"
                 f"共 {d['count']} 件（总体 {sum(d['population'].values())} 件）")
        if d["over_size"]:
            progress(f"注意：必查案件 {len(d['drawn']['必查'])} 件已超过抽样数 {d['size']}，全部评查")
    if ev.stored:
        progress(f"结果已存入 {ev.stored}")
    if ev.report:
        progress(f"评查报告：{ev.report}" + (f"；抽样记录：{ev.draw_file}" if ev.draw_file else ""))
    emit([_public(r) for r in ev.results], as_json, lambda _: _human(ev))
    if ev.problems or any(r.get("error") for r in ev.results):
        raise click.exceptions.Exit(1)  # some files could not be evaluated: named above, the rest are in


def _today():
    """The day of the check: --today, CASEFILE_TODAY or the system date (a workspace is not needed)."""
    return Clock(today_given()).today()


JSON_KEYS = ("file", "kind", "case", "doc_no", "agency", "handlers", "decided", "score", "full", "grade", "scored", "reason",
             "vetoed", "standard", "items", "findings", "coverage", "error")


def _public(r: dict) -> dict:
    """One document or dossier as --json gives it (the sampling key and timings stay in the store)."""
    return {k: r[k] for k in JSON_KEYS if k in r}


def _human(ev) -> None:
    rows = []
    for r in ev.results:
        if r.get("error"):
            rows.append([Path(r["file"]).name, "", "出错", r["error"][:40]])
        else:
            rows.append([r.get("doc_no") or Path(r["file"]).name, r.get("agency", "")[:16],
                         "—" if not r.get("scored") else f"{r['score']:g}", r["grade"]])
    click.echo(table(rows, ["文号／文件", "执法机关", "得分", "等级"]))
    scored = [r for r in ev.results if r.get("scored")]
    mean = round(sum(r["score"] for r in scored) / len(scored), 1) if scored else "—"
    click.echo(f"\n评查 {len(ev.results)} 件（{ev.standard_title}）：评分 {len(scored)} 件，平均 {mean} 分；"
               f"不评分 {sum(1 for r in ev.results if not r.get('scored') and not r.get('error'))} 件；出错 {sum(1 for r in ev.results if r.get('error'))} 件")


@evaluate.command(HISTORY)
@workspace_option
@json_option
def history(as_json):
    """历次评查的问题分布：按规则、评查项目、执法机关、承办人、决定月份统计（结果存于工作区 evaluations/）。"""
    data = evaluation_history(workspace_root())

    def human(d):
        if not d["evaluations"]:
            click.echo("还没有评查记录（casefile evaluate 会把每次评查的结果存入工作区）")
            return
        click.echo(table([[e["id"], e["created"][:10], e["units"], e["scored"], e["mean_score"] if e["mean_score"] is not None else "—",
                           e["findings"]] for e in d["evaluations"]], ["评查编号", "日期", "件数", "评分", "平均分", "问题数"]))
        for dim, rows in d["by"].items():
            click.echo(f"\n按{DIMENSION_NAMES[dim]}（前 10）：")
            for row in rows[:10]:
                click.echo(f"  {row['title']}：{row['findings']}")

    emit(data, as_json, human)
