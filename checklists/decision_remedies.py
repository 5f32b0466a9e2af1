"""P16: the remedies notice of a 行政处罚决定书 read with its bodies and periods (复议 and 诉讼, 复议前置
where a rule requires it, a price part told apart in a mixed decision). The periods and bodies are data
(``casefile/data/laws/remedies.toml``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Literal

from checklists.context import CheckContext, Hit
from casefile.ingest.extract.decision import _BASIS_WORD, _VIOLATES, Decision, unquoted
from checklists.decision_rules import _date_of, decisions, law_data
from checklists.predicates import decision_contents
from checklists.registry import predicate

# -- P16 remedies ------------------------------------------------------------------------------------------------
_BLANK_BODY = {"", "人民政府", "市人民政府", "县人民政府", "区人民政府", "人民法院", "市场监督管理局"}


def _review_first(d: Decision) -> tuple[str, bool]:
    """(basis, mixed): whether a rule requires 复议 before suit, from the data; mixed when the
    decision also rests on another sector's law (then the notice may be written for both)."""
    cited = {c.law for c in d.citations}
    basis_laws = {b["law"] for m in d.measures for b in m.basis} | {b["law"] for b in d.penalty_basis} | {b["law"] for b in d.violated}
    if not basis_laws:
        # the provisions not read apart (a summary operative part, 综上…处罚如下): every article the decision cites
        # before its remedies — a decision that also rests on 食品安全法 is a mixed one, not a pure price case
        end = d.remedy_span.start if d.remedy_span else len(d.text)
        basis_laws = {c.law for c in d.citations if c.article and c.start < end}
    basis_laws |= _penalty_laws(d)
    for rule in law_data("remedies").get("review_first", []):
        laws = set(rule["laws"])
        if cited & laws and (basis_laws & laws or not basis_laws):
            other = {l for l in basis_laws - laws - set(rule.get("procedural", []))
                     if re.search(rule["other_sector_end"], l) and not re.search(rule["not_other_sector"], l)}
            return rule["basis"], bool(other)
    return "", False


_PENALTY = re.compile(r"处罚|罚款|警告|没收|吊销|责令停")


def _penalty_laws(d: Decision) -> set[str]:
    """The laws a penalty is imposed under: every provision named after 依据/根据 (up to a 违反) in a sentence
    of the reasoning or the operative part that imposes a penalty — the whole list (“依据《行政处罚法》第三十二条；
    《烟草专卖法实施条例》第五十七条；《价格法》第四十二条…决定处罚如下”), and each conduct's own sentence
    (“依据《食品安全法》第一百二十六条…决定处以：警告。…依据《价格法》第四十二条…罚款300元”)."""
    zone = d.reasoning or d.operative
    if zone is None:
        return set()
    end = d.remedy_span.start if d.remedy_span else len(d.text)
    plain = unquoted(d.text)
    referred = re.compile(law_data("remedies")["penalty_laws"]["referred"])
    laws: set[str] = set()
    for m in re.finditer(r"[^。]+", plain[zone.start:end]):
        a, b = zone.start + m.start(), zone.start + m.end()
        if not _PENALTY.search(re.sub(r"《[^》]*》", "", d.text[a:b])):
            continue
        for w in _BASIS_WORD.finditer(plain, a, b):
            # the run of provisions after this 依据: to the next 依据 or 违反, or the sentence's end
            nxt = [x.start() for x in (_VIOLATES.search(plain, w.end(), b), _BASIS_WORD.search(plain, w.end(), b)) if x]
            run_end = min(nxt, default=b)
            if referred.search(plain, w.end(), run_end):
                continue  # 依据…之规定，我局抄告至…处理: another agency's matter, not this decision's penalty
            laws |= {c.law for c in d.citations if c.article and w.start() <= c.start < run_end}
    return laws


