"""Facts a person enters (当事人, 执法行为, 处罚/措施, 证据), checked before they reach case.toml.

Every front end checks through here: the CLI's ``casefile facts`` and ``case new``, the TUI's
forms. A check returns the entry as a model object and a mapping {form field: what is wrong, in
Chinese}, so a form can show each message next to its field. What the law requires of an
entry (which acts a case type records, which acts two officers perform, which act may not
precede which) is data in ``casefile/data/entries.toml``.

Check digits: 统一社会信用代码 by GB 32100-2015 and 公民身份号码 by GB 11643-1999, through
``casefile.model.ids`` (the same reader extraction and the checklist use).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

from casefile.law import casetypes, legal_limits

from casefile.model import ids
from casefile.model import Act, ActKind, Case, CaseType, Evidence, LawRef, Measure, MeasureKind, Party, PartyKind, ServiceMethod
from casefile.store.agency import OfficerRegister

Errors = dict[str, str]

# the Chinese names of the form fields, for messages that list them (CLI) and for labels
LABELS = {
    "kind": "类型", "name": "名称或姓名", "id_number": "证件号码", "address": "住所", "representative": "法定代表人/负责人",
    "phone": "电话", "birth_date": "出生日期", "date": "日期", "end_date": "截止日期", "officers": "执法人员", "place": "地点",
    "note": "备注", "method": "送达方式", "amount": "金额（元）", "basis": "法律依据", "which": "阶段", "source": "来源", "handlers": "承办人",
    "filed": "立案日期", "party": "当事人", "party_kind": "当事人类型", "party_id": "证件号码", "cause": "案由", "id": "案件编号",
    "case_type": "案件类型",
}
# the same keys named for what they hold in each section
SECTION_FIELD_LABELS = {
    "parties": {"kind": "当事人类型"},
    "acts": {"kind": "执法行为", "date": "行为日期"},
    "proposed": {"kind": "处罚种类"},
    "decided": {"kind": "处罚种类"},
    "evidence": {"kind": "证据种类", "name": "证据名称", "date": "取得日期"},
}
SECTION_LABELS = {"parties": "当事人", "acts": "执法行为", "proposed": "拟处罚", "decided": "决定的处罚", "evidence": "证据"}


def labels(section: str) -> dict[str, str]:
    """The Chinese names of a section's fields."""
    return {**LABELS, **SECTION_FIELD_LABELS.get(section, {})}


@dataclass(frozen=True)
class _Rules:
    two_officers: list[dict[str, Any]]
    order: list[dict[str, Any]]
    evidence_kinds: list[str]
    case_sources: list[str]
    min_handlers: int
    handlers_basis: str


@lru_cache(maxsize=1)
def rules() -> _Rules:
    with open(str(resources.files("casefile") / "data" / "entries.toml"), "rb") as f:
        data = tomllib.load(f)
    return _Rules(data["two_officers"], data["order"], data["evidence"]["kinds"], data["case"]["sources"],
                  data["case"]["min_handlers"], data["case"]["handlers_basis"])


def act_kinds(case_type: CaseType | str) -> list[str]:
    """The acts a case of this type records, in procedure order (``acts`` in its declaration; a
    declaration naming none records those of 其他). A misspelt act fails here, not in a form."""
    acts = CaseType(case_type).declaration.acts or casetypes.get(CaseType.OTHER.value).acts
    return [ActKind(k).value for k in acts]


def case_sources() -> list[str]:
    """The 案件来源 a case may name."""
    return list(rules().case_sources)


def handler_rule() -> tuple[int, str]:
    """How many 承办人 a case needs, and the article that says so."""
    return rules().min_handlers, rules().handlers_basis


def evidence_kinds() -> list[str]:
    return list(rules().evidence_kinds)


def measure_kinds() -> list[str]:
    return [k.value for k in MeasureKind]


# -- single values ---------------------------------------------------------------------------
def check_date(text: Any, today: dt.date, *, required: bool = False) -> tuple[dt.date | None, str]:
    """A date written YYYY-MM-DD, not after ``today``: (date, '') or (None, what is wrong)."""
    if isinstance(text, dt.date):
        d = text
    else:
        t = str(text or "").strip()
        if not t:
            return None, "必填" if required else ""
        try:
            d = dt.date.fromisoformat(t)
        except ValueError:
            return None, f"“{t}”不是有效的日期，应写作 YYYY-MM-DD，如 {today.isoformat()}"
    if d > today:
        return None, f"{d.isoformat()} 晚于今天（{today.isoformat()}），不能填写将来的日期"
    return d, ""


def check_uscc(code: str) -> str:
    """'' when ``code`` is a 统一社会信用代码 with the right check character (GB 32100-2015).
    casefile.model.ids is the one reader of these codes: python-stdnum's USCC check wants the first
    eight characters to be digits, which refuses real codes such as a 农村集体经济组织's N2…"""
    c = re.sub(r"[\s-]", "", code or "").upper()
    if len(c) != 18:
        return f"统一社会信用代码应为18位，现为{len(c)}位"
    if not ids.USCC_RE.fullmatch(c):
        return "统一社会信用代码的字符不对：第1–2位为登记管理部门和机构类别，第3–8位为行政区划数字，其余为数字或大写字母（不含I、O、Z、S、V）"
    if not ids.valid_uscc(c):
        return "统一社会信用代码的校验码（第18位）不符，号码有误，请核对"
    return ""


