"""casefile doc facts CASE FILE: enter what a 笔录 or record says (问答, 听证发言, 讨论意见)."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit


@click.command("facts")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@json_option
def doc_facts(case_ref, path, as_json):
    """录入笔录和记录的内容（TOML 或 JSON 文件），之后生成的文书据此打印。

    FILE 中可有 [inquiry]（询问笔录：start、end、place、interviewee、id_number、relation、phone、
    recorder、[[inquiry.qa]] q/a）、[inspection]（现场笔录：observed、present、witness）、
    [hearing]（听证：members、recorder、agents、[[hearing.statements]] speaker/text、host_opinion）、
    [statement]（陈述申辩：text、review）、[discussion]（集体讨论：place、recorder、members、
    [[discussion.opinions]] name/role/opinion、conclusion）、[decision]（correction、discretion、review）、
    [numbers]（文书代码 = 文号）。未录入的内容在文书中留横线手写，不会代拟。
    """
    result = open_session().documents.enter_records(case_ref, Path(path))
    emit(result, as_json, lambda d: click.echo(f"已录入案件 {d['case']} 的：" + "、".join(d["sections"])))
