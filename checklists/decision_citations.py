"""L03/L04: the rules a 行政处罚决定书 rests on are in force and cited by their current article numbers
(repeals and renumberings are data: ``casefile/data/laws/*.toml``); L05 the provision in force when the act was done;
L06 the penalty rests on an article of its law's chapter 法律责任; L07 the decision names its provisions at all."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from checklists.context import CheckContext, Hit
from casefile.ingest.extract.decision import _BASIS_WORD, _VIOLATES, Span
from checklists.decision_rules import _date_of, decisions, law_data
from checklists.decision_versions import act_end
from checklists.registry import predicate

# -- L03/L04 repealed rules, old article numbers --------------------------------------------------------------------
@predicate
def repealed_not_cited(ctx: CheckContext) -> Iterator[Hit]:
    """L03: a rule cited after its repeal (the law data records repeal dates and successors)."""
    table = law_data("repealed")["repealed"]
    for r in decisions(ctx):
        d = r.decision
        day = _date_of(ctx, d)
        seen = set()
        for c in d.citations:
            for rep in table:
                names = {rep["name"], *rep.get("aliases", [])}
                if c.law not in names and c.written not in names:
                    continue
                gone = dt.date.fromisoformat(rep["repealed"])
                if day is None or day < gone or rep["name"] in seen:
                    continue
                said = "|".join(re.escape(n) for n in {c.written, *names} if n)
                if re.search(rf"《?(?:{said})》?[^。；]{{0,12}}(?:废止|失效)", d.text):
                    continue  # the decision itself says it is repealed (quoting the repealing article)
                seen.add(rep["name"])
                yield Hit(f"引用的《{c.written}》已于{gone}废止（{rep['by']}），{day}作出的决定不应再以其为依据；应引用《{rep['successor']}》的相应条款",
                          [r.rec.file], r.ev(Span(c.start, c.end, c.text), 10))


@predicate
def current_article_numbers(ctx: CheckContext) -> Iterator[Hit]:
    """L04: 行政处罚法 cited by its pre-2021 article numbers (§51 for 加处罚款, now §72)."""
    table = law_data("superseded_articles")["article"]
    for r in decisions(ctx):
        d = r.decision
        day = _date_of(ctx, d)
        if day is None:
            continue
        seen = set()
        for c in d.citations:
            for a in table:
                if c.law != a["law"] or c.article != a["old"] or day < dt.date.fromisoformat(a["since"]):
                    continue
                s = max(d.text.rfind("。", 0, c.start), d.text.rfind("；", 0, c.start)) + 1
                e = d.text.find("。", c.end)
                sentence = d.text[s: len(d.text) if e < 0 else e]
                # the old article's subject in the same sentence, and not a quotation of the new article
                if not re.search(a["where"], sentence) or (a["old"], a["new"]) in seen:
                    continue
                if any(x.law == a["law"] and x.article == a["new"] and s <= x.start < (e if e > 0 else len(d.text)) for x in d.citations):
                    continue
                seen.add((a["old"], a["new"]))
                yield Hit(f"{a['topic']}引用《{a['law'].removeprefix('中华人民共和国')}》第{a['old']}条，是2021年修订前的条文序号；{a['since']}起应为第{a['new']}条",
                          [r.rec.file], r.ev(Span(c.start, c.end, c.text), 30))


# -- L05 the provision in force when the act was done ---------------------------------------------------------------
@predicate
def provision_in_force_at_act(ctx: CheckContext) -> Iterator[Hit]:
    """L05: the fine rests on a provision that came into force, heavier, after the act had ended (行政处罚法
    第三十七条: the rule in force when the act was done applies, unless the new one is lighter)."""
    from casefile.ingest.extract.decision import unquoted

    table = law_data("in_force")
    for r in decisions(ctx):
        d = r.decision
        basis = [b for m in d.measures for b in m.basis] + d.penalty_basis
        facts = unquoted(d.text)[: d.operative.start if d.operative else len(d.text)]
        if not basis or re.search(table["lighter_said"], d.text):
            continue
        end = act_end(facts, table["act_words"])
        for p in table["provision"]:
            since = dt.date.fromisoformat(p["since"])
            hit = next((b for b in basis if b.get("law") == p["law"] and b.get("article") in p["articles"]), None)
            if hit is None or not p.get("heavier") or end is None or end >= since:
                continue
            yield Hit(f"违法行为于{end}前终了，处罚依据《{p['law'].removeprefix('中华人民共和国')}》第{hit['article']}条自{since}起施行、"
                      f"处罚更重，应适用{p['before']}（行政处罚法第三十七条）", [r.rec.file], r.ev(d.operative, 0))
            break


# -- L06 the penalty rests on a penalty article ---------------------------------------------------------------------
def outside_liability(library, basis: list[dict], day: dt.date | None, skip: str, none: list[dict]) -> list[dict]:
    """The provisions a penalty rests on when none of them sets a penalty: every one is an article of a law whose
    chapter 法律责任 (罚则) is known, and none is in that chapter (价格法第十九条, a rule of conduct, as the only basis
    of a fine). Empty when one of them is a penalty article, or when a law's penalty chapter is not known (a
    regulation made of penalties throughout has no such chapter). ``skip``: laws on procedure and discretion
    (行政处罚法 第二十八条, 第三十二条…) that are cited beside the penalty article, never as it; ``none``: articles of
    the chapter that set no penalty (价格法第四十一条: refund what was overcharged)."""
    from casefile.law.laws import liability_articles, version_file

    out = []
    for b in basis:
        found = library.find(b.get("law") or "") if b.get("article") else None
        if found and re.search(skip, found):
            continue
        v = library.version_on(found, day) if found else None
        path = version_file(v) if v else None
        chapter = liability_articles(path) if path else None
        if chapter is None:
            return []
        if str(b["article"]) in chapter and not any(n["law"] == found and b["article"] in n["articles"] for n in none):
            return []
        out.append(b)
    return out


# a sentence ends at “。” or “；”, but not where an article's wording copied in without quotation marks ends
# (“…第十二条经营者进行价格活动，…紧急措施。，《价格违法行为行政处罚规定》第九条…”: the list goes on)
_SENTENCE_END = re.compile(r"[。；](?![，,、《])")
_BEFORE = 400  # characters before the operative part where the basis may be stated in a sentence of its own


def _named_as_basis(d) -> list[dict]:
    """Provisions named after a 依据/根据 in their own sentence, in the operative part and just before it — from its
    “综上” on when it has one (a basis named in the reasoning before the 综上 is not the operative part's)."""
    if d.operative is None:
        return []
    lo = max(d.operative.start - _BEFORE, d.evidence.end if d.evidence else 0)
    lo = max(lo, d.text.rfind("综上", lo, d.operative.end))
    out = []
    for c in d.citations:
        if lo <= c.start < d.operative.end and c.article:
            s = max(m.end() for m in _SENTENCE_END.finditer(d.text, lo, c.start)) if _SENTENCE_END.search(d.text, lo, c.start) else lo
            if _BASIS_WORD.search(d.text, s, c.start) and not _VIOLATES.search(d.text, max(s, c.start - 12), c.start):
                out.append(c.to_value())
    return out


@predicate
def basis_is_penalty_article(ctx: CheckContext) -> Iterator[Hit]:
    """L06: a penalty rests on an article that sets it (行政处罚法 §38: a penalty with no basis is void); a rule of
    conduct (价格法第十三条、第十九条) says what is forbidden, its 法律责任 article what is imposed."""
    table = law_data("penalty_ranges")
    for r in decisions(ctx):
        d = r.decision
        basis = [b for m in d.measures for b in m.basis] + d.penalty_basis
        day, args = _date_of(ctx, d), (table["not_penalty_laws"], table["not_penalty_articles"])
        wrong = outside_liability(ctx.library, basis, day, *args) if basis else []
        if wrong and not outside_liability(ctx.library, wrong + _named_as_basis(d), day, *args):
            continue  # a penalty article is named as the basis just before (…依据第二十二条的规定。依照第四十一条…作如下处罚)
        if wrong:
            names = "、".join(dict.fromkeys(f"《{b['law'].removeprefix('中华人民共和国')}》第{b['article']}条" for b in wrong))
            yield Hit(f"处罚依据只引用了{names}，都不是设定处罚的条款（不在该法“法律责任”一章，或只规定退还、赔偿）；应引用"
                      "法律责任一章中对这一行为设定处罚的条款", [r.rec.file], r.ev(d.operative, 0) if d.operative else r.ev(None))


# -- L07 the decision names the provisions it rests on ------------------------------------------------------------
def names_no_provision(d, procedural: str, min_chars: int) -> bool:
    """A whole decision that decides a penalty and cites no article but of laws on procedure and discretion (行政处罚法,
    a 裁量 rule): neither the provision violated nor the one the penalty rests on is named (“罚款 180000 元。”)."""
    return (d.kind == "处罚" and bool(d.measures) and len(d.text) >= min_chars
            and not any(c.article and not re.search(procedural, c.law) for c in d.citations))


@predicate
def provisions_named(ctx: CheckContext) -> Iterator[Hit]:
    """L07: a decision names the provision violated and the one the penalty rests on (行政处罚法 §59(二)(三))."""
    table = law_data("penalty_ranges")
    for r in decisions(ctx):
        d = r.decision
        if names_no_provision(d, table["not_penalty_laws"], table["whole_decision_chars"]):
            at = d.operative or d.measures[0].span
            yield Hit(f"决定书通篇没有写明当事人违反的法律条款和处罚所依据的条款（决定只写“{at.text[:30]}”）；应写明违反的规定"
                      "（第几条）和作出处罚的依据", [r.rec.file], r.ev(at, 0))
