"""行政检查 and 事前公开: 双随机 draws, inspection results, and the four registers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.output import inspection, registers
from casefile.output.tables import write_table
from tui.application.access import guarded
from tui.application.core import Result, Service


@dataclass
class InspectionExport(Result):
    plan: str
    file: str
    rows: int


class Inspections(Service):
    @guarded("inspect")
    def draw_inspections(self, targets: Path, ratio: str, seed: int, *, officers: int = 2, category: str = "",
                         plan_id: str = "") -> inspection.Plan:
        return inspection.draw(self.ws, Path(targets), ratio, seed, self.today, officers_per_target=officers,
                               category=category, plan_id=plan_id)

    def inspection_plans(self) -> list[inspection.Plan]:
        return inspection.list_plans(self.ws)

    def inspection_plan(self, plan_id: str) -> inspection.Plan:
        return inspection.load_plan(self.ws, plan_id)

    @guarded("inspect")
    def record_inspection(self, plan_id: str, target: str, result: str, problems: str = "") -> inspection.Plan:
        return inspection.record_result(self.ws, plan_id, target, result, self.today, problems)

    def export_inspection_results(self, plan_id: str, out: Path, fmt: str) -> InspectionExport:
        plan = inspection.load_plan(self.ws, plan_id)
        rows = inspection.result_rows(plan)
        write_table(Path(out), f"{self.ws.profile.name}双随机抽查结果（{plan.id}）", inspection.RESULT_COLUMNS, rows, fmt)
        return InspectionExport(plan.id, str(out), len(rows))

    @guarded("publish")
    def write_registers(self, out: Path, fmt: str) -> list[dict[str, Any]]:
        return registers.write(self.ws, Path(out), fmt, self.today)