def check_id_card(code: str, today: dt.date) -> str:
    """'' when ``code`` is an 18-digit 公民身份号码 with the right check digit (GB 11643-1999) and a
    real birth date not after ``today``. The birth-place code is not refused: a table of region
    codes would lag behind newly created districts."""
    c = re.sub(r"[\s-]", "", code or "").upper()
    if len(c) != 18:
        return f"公民身份号码应为18位，现为{len(c)}位"
    if not c[:17].isdigit() or not (c[17].isdigit() or c[17] == "X"):
        return "公民身份号码前17位应为数字，第18位为数字或X"
    if ids.id_check_char(c[:17]) != c[17]:
        return "公民身份号码的校验码（第18位）不符，号码有误，请核对"
    try:
        born = dt.date(int(c[6:10]), int(c[10:12]), int(c[12:14]))
    except ValueError:
        return f"公民身份号码中的出生日期（{c[6:14]}）不是有效日期"
    if born > today:
        return f"公民身份号码中的出生日期（{born.isoformat()}）晚于今天"
    return ""


def check_party_id(kind: PartyKind | str, code: str, today: dt.date) -> str:
    """The ID a party of this kind carries: 自然人 a 公民身份号码, 法人/其他组织 a 统一社会信用代码,
    个体工商户 either (the business's code or the operator's ID). Empty is allowed (not yet known)."""
    code = (code or "").strip()
    if not code:
        return ""
    k = PartyKind(kind)
    if k is PartyKind.NATURAL:
        return check_id_card(code, today)
    if k is PartyKind.INDIVIDUAL_BUSINESS:
        a, b = check_uscc(code), check_id_card(code, today)
        return "" if not a or not b else "应为统一社会信用代码或经营者的公民身份号码：" + (b if len(code) == 18 and code[:17].isdigit() else a)
    return check_uscc(code)


def parse_basis(text: str | list[str]) -> tuple[list[LawRef], str]:
    """Citations written as agencies write them (《中华人民共和国价格法》第四十条第一款、第四十二条)."""
    if isinstance(text, list):
        text = "；".join(text)
    t = "".join((text or "").split())
    if not t:
        return [], "必填：处罚或措施须写明法律依据"
    from casefile.ingest.extract.citations import find_citations  # the extract package loads with a form's legal basis, not with the case list

    refs = []
    for c in find_citations(t):
        if c.article:
            refs.append(LawRef(law=c.law, article=c.article, paragraph=c.paragraph, item=c.item))
    if not refs:
        return [], "未能识别法律依据，应写作如《中华人民共和国价格法》第四十条第一款"
    return refs, ""


# -- entries ---------------------------------------------------------------------------------
def party_entry(data: dict[str, Any], today: dt.date) -> tuple[Party | None, Errors]:
    errors: Errors = {}
    kind = str(data.get("kind") or "").strip()
    if kind not in {k.value for k in PartyKind}:
        errors["kind"] = "请选择：" + "、".join(k.value for k in PartyKind)
    name = str(data.get("name") or "").strip()
    if not name:
        errors["name"] = "必填"
    idn = str(data.get("id_number") or "").strip().upper()
    if "kind" not in errors:
        msg = check_party_id(kind, idn, today)
        if msg:
            errors["id_number"] = msg
    birth, msg = check_date(data.get("birth_date"), today)
    if msg:
        errors["birth_date"] = msg
    if errors:
        return None, errors
    return Party(kind=kind, name=name, id_number=idn, address=str(data.get("address") or "").strip(),
                 representative=str(data.get("representative") or "").strip(), phone=str(data.get("phone") or "").strip(),
                 birth_date=birth), {}


def check_officers(refs: list[str], day: dt.date | None, register: OfficerRegister) -> tuple[list[str], str]:
    """Officers named by certificate number or unique name: each must be in the register with a
    certificate valid on ``day``. Returns their certificate numbers."""
    certs, problems = [], []
    for ref in (r.strip() for r in refs):
        if not ref:
            continue
        o = register.lookup(ref)
        if o is None:
            problems.append(f"“{ref}”不在执法人员清单中")
            continue
        if day and not o.valid_on(day):
            span = f"{o.valid_from or '—'} 至 {o.valid_to or '—'}"
            problems.append(f"{o.name}的执法证（{o.certificate}）有效期为 {span}，{day.isoformat()} 不在有效期内")
            continue
        if o.certificate not in certs:
            certs.append(o.certificate)
    return certs, "；".join(problems)


