"""The bundled demo workspace: six cases of four sectors, each in a different state.

The data lives in ``casefile/data/demo`` (TOML, as a person would write it); this
module only copies it into a fresh workspace and lets each case's later steps run.
"""

from __future__ import annotations

import shutil
import tomllib
from importlib import resources
from pathlib import Path

from casefile.errors import WorkspaceError
from casefile.model import Case
from casefile.validation import validate
from casefile.workspace import PROFILE_FILE, AgencyProfile, OfficerRegister, Workspace, default_root

DEMO_MARK = ".casefile-demo"


def demo_data() -> Path:
    return Path(str(resources.files("casefile") / "data" / "demo"))


def demo_cases() -> list[Case]:
    out = []
    for p in sorted((demo_data() / "cases").glob("*.toml")):
        with open(p, "rb") as f:
            out.append(validate(Case, tomllib.load(f), str(p)))
    return out


def build_demo(root: Path | str | None, *, force: bool = False) -> Workspace:
    root = Path(root) if root else default_root()
    if root.exists() and any(root.iterdir()):
        if force and (root / DEMO_MARK).exists():
            shutil.rmtree(root)
        elif (root / DEMO_MARK).exists():
            raise WorkspaceError(f"{root} 已经是演示工作区，未做改动", details=["加 --force 删除后重建"])
        else:
            raise WorkspaceError(f"{root} 不是空目录，为避免覆盖已有文件，未做任何改动")
    data = demo_data()
    with open(data / PROFILE_FILE, "rb") as f:
        profile = validate(AgencyProfile, tomllib.load(f), "演示工作区配置")
    with open(data / "officers.toml", "rb") as f:
        officers = validate(OfficerRegister, tomllib.load(f), "演示人员清单")
    ws = Workspace.init(root, profile, officers.officers)
    (ws.root / DEMO_MARK).write_text("casefile demo workspace\n", encoding="utf-8")
    for case in demo_cases():
        ws.create_case(case)
    for step in DEMO_STEPS:
        step(ws)
    return ws


# Later capabilities (documents, reviews, evidence) add the steps that bring each
# demo case to its state; each takes the workspace.
DEMO_STEPS: list = []
