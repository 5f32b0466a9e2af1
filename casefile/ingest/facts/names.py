"""A case field, a document type and the violation's quantities as a person reads them (screens and
commands: this loads neither the extractor nor the readers)."""

from __future__ import annotations

from casefile.ingest.facts.fact import data


def violation_lines(case) -> list[str]:
    """The quantities of the violation as a person reads them (land, area, amounts), for ``case show``."""
    v = case.violation
    out = []
    if v.area_m2 is not None:
        kind = f"，地类{v.land_type}" if v.land_type else ""
        mu = f"{v.area_mu.normalize():f}亩" if v.area_mu is not None else ""
        out.append(f"占地面积：{v.area_m2.normalize():f}平方米" + (f"（{v.land_type}{mu}）" if v.land_type and mu else kind))
    for attr, label in (("goods_value", "货值金额"), ("sales_amount", "销售金额"), ("illegal_income", "违法所得")):
        val = getattr(v, attr)
        if val is not None:
            out.append(f"{label}：{val.normalize():f}元")
    if case.review.referred:
        out.append("已移送司法机关")
    return out


def field_label(name: str) -> str:
    """A case field as a person calls it (violation.cause → 案由); acts（…） notes are Chinese already."""
    return data().get("field_labels", {}).get(name, name)


def doc_type_name(code: str) -> str:
    from doc_templates.catalogue import load_catalogue

    t = load_catalogue().get(code)
    return t.name if t else "未识别"
