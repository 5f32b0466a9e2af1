"""The extraction pipeline's own jieba tokenizer must cut exactly as spaCy's ChineseTokenizer(jieba)."""

from __future__ import annotations

from casefile.extract.normalize import compact
from casefile.extract.pipeline import get_nlp
from casefile.textio import read_document
from tests.conftest import SHARED

TXT = SHARED / "corpus" / "samr" / "txt"
ODD = ["", " ", "  a", "a  b", "中文 English 123  四", "\n\n甲乙\r\n丙 丁\t戊", "ABC 123 测试", " 前导空格", "尾随空格 ",
       "2024年11月28日本文书", "当事人：清溪县某某商贸有限公司（个体工商户）"]


def _cut(nlp, text):
    return [(t.text, t.whitespace_) for t in nlp.make_doc(text)]


def test_same_words_and_spaces_as_spacy_chinese_tokenizer():
    import spacy

    ref = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp = get_nlp()
    texts = list(ODD)
    for p in sorted(TXT.glob("*.txt"))[:20]:
        raw = read_document(p).text
        texts += [compact(raw).text, raw]  # the raw text has newlines: spaCy's general alignment
    for _ in range(2):  # the second time every block comes from the cache
        for t in texts:
            assert _cut(nlp, t) == _cut(ref, t), t[:60]
