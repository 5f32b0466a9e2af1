"""What changed between two review rounds, and which findings are the same.

**The same finding.** A finding of round N+1 is *unchanged* from one of round N when
all three hold:

1. the same rule fired (``rule``);
2. the same wording (``message``, whitespace ignored) — the message carries the
   particular facts the rule found (the code that disagrees, the missing document's
   name, the amount), so a changed value is a changed finding;
3. the same anchors: the set of (document, quoted text) pairs of its evidence. The
   page is left out on purpose: an edit elsewhere in a document may move the same
   wrong text to another page, and that does not fix anything. A document whose
   bytes changed but which still holds the same quoted text is still the same
   finding.

Only an unchanged finding keeps the previous round's decision (采纳/不采纳 and the
reason), marked ``carried_from`` (沿用第N轮). A finding of the same rule that is
*not* unchanged is paired with the previous one as 已变化 when they are recognisably
the same problem (same anchors or same wording, or the rule fired once in each round,
or their wording is close); it starts 待定. A previous finding with no partner no
longer fires: only that is 已解决. A current finding with no partner is 新发现.

The reviewer's own findings (rule ``人工``) are never resolved by a rule not firing:
they are carried into the next round undecided, to be confirmed by the reviewer.
"""

from __future__ import annotations

import difflib
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from casefile.ingest.facts import field_label
from casefile.model import LawRef

UNCHANGED, CHANGED, RESOLVED, NEW = "未变化", "已变化", "已解决", "新发现"
# wording at least this close (difflib ratio) pairs two findings of one rule as the same problem changed
SIMILAR = 0.6


@lru_cache(maxsize=1)
def _names() -> dict[str, Any]:
    with (resources.files("checklists") / "review_names.toml").open("rb") as f:
        return tomllib.load(f)


def rule_name(rule_id: str) -> str:
    """A rule by its Chinese name (F02-parties-agree → 当事人信息一致): the name in review_names.toml,
    else the heading its pack gives the message (``执法人员资格：{detail}`` → 执法人员资格), so a rule
    added to a pack is named without a second table; an unknown id is never shown raw."""
    named = _names()["rules"].get(rule_id)
    if named:
        return named
    from checklists.engine import load_rules  # the engine loads packs; only needed for unnamed rules

    for r in load_rules():
        if r.id == rule_id:
            head = r.message.split("：", 1)[0]
            return head if head and "{" not in head else "审核规则"
    return "审核规则"


def case_field_name(path: str) -> str:
    """A case.toml path as a person calls it (acts → 执法行为, violation.facts → 违法事实)."""
    label = field_label(path)
    if label != path:
        return label
    fields = _names()["fields"]
    if path in fields:
        return fields[path]
    head = path.split(".")[0]
    if head == "extra":
        return fields["extra"]
    return fields.get(head, "其他事实")


# -- the same finding ---------------------------------------------------------------------------
def anchors(f: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted({(e.get("doc", ""), "".join(str(e.get("text", "")).split())) for e in f.get("evidence") or []}))


def _wording(f: dict[str, Any]) -> str:
    return "".join(str(f.get("message", "")).split())


