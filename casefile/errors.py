"""One error hierarchy for the whole application.

Every error carries a Chinese ``message`` for the person at the terminal and a
short ``title``; the CLI prints them to stderr and exits with ``exit_code``, the
TUI shows them as a notification. Nothing below the edges catches and hides them.
"""

from __future__ import annotations


class CasefileError(Exception):
    title = "错误"
    exit_code = 1

    def __init__(self, message: str, title: str | None = None, *, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        if title:
            self.title = title
        self.details = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {d}" for d in self.details)

    def to_dict(self) -> dict:
        return {"error": type(self).__name__, "title": self.title, "message": self.message, "details": self.details}


class UsageError(CasefileError):
    title = "参数错误"
    exit_code = 2


class WorkspaceError(CasefileError):
    title = "工作区错误"
    exit_code = 3


class CaseNotFound(CasefileError):
    title = "找不到案件"
    exit_code = 4


class CaseExists(CasefileError):
    title = "案件已存在"
    exit_code = 5


class ValidationError(CasefileError):
    """Invalid data; ``details`` lists every problem, each naming its field."""

    title = "数据校验失败"
    exit_code = 6


class DocumentError(CasefileError):
    """A document could not be read, rendered or stored; the message names the file."""

    title = "文书错误"
    exit_code = 7


class PackageError(CasefileError):
    title = "案卷包错误"
    exit_code = 8


class CalendarNotCovered(CasefileError):
    """The working-day calendar has no data for a date: a deadline cannot be computed."""

    title = "无法计算期限"
    exit_code = 9


class IntegrityError(CasefileError):
    """The full-process record (journal) or a document no longer matches its hash."""

    title = "完整性校验失败"
    exit_code = 10


class CheckError(CasefileError):
    title = "审核错误"
    exit_code = 11


class IndexError_(CasefileError):
    title = "索引错误"
    exit_code = 12


class DiskFullError(CasefileError):
    """No space left on the device (ENOSPC/EDQUOT): what was being written has been removed."""

    title = "磁盘空间不足"
    exit_code = 13


class EntryError(ValidationError):
    """A fact entered in a form or on the command line is wrong: ``fields`` maps each form
    field (``id_number``, ``date`` …) to what is wrong with it, in Chinese, so a form can show
    the message next to the field; ``details`` says the same with the field's Chinese name."""

    def __init__(self, message: str, fields: dict[str, str], labels: dict[str, str] | None = None):
        labels = labels or {}
        super().__init__(message, details=[f"{labels.get(k, k)}：{v}" for k, v in fields.items()])
        self.fields = dict(fields)
class ImportRefused(UsageError):
    """An import that would take documents which already belong to cases (a workspace's own folders)."""

    title = "不能导入"


class UndoRefused(CasefileError):
    """An import cannot be taken back: the case changed since in a way that conflicts."""

    title = "不能撤销导入"


class ConflictError(CasefileError):
    """A write refused because another process changed the same file since it was read: saving
    would silently undo that change. Nothing was written; doing it again starts from the new state."""

    title = "并发修改冲突"
    exit_code = 15


class PermissionDenied(CasefileError):
    """The acting user may not do this (role, separation of duties, or not in the user register):
    refused before anything is written."""

    title = "无权操作"
    exit_code = 14
