"""Turn pydantic's errors into Chinese messages that name the field."""

from __future__ import annotations

from typing import Any

import pydantic

from casefile.errors import ValidationError

_TYPE_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段（拼写错误？）",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_type": "应为日期（如 2026-01-19）",
    "date_parsing": "日期格式不正确（应如 2026-01-19）",
    "date_from_datetime_parsing": "日期格式不正确（应如 2026-01-19）",
    "decimal_parsing": "应为金额数字",
    "decimal_type": "应为金额数字",
    "greater_than_equal": "不能小于",
    "list_type": "应为列表",
    "dict_type": "应为表（table）",
    "model_type": "应为表（table）",
    "enum": "取值不在允许范围内",
}


def field_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"  # people count from one
        else:
            out += ("." if out else "") + str(part)
    return out or "(整个文件)"


def chinese_problems(err: pydantic.ValidationError) -> list[str]:
    problems = []
    for e in err.errors():
        typ = e.get("type", "")
        msg = _TYPE_MESSAGES.get(typ)
        ctx = e.get("ctx") or {}
        if typ == "enum":
            expected = ctx.get("expected", "")
            msg = f"取值“{e.get('input')}”不在允许范围内，可选：{expected}"
        elif typ == "greater_than_equal":
            msg = f"不能小于 {ctx.get('ge')}"
        elif typ == "value_error":
            msg = str(ctx.get("error") or e.get("msg", ""))
        elif msg is None:
            msg = e.get("msg", "取值不正确")
        problems.append(f"{field_path(tuple(e.get('loc', ())))}：{msg}")
    return problems


def validate(model: type[pydantic.BaseModel], data: dict, source: str) -> Any:
    """Validate ``data`` as ``model``; every problem is reported at once, in Chinese."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as e:
        problems = chinese_problems(e)
        raise ValidationError(f"{source} 有 {len(problems)} 处问题", details=problems) from None
    except RecursionError:
        raise ValidationError(f"{source} 的数据嵌套层次过深，无法读取", details=["检查文件中是否有层层嵌套的列表或表"]) from None
