"""What a fine's range rests on besides a fixed amount, read from the decision (rule D01): the amount it
is a share or multiple of (货值, 工程合同价款, 建设工程造价, 林木价值, 价款 — their words in
``casefile/data/laws/penalty_ranges.toml [bases]``), the branch of an article that applies (城乡规划法第六十四条:
尚可改正 → 造价5%～10%, 无法改正 → 拆除, 10%以下: ``when`` / ``unless``), and the band an article sets for a
natural person (``individual_max``: 城市建筑垃圾管理规定第二十六条 个人200元以下)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from casefile.ingest.extract.decision import Decision, unquoted
from casefile.law.laws import law_table

_MONEY = r"(\d(?:[\d,]| (?=\d))*(?:\.\d{1,2})?万?元)"
_GOODS = re.compile(r"货值(?:金额)?(?:为|共计|合计|计|总金额为?)?(?:人民币)?[:：]?" + _MONEY)


def goods_value(d: Decision) -> Decimal | None:
    from casefile.ingest.extract.entities import parse_money

    m = _GOODS.search(d.text)
    return parse_money(m.group(1).replace(" ", "")) if m else None


def base_amount(d: Decision, base: str) -> Decimal | None:
    """The amount named ``base`` as the decision states it: 施工合同价款为人民币8600000元, 建设工程造价（1380000元）."""
    from casefile.ingest.extract.entities import parse_money

    words = "|".join(law_table("penalty_ranges")["bases"][base])
    pattern = re.compile(rf"(?:{words})[（(]?(?:为|共计|合计|计|是|约)?(?:人民币)?[:：]?{_MONEY}")
    # the amount the fine clause itself names (处项目合同金额2680000元千分之八) before one the facts name first
    # (每个合同金额1340000元, a part of the whole)
    m = (pattern.search(d.text, d.operative.start) if d.operative else None) or pattern.search(d.text)
    return parse_money(m.group(1).replace(" ", "")) if m else None


def applies(r: dict[str, Any], d: Decision) -> bool:
    """The branch of the article the decision is under: ``when`` its words appear outside quotation
    marks, ``unless`` they do not."""
    said = unquoted(d.text)
    return (not r.get("when") or bool(re.search(r["when"], said))) and not (r.get("unless") and re.search(r["unless"], said))


def individual(d: Decision) -> bool:
    """The party is a person (经营者为个人): a 个体工商户 (代码 92…) or a person named with sex or ID on the party's line."""
    party = d.party.text if d.party else ""
    head = d.text[:800]
    line = re.search(r"(?m)^(?:当事人|被处罚人)[^\n]{0,60}", head)
    return bool(re.search(r"个体|（个人|\(个人|个人独资", party)) or bool(re.search(r"统一社会信用代码[:：]?92", head)) or \
        bool(line and re.search(r"公民身份号码|身份证|[，,](?:男|女)[，,]", line.group(0)))


def special_band(r: dict[str, Any], d: Decision) -> tuple[Decimal, Decimal | None, str] | None:
    """The band of a range that rests on a base amount or on the party being a natural person; None
    when neither applies (or the base is not stated)."""
    if r.get("per") == "base":
        amount = base_amount(d, r["base"])
        if amount is None:
            return None
        if "base_below" in r and amount < Decimal(str(r["base_below"])):
            # 矿产资源法第六十四条：市场价值不足十万元的，十万元以上一百万元以下
            lo, hi = Decimal(str(r["below_min"])), Decimal(str(r["below_max"]))
            return lo, hi, f"{r['base']}{amount.normalize():f}元不足{r['base_below']}元的{r['below_min']}～{r['below_max']}元"
        if "base_min" in r and amount < Decimal(str(r["base_min"])):
            amount = Decimal(str(r["base_min"]))  # 固废法第一百一十二条：所需处置费用不足二十万元的，按二十万元计算
        lo, hi = Decimal(str(r.get("min", 0))), Decimal(str(r["max"]))
        unit = "倍" if hi >= 1 else ""
        show = (lambda x: f"{x.normalize():f}{unit}") if unit else (lambda x: f"{(x * 100).normalize():f}%")
        return lo * amount, hi * amount, f"{r['base']}{amount.normalize():f}元的{show(lo)}～{show(hi)}"
    if "individual_max" in r and individual(d):
        return Decimal(0), Decimal(str(r["individual_max"])), f"个人{r['individual_max']}元以下"
    return None


_RATE = re.compile(r"(?P<per>[千百])分之(?P<cn>[零〇一二三四五六七八九十百两点\d.]+)|(?P<num>\d+(?:\.\d+)?)\s*(?P<sign>[%％‰])"
                   r"|(?P<times>[一二三四五六七八九十两\d.]+)倍")


def _number(s: str) -> Decimal:
    """一点五 → 1.5, 十五 → 15, 1.5 → 1.5."""
    from casefile.model.cn import parse_cn_number

    whole, _, frac = s.replace("点", ".").partition(".")
    digits = "".join(str(parse_cn_number(c)) if not c.isdigit() else c for c in frac)
    return Decimal(f"{parse_cn_number(whole.replace('两', '二')) if whole else 0}.{digits or 0}")


def stated_rate(clause: str) -> Decimal | None:
    """The share or multiple a fine clause states of its base (千分之十五 → 0.015, 百分之一点五 → 0.015, 1.5% → 0.015,
    三倍 → 3): read when the decision does not restate the base amount itself, so the rate alone is compared."""
    m = _RATE.search(clause)
    if not m:
        return None
    try:
        if m.group("per"):
            return _number(m.group("cn")) / (1000 if m.group("per") == "千" else 100)
        if m.group("num"):
            return Decimal(m.group("num")) / (1000 if m.group("sign") == "‰" else 100)
        return _number(m.group("times"))
    except (ValueError, ArithmeticError):
        return None