def act_entry(case: Case, data: dict[str, Any], today: dt.date, register: OfficerRegister,
              index: int | None = None) -> tuple[Act | None, Errors]:
    """An act of ``case`` (replacing ``acts[index]`` when editing)."""
    errors: Errors = {}
    kind = str(data.get("kind") or "").strip()
    allowed = act_kinds(case.case_type)
    if kind not in allowed:
        errors["kind"] = f"请选择{case.case_type.value}案件的执法行为" if not kind else f"“{kind}”不是{case.case_type.value}案件的执法行为"
    day, msg = check_date(data.get("date"), today, required=True)
    if msg:
        errors["date"] = msg
    end, msg = check_date(data.get("end_date"), dt.date.max)  # a duration may end later than today
    if msg:
        errors["end_date"] = msg
    elif end and day and end < day:
        errors["end_date"] = f"截止日期 {end} 早于行为日期 {day}"
    refs = data.get("officers") or []
    if isinstance(refs, str):
        refs = [r for r in refs.replace("，", ",").replace("、", ",").split(",")]
    certs, msg = check_officers(list(refs), day, register)
    if msg:
        errors["officers"] = msg
    elif "kind" not in errors:
        for rule in rules().two_officers:
            if kind in rule["acts"] and len(certs) < 2:
                errors["officers"] = f"{kind}须由两名以上持证执法人员实施（{rule['basis']}），现为{len(certs)}名"
    if day and "kind" not in errors:
        others = [a for i, a in enumerate(case.acts) if i != index]
        for rule in rules().order:
            if kind not in rule["acts"]:
                continue
            before = [a.date for a in others if a.kind.value in rule["after"]]
            if before and day < min(before):
                errors["date"] = f"早于{rule['what']}日期（{min(before).isoformat()}）：{rule['basis']}"
                break
    method = str(data.get("method") or "").strip()
    if method and method not in {m.value for m in ServiceMethod}:
        errors["method"] = "请选择：" + "、".join(m.value for m in ServiceMethod)
    if errors:
        return None, errors
    act = Act(kind=kind, date=day, officers=certs, place=str(data.get("place") or "").strip(),
              note=str(data.get("note") or "").strip(), method=method or None, end_date=end,
              document=str(data.get("document") or "").strip())
    # what no document could lawfully carry is not entered (casefile/data/legal_limits.toml)
    others = case.model_copy(update={"acts": [a for i, a in enumerate(case.acts) if i != index]})
    breaches = legal_limits.act_breaches(others, act)
    if breaches:
        return None, {"end_date" if act.end_date else "date": "；".join(b.text() for b in breaches)}
    return act, {}


def summary_measure_breaches(case: Case, which: str, measure: Measure, index: int | None = None,
                             profile: dict[str, Any] | None = None) -> Errors:
    """A 简易 case's fine within 行政处罚法§51's amounts (the same limit the 当场决定书 is printed under)."""
    if case.procedure.value != "简易":
        return {}
    items = list(getattr(case, which))
    if index is None:
        items.append(measure)
    else:
        items[index] = measure
    breaches = legal_limits.summary_fine(case.model_copy(update={which: items}), profile)
    return {"amount": "；".join(b.text() for b in breaches)} if breaches else {}


def measure_entry(data: dict[str, Any]) -> tuple[Measure | None, Errors]:
    errors: Errors = {}
    kind = str(data.get("kind") or "").strip()
    if not kind:
        errors["kind"] = "必填，如：" + "、".join(measure_kinds()[:4])
    mk = MeasureKind.of(kind) if kind else None
    amount = None
    raw = str(data.get("amount") if data.get("amount") is not None else "").strip().replace(",", "").replace("，", "")
    if raw.endswith("元"):
        raw = raw[:-1]
    if raw:
        try:
            amount = Decimal(raw)
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            errors["amount"] = f"“{raw}”不是金额，应写数字（元），如 5000 或 4380.50"
        else:
            if amount <= 0:
                errors["amount"] = "金额应大于零"
            elif amount.as_tuple().exponent < -2:
                errors["amount"] = "金额最多到分（两位小数）"
    elif mk and mk.is_monetary:
        errors["amount"] = f"{kind}须写明金额"
    basis, msg = parse_basis(data.get("basis") or "")
    if msg:
        errors["basis"] = msg
    if errors:
        return None, errors
    return Measure(kind=kind, amount=amount, basis=basis, note=str(data.get("note") or "").strip()), {}


def evidence_entry(data: dict[str, Any], today: dt.date) -> tuple[Evidence | None, Errors]:
    errors: Errors = {}
    kind = str(data.get("kind") or "").strip()
    if kind not in evidence_kinds():
        errors["kind"] = "请选择：" + "、".join(evidence_kinds())
    name = str(data.get("name") or "").strip()
    if not name:
        errors["name"] = "必填"
    day, msg = check_date(data.get("date"), today)
    if msg:
        errors["date"] = msg
    if errors:
        return None, errors
    return Evidence(kind=kind, name=name, source=str(data.get("source") or "").strip(), date=day,
                    file=str(data.get("file") or "").strip()), {}
