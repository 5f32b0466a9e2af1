"""L03/L04: the rules a 行政处罚决定书 rests on are in force and cited by their current article numbers
(repeals and renumberings are data: ``casefile/data/laws/*.toml``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from checklists.context import CheckContext, Hit
from casefile.ingest.extract.decision import Span
from checklists.decision_rules import _date_of, decisions, law_data
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
_PERIOD = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:起)?(?:至|到|—|－|-|~|～)(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})[日号])?")


def _act_end(text: str, act_words: str) -> dt.date | None:
    """The last day of the act as the decision's facts state it: a period ``X年M月至(Y年)N月(D日)`` in a sentence
    that tells the act (开采, 占用…); None when the text gives no end (only a start, 至今)."""
    ends = []
    for m in _PERIOD.finditer(text):
        s = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
        e = text.find("。", m.end())
        if not re.search(act_words, text[s: len(text) if e < 0 else e]):
            continue
        year, month = int(m.group(4) or m.group(1)), int(m.group(5))
        if not 1 <= month <= 12:
            continue
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        ends.append(dt.date(year, month, min(int(m.group(6) or last), last)))
    return max(ends) if ends else None


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
        end = _act_end(facts, table["act_words"])
        for p in table["provision"]:
            since = dt.date.fromisoformat(p["since"])
            hit = next((b for b in basis if b.get("law") == p["law"] and b.get("article") in p["articles"]), None)
            if hit is None or not p.get("heavier") or end is None or end >= since:
                continue
            yield Hit(f"违法行为于{end}前终了，处罚依据《{p['law'].removeprefix('中华人民共和国')}》第{hit['article']}条自{since}起施行、"
                      f"处罚更重，应适用{p['before']}（行政处罚法第三十七条）", [r.rec.file], r.ev(d.operative, 0))
            break