def _price_clause_apart(d: Decision) -> bool:
    """The notice gives the price part a sentence of its own that offers 复议 and no direct suit
    (“如不服对你未明码标价的行为的处罚决定，可…申请行政复议”), the rest its own remedies."""
    start = d.remedy_span.start if d.remedy_span else 0
    part = law_data("remedies")["price_part"]
    # a clause of its own: a sentence, or the part of one after “；” that opens on another 不服 (“当事人如对…明码标价的违法
    # 行为的处罚决定不服，可…申请复议；当事人如对本处罚决定书内其他处罚决定不服，可…也可…起诉”)
    for s in (c for sent in re.split(r"[。]", d.text[start:]) for c in re.split(r"；(?=[^；。]{0,20}不服)", sent)):
        if (re.search(rf"不服[^。]{{0,40}}(?:{part})|(?:{part})[^。]{{0,30}}不服", s) and "复议" in s
                and not re.search(r"以外|之外|其余|其他违法", s)
                and (not re.search(r"诉讼|起诉", s) or re.search(r"(?:对|不服)[^。；]{0,6}复议(?:决定)?不服|复议决定不服", s))):
            return True
    return False


def _other_conduct_clause(d: Decision) -> bool:
    """The notice tells the remedies of another conduct than price in a sentence of its own (“当事人如对使用未按照
    规定申请检定的计量器具的行为的行政处罚决定不服…”, “…对价格违法行为以外违法行为的处罚决定不服…”): the decision
    says itself that it is a mixed one, whatever provisions were read as its basis."""
    start = d.remedy_span.start if d.remedy_span else len(d.text)
    for s in re.split(r"[。]", d.text[start:]):
        m = re.search(r"(?:对|不服)[^。；]{0,40}?行为[^。；]{0,12}?(?:处罚)?决定", s)
        named = m and not re.search(r"(?:上述|上列|以上|前述|本案|该|你的|其)(?:违法)?行为", m.group(0))  # a conduct named, not “上述违法行为”
        if named and "不服" in s and (not re.search(r"价格|明码标价|标价", m.group(0)) or re.search(r"以外|之外|其他违法", m.group(0))):
            return True
    return False