def same_finding(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Unchanged (see the module's doc): same rule, same wording, same anchors."""
    return a["rule"] == b["rule"] and _wording(a) == _wording(b) and anchors(a) == anchors(b)


def match_findings(prev: list[dict[str, Any]], cur: list[dict[str, Any]]) -> list[tuple[dict | None, dict | None, str]]:
    """Pairs (previous, current, status) covering every finding of both rounds once."""
    out: list[tuple[dict | None, dict | None, str]] = []
    left_prev = list(prev)
    left_cur: list[dict] = []
    for c in cur:
        p = next((p for p in left_prev if same_finding(p, c)), None)
        if p is not None:
            left_prev.remove(p)
            out.append((p, c, UNCHANGED))
        else:
            left_cur.append(c)
    # the same problem in other words or at another place
    still_cur = []
    for c in left_cur:
        p = next((p for p in left_prev if p["rule"] == c["rule"]
                  and ((anchors(p) and anchors(p) == anchors(c)) or _wording(p) == _wording(c))), None)
        if p is not None:
            left_prev.remove(p)
            out.append((p, c, CHANGED))
        else:
            still_cur.append(c)
    # per rule: the one finding of each round, else the closest wording
    new_cur = []
    for c in still_cur:
        same_rule = [p for p in left_prev if p["rule"] == c["rule"]]
        others_cur = [x for x in still_cur if x["rule"] == c["rule"]]
        best = None
        if len(same_rule) == 1 and len(others_cur) == 1:
            best = same_rule[0]
        elif same_rule:
            scored = max(same_rule, key=lambda p: difflib.SequenceMatcher(None, _wording(p), _wording(c)).ratio())
            if difflib.SequenceMatcher(None, _wording(scored), _wording(c)).ratio() >= SIMILAR:
                best = scored
        if best is not None:
            left_prev.remove(best)
            out.append((best, c, CHANGED))
        else:
            new_cur.append(c)
    out += [(p, None, RESOLVED) for p in left_prev]
    out += [(None, c, NEW) for c in new_cur]
    return out


def finding_changes(prev_round: dict[str, Any], pairs: list[tuple[dict | None, dict | None, str]],
                    cur_added: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """The findings part of the round diff, one entry per finding, in Chinese."""
    out = []
    for p, c, status in pairs:
        f = c or p
        item = {"status": status, "rule": f["rule"], "rule_name": rule_name(f["rule"]), "message": f["message"]}
        if c is not None:
            item["id"] = c["id"]
        if p is not None:
            item["previous_id"] = p["id"]
            item["previous_decision"] = p.get("decision")
        if status == CHANGED:
            item["old_message"] = p["message"]
        if status == UNCHANGED and c.get("carried_from"):
            item["carried_from"] = c["carried_from"]
        out.append(item)
    for a in prev_round.get("added", []):
        if a.get("decision") != "override":
            item = {"status": "待复核", "rule": a["rule"], "rule_name": rule_name(a["rule"]), "message": a["message"],
                    "previous_id": a["id"], "note": f"第{prev_round['round']}轮审核人员补充的问题，规则不能判断是否已整改，需审核人员复核"}
            now = next((x for x in cur_added if x.get("previous_id") == a["id"]), None)
            if now is not None:
                item["id"] = now["id"]
            out.append(item)
    return out


# -- facts in Chinese ----------------------------------------------------------------------------
def _value(v: Any, officer_name) -> str:
    if v is None or v == "" or v == []:
        return "（无）"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, list):
        return "、".join(_value(x, officer_name) for x in v)
    if isinstance(v, dict):
        return "；".join(_value(x, officer_name) for x in v.values())
    return str(v)


def _law(b: dict[str, Any]) -> str:
    try:
        return LawRef(**b).cite()
    except Exception:  # a half-entered citation is shown as written rather than dropped
        return "《" + str(b.get("law", "")) + "》"


def measure_text(m: dict[str, Any]) -> str:
    s = str(m.get("kind", ""))
    if m.get("amount") not in (None, ""):
        s += f"{m['amount']}元"
    if m.get("note"):
        s += f"（{m['note']}）"
    if m.get("basis"):
        s += "，依据" + "、".join(_law(b) for b in m["basis"])
    return s


def record_text(field: str, x: Any, officer_name) -> str:
    """One record of a list field (an act, a party, a measure, an item of evidence) as a person reads it."""
    if not isinstance(x, dict):
        return _value(x, officer_name)
    if field == "acts":
        s = f"{x.get('date', '')} {x.get('kind', '')}"
        if x.get("officers"):
            s += "（" + "、".join(officer_name(o) for o in x["officers"]) + "）"
        if x.get("note"):
            # one record, one line: a note taken from an imported paper keeps its line breaks
            s += " " + " ".join(str(x["note"]).split())
        return s
    if field in ("proposed", "decided"):
        return measure_text(x)
    if field == "parties":
        return f"{x.get('kind', '')} {x.get('name', '')}" + (f"（{x['id_number']}）" if x.get("id_number") else "")
    if field == "evidence":
        return f"{x.get('kind', '')}：{x.get('name', '')}"
    if field == "items":
        return " ".join(str(x[k]) for k in ("name", "spec", "quantity", "note") if x.get(k))
    if field == "violation.violated":
        return _law(x)
    return "；".join(_value(v, officer_name) for v in x.values())


def fact_changes(facts_changed: dict[str, dict[str, Any]], officer_name) -> list[dict[str, Any]]:
    """``diff_facts`` output as lines in Chinese: field name, what came, what went, old → new."""
    out = []
    officer_fields = ("handlers", "review.reviewer")
    for path, v in facts_changed.items():
        label = case_field_name(path)
        if "added" in v or "removed" in v:
            for x in v.get("added", []):
                out.append({"field": label, "change": "新增", "text": record_text(path, x, officer_name)})
            for x in v.get("removed", []):
                out.append({"field": label, "change": "删除", "text": record_text(path, x, officer_name)})
            continue
        old, new = v.get("old"), v.get("new")
        if path in officer_fields:
            old = [officer_name(o) for o in old] if isinstance(old, list) else (officer_name(old) if old else old)
            new = [officer_name(o) for o in new] if isinstance(new, list) else (officer_name(new) if new else new)
        if isinstance(old, (dict, list)) and any(isinstance(y, dict) for y in (old if isinstance(old, list) else [old])):
            old_t = "、".join(record_text(path, y, officer_name) for y in (old if isinstance(old, list) else [old]))
        else:
            old_t = _value(old, officer_name)
        if isinstance(new, (dict, list)) and any(isinstance(y, dict) for y in (new if isinstance(new, list) else [new])):
            new_t = "、".join(record_text(path, y, officer_name) for y in (new if isinstance(new, list) else [new]))
        else:
            new_t = _value(new, officer_name)
        out.append({"field": label, "change": "修改", "old": old_t, "new": new_t, "text": f"{old_t} → {new_t}"})
    return out
