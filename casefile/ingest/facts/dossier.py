"""The facts of the whole dossier: every document's facts, one value per fact from the documents that
speak with most authority, derived facts (sector, land, the head's approval) and every pair of documents
that state one fact differently. Read from a case's stored documents (cached by hash) or from texts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

from casefile.ingest.facts.fact import AUTHORITY, DECISION_PAPERS, NARRATIVES, RECORDS, VERSION, Fact, data
from casefile.ingest.facts.reading import document_facts


@dataclass
class DossierFacts:
    docs: list[tuple[str, str, str, list[Fact]]] = field(default_factory=list)  # (doc, doc_type, title, facts)

    def add(self, doc: str, doc_type: str, title: str, facts: list[Fact]) -> None:
        self.docs.append((doc, doc_type, title, facts))

    def _ordered(self) -> list[tuple[str, str, str, list[Fact]]]:
        rank = {t: i for i, t in enumerate(AUTHORITY)}
        return sorted(self.docs, key=lambda d: rank.get(d[1], len(rank)))

    def all(self, key: str, types: Iterable[str] | None = None) -> list[tuple[str, Fact]]:
        """(doc_type, fact) for every fact under key, the most authoritative documents first."""
        ts = set(types) if types else None
        return [(t, f) for _, t, _, fs in self._ordered() if ts is None or t in ts for f in fs if f.key == key]

    def first(self, key: str, types: Iterable[str] | None = None) -> Fact | None:
        xs = self.all(key, types)
        return xs[0][1] if xs else None

    # -- derived facts --------------------------------------------------------------------------------
    def sector(self, agency: str, sectors: dict[str, Any] | None = None) -> tuple[str, str]:
        """(sector, why): from the agency's name, else from the laws the documents cite."""
        sectors = sectors or data()["sectors"]
        # the sector word written first in the name is the agency's field; a later one its form
        # (常德市文化市场综合执法局: 文化市场, not the 综合执法 of 城管)
        at = {name: min(i for w in s["agency"] if (i := agency.find(w)) >= 0)
              for name, s in sectors.items() if agency and any(w in agency for w in s["agency"])}
        if at:
            return min(at, key=lambda k: at[k]), f"执法机关“{agency}”"
        counts: dict[str, int] = {}
        for _, f in self.all("law"):
            for name, s in sectors.items():
                if any(f.value == w or f.value.endswith(w) for w in s["laws"]):
                    counts[name] = counts.get(name, 0) + 1
        if counts:
            best = max(counts, key=lambda k: counts[k])
            return best, f"所引法律（{best}领域）"
        return "", ""

    def land(self) -> dict[str, Any]:
        """The area occupied (m²), per land kind, from the documents that state it most fully."""
        by_doc: dict[str, list[Fact]] = {}
        for _, f in self.all("land"):
            by_doc.setdefault(f.doc, []).append(f)
        if not by_doc:
            return {}
        rank = {t: i for i, t in enumerate(AUTHORITY)}
        types = {d: t for d, t, _, _ in self.docs}
        doc = min(by_doc, key=lambda d: (rank.get(types.get(d, ""), 99), -len(by_doc[d])))
        fs = by_doc[doc]
        total = max(fs, key=lambda f: Decimal(f.value["m2"]))
        kinds: dict[str, Fact] = {}
        for d in [doc] + [x for x in by_doc if x != doc]:
            for f in by_doc[d]:
                k = f.value["kind"]
                if k and (k not in kinds or (d == doc and Decimal(f.value["m2"]) > Decimal(kinds[k].value["m2"]))):
                    if k in kinds and kinds[k].doc == doc and d != doc:
                        continue
                    kinds[k] = f
        return {"total": total, "kinds": kinds}

    def head_approved(self) -> Fact | None:
        """The head's approval of the decision (行政处罚法第五十七条), in whatever paper it is written."""
        for t, f in self.all("head", DECISION_PAPERS):
            if f.value == "同意":
                return f
        return None

    def identifiers(self) -> list[Fact]:
        return [f for _, f in self.all("uscc")] + [f for _, f in self.all("id_card")]

    def disagreements(self) -> list[dict[str, Any]]:
        """Pairs of documents that state one fact differently: (what, fact a, fact b).

        Records of what someone said or saw (询问笔录, 现场笔录, 听证笔录) carry the interviewee's own
        address and number and first estimates; only the party's name and code are compared there."""
        out = []
        formal = [d for d, t, _, _ in self.docs if t not in RECORDS]
        out += self._pairs("party", "当事人", _same_text)
        out += self._pairs("uscc", "统一社会信用代码", _same_id)
        if not self.all("uscc"):
            out += self._pairs("id_card", "身份证号码", _same_id, docs=formal)
        out += self._pairs("address", "住所（住址）", _same_text, docs=formal)
        for key, label in (("goods_value", "货值金额"), ("sales_amount", "销售金额"), ("illegal_income", "违法所得")):
            out += self._pairs(key, label, lambda a, b: Decimal(a) == Decimal(b), single=True, docs=formal)
        out += self._area_pairs(formal)
        out += self._filing_pairs()
        return out

    def _filing_pairs(self) -> list[dict[str, Any]]:
        """The 立案 date written on the 立案审批表 against the date a narrative gives it."""
        stated = [f for t, f in self.all("filing_date") if t == "filing_approval"]
        if not stated:
            return []
        told = [f for t, f in self.all("filing_date") if t in NARRATIVES]
        seen = set()
        out = []
        for f in told:
            if f.value != stated[0].value and f.doc not in seen:
                seen.add(f.doc)
                out.append({"what": "立案日期", "a": stated[0], "b": f})
        return out

    def _pairs(self, key: str, label: str, same, single: bool = False, docs: list[str] | None = None) -> list[dict[str, Any]]:
        per_doc: dict[str, list[Fact]] = {}
        for _, f in self.all(key):
            if docs is None or f.doc in docs:
                per_doc.setdefault(f.doc, []).append(f)
        if single:
            # a document that states several amounts (per product, per year) is not compared
            per_doc = {d: fs for d, fs in per_doc.items() if len({f.value for f in fs}) == 1}
        docs = list(per_doc)
        out = []
        reported = set()
        for i, a in enumerate(docs):
            fa = per_doc[a][0]
            for b in docs[i + 1:]:
                fb = per_doc[b][0]
                if any(same(_val(fa), _val(x)) for x in per_doc[b]) or any(same(_val(fb), _val(x)) for x in per_doc[a]):
                    continue
                pair = (_val(fa), _val(fb))
                if pair in reported:
                    continue
                reported.add(pair)
                out.append({"what": label, "a": fa, "b": fb})
        return out

    def _area_pairs(self, only: list[str]) -> list[dict[str, Any]]:
        per_doc: dict[str, list[Fact]] = {}
        for _, f in self.all("land"):
            if f.doc in only:
                per_doc.setdefault(f.doc, []).append(f)
        docs = list(per_doc)
        out = []
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                ma = max(per_doc[a], key=lambda f: Decimal(f.value["m2"]))
                mb = max(per_doc[b], key=lambda f: Decimal(f.value["m2"]))
                if _near_any(ma, per_doc[b]) or _near_any(mb, per_doc[a]):
                    continue
                out.append({"what": "占地面积", "a": ma, "b": mb})
        return out