@predicate
def remedies_correct(ctx: CheckContext, *, severity: Literal["veto", "major", "minor"] = "major") -> Iterator[Hit]:
    """P16: the decision tells the remedies (行政处罚法 §59(5)) with the right bodies and periods:
    复议 60 days (复议法 §20) to the government of the same level (§24, from 2024); 诉讼 6 months
    (行政诉讼法 §46), 15 days after a 复议 decision (§45); and no direct suit where a rule
    requires 复议 first. ``severity="minor"`` yields the form defects only."""
    data = law_data("remedies")
    periods = data["periods"]
    for r in decisions(ctx):
        d = r.decision
        hits_major: list[Hit] = []
        hits_minor: list[Hit] = []
        f = [r.rec.file]
        text = d.remedy_span.text if d.remedy_span else ""
        if not d.remedy_span or not re.search(r"复议|诉讼|起诉", text):
            hits_major.append(Hit("决定书未告知申请行政复议、提起行政诉讼的途径和期限（行政处罚法第五十九条第一款第（五）项）", f, r.ev(None)))
        else:
            review = [x for x in d.remedies if x.kind == "复议"]
            main = next((x for x in review if x.period), review[0] if review else None)
            first, mixed = _review_first(d)
            courts = [x for x in d.remedies if x.kind == "诉讼"]
            # the notice itself says which part must go to 复议 first (其中对价格违法行为的处罚决定不服的，应当先…)
            # or tells the remedies of the price part in a clause of its own (当事人如对未明码标价的行为的处罚决定不服…)
            explained = bool(re.search(r"价格[^。；]{0,40}(?:应当?先|先行?(?:依法)?申请)|复议前置", text)) or (
                bool(re.search(r"对[^。；]{0,30}(?:价格|明码标价)[^。；]{0,30}不服", text)) and any(x.after_review for x in courts)) \
                or ((mixed or _other_conduct_clause(d)) and _price_clause_apart(d))  # apart from the rest: a pure price case has no rest
            if main is None:
                if not re.search(r"申请(?:行政)?复议|复议申请", text):
                    hits_major.append(Hit(f"决定书未告知申请行政复议的途径和期限；应告知可自收到决定书之日起{periods['review_days']}日内向本级人民政府申请行政复议（{periods['review_basis']}）", f, r.ev(d.remedy_span)))
            else:
                if main.days is None:
                    hits_major.append(Hit(f"行政复议期限空白或不明（“{main.span.text[:40]}”）；应为收到决定书之日起{periods['review_days']}日内（{periods['review_basis']}）", f, r.ev(main.span, 10)))
                elif main.days < periods["review_days"]:
                    hits_major.append(Hit(f"告知的行政复议期限“{main.period}”短于法定的{periods['review_days']}日（{periods['review_basis']}）", f, r.ev(main.span, 10)))
                elif main.days > periods["review_days"]:
                    hits_minor.append(Hit(f"告知的行政复议期限“{main.period}”与法定的{periods['review_days']}日不符（{periods['review_basis']}）", f, r.ev(main.span, 10)))
                if main.body in _BLANK_BODY:
                    hits_major.append(Hit(f"行政复议机关空白或不具体（“向{main.body}申请”）；应写明本级人民政府的名称（{data['review_body']['basis']}）", f, r.ev(main.span, 10)))
                else:
                    day = _date_of(ctx, d)
                    since = dt.date.fromisoformat(data["review_body"]["government_only_from"])
                    agency = ctx.case.agency or ""
                    vertical = any(v in agency for v in data["review_body"]["vertical_agencies"])
                    # a 管理委员会 of a new area or development zone stands for the government of that area
                    wrong = [b for b in re.split(r"或者|或|、|和", main.body) if b and re.search(r"(?:局|厅|委员会)$", b)
                             and "人民政府" not in b and not b.endswith(("管理委员会", "管委会"))]
                    if day and day >= since and wrong and not vertical:
                        hits_major.append(Hit(f"{day}作出的决定仍告知可向“{'、'.join(wrong)}”申请行政复议；自{since}起，对县级以上地方人民政府工作部门的处罚不服，应向本级人民政府申请行政复议（{data['review_body']['basis']}）",
                                              f, r.ev(main.span, 10)))
            direct = [x for x in courts if not x.after_review]
            after = [x for x in courts if x.after_review]
            if first and not mixed and direct and not explained:
                x = direct[0]
                hits_major.append(Hit(f"本案依据价格法律法规处罚，适用复议前置（{first}），决定书却告知可以{x.period + '内' if x.period else ''}直接向人民法院提起行政诉讼；应告知先申请行政复议，对复议决定不服再起诉",
                                      f, r.ev(x.span, 20)))
            elif first and mixed and direct and not explained:
                x = direct[0]
                hits_minor.append(Hit(f"本案部分处罚依据价格法律法规，该部分适用复议前置（{first}），决定书告知可直接起诉而未说明", f, r.ev(x.span, 20)))
            if not first and not courts and not re.search(r"诉讼|起诉", text):
                hits_major.append(Hit(f"决定书未告知提起行政诉讼的途径和期限；应告知可自收到决定书之日起{periods['court_months']}个月内向人民法院提起行政诉讼（{periods['court_basis']}）", f, r.ev(d.remedy_span)))
            for x in after:
                if x.days is not None and x.days != periods["court_after_review_days"]:
                    hits_major.append(Hit(f"对行政复议决定不服的起诉期限写作“{x.period}”；应为收到复议决定书之日起{periods['court_after_review_days']}日内（{periods['after_review_basis']}）", f, r.ev(x.span, 30)))
            if not first:
                for x in direct:
                    if x.period and x.days is None:
                        hits_major.append(Hit(f"行政诉讼期限空白（“{x.span.text[:40]}”）；应为{periods['court_months']}个月（{periods['court_basis']}）", f, r.ev(x.span, 10)))
                    elif x.days is not None and x.days < periods["court_months"] * 30:
                        hits_major.append(Hit(f"告知的起诉期限“{x.period}”短于法定的{periods['court_months']}个月（{periods['court_basis']}）", f, r.ev(x.span, 10)))
        yield from (hits_minor if severity == "minor" else hits_major)


@predicate
def remedies_stated(ctx: CheckContext) -> Iterator[Hit]:
    """P16: an unreadable decision is reported as such; a readable one has its remedies checked."""
    yield from decision_contents(ctx)
    yield from remedies_correct(ctx)