def _val(f: Fact) -> Any:
    return f.value["number"] if isinstance(f.value, dict) and "number" in f.value else f.value


def _norm(s: str) -> str:
    return re.sub(r"[\s，,。；;：:（）()“”\"'、·\-—]", "", s)


_ORG = re.compile(r"(公司|店|厂|部|中心|合作社|场|站|所|社|行|馆|院|超市|经营户|工作室|企业|集团|委员会)")


def _same_text(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if "*" in a or "*" in b or "某" in a or "某" in b:
        return True  # published copies hide names
    if bool(_ORG.search(a)) != bool(_ORG.search(b)):
        return True  # a person beside an organisation: its operator or representative, not another party
    return a == b or (len(a) >= 4 and len(b) >= 4 and (a in b or b in a))


def _same_id(a: str, b: str) -> bool:
    if "*" in a or "*" in b:
        # a masked number agrees with one whose visible digits match
        return len(a) == len(b) and all(x == y or "*" in (x, y) for x, y in zip(a, b))
    return a == b


def _near_any(f: Fact, others: list[Fact]) -> bool:
    v = Decimal(f.value["m2"])
    return any(abs(Decimal(o.value["m2"]) - v) <= max(Decimal("1"), v * Decimal("0.02")) for o in others)


def load(case_dir, register) -> DossierFacts:
    """The facts of every document in a case's register; each document is read once, then cached by its hash."""
    from casefile.store import documents
    from casefile.ingest.textio import read_document

    out = DossierFacts()
    for rec in register.documents:
        hit = documents.read_cache(case_dir, rec.sha256, VERSION) if rec.sha256 else None
        if hit is None:
            try:
                pages = read_document(case_dir / rec.file).pages
            except Exception:  # noqa: BLE001 - an unreadable document states no facts; the documents rules say why
                pages = []
            facts = document_facts(rec.file, rec.doc_type, rec.title or rec.name, pages)
            if rec.sha256:
                documents.write_cache(case_dir, rec.sha256, [f.to_dict() for f in facts], VERSION)
        else:
            facts = [Fact(**d) for d in hit]
        out.add(rec.file, rec.doc_type, rec.title or rec.name, facts)
    return out


def from_texts(docs: Iterable[tuple[str, str, str, list[str]]]) -> DossierFacts:
    """The facts of documents given as (name, doc_type, title, pages)."""
    out = DossierFacts()
    for name, doc_type, title, pages in docs:
        out.add(name, doc_type, title, document_facts(name, doc_type, title, pages))
    return out
