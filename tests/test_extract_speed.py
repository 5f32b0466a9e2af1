"""The extraction pipeline's own jieba tokenizer must cut exactly as spaCy's ChineseTokenizer(jieba)."""

from __future__ import annotations

from casefile.ingest.extract.normalize import compact
from casefile.ingest.extract.pipeline import get_nlp
from casefile.ingest.textio import read_document
from tests.conftest import SAMR

TXT = SAMR / "txt"
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


def _compact_reference(text):
    """compact() one character at a time: whitespace goes, one space stays between ASCII letters/digits."""
    folded = text.translate(__import__("casefile.ingest.extract.normalize", fromlist=["_FOLD_TABLE"])._FOLD_TABLE)
    out, offs = [], []
    i = 0
    while i < len(folded):
        if folded[i].isspace():
            j = i
            while j < len(folded) and folded[j].isspace():
                j += 1
            if out and j < len(folded) and out[-1].isascii() and out[-1].isalnum() and folded[j].isascii() and folded[j].isalnum():
                out.append(" ")
                offs.append(j - 1)
            i = j
        else:
            out.append(folded[i])
            offs.append(i)
            i += 1
    return "".join(out), offs


def test_compact_text_and_offsets():
    import random

    rnd = random.Random(7)
    alphabet = list("aZ9０Ａｚ 　\n\t\r中文，．－＊\x0b\u2028")
    texts = ["", " ", "ab  12 中 文\n x", "《中华人民\n共和国价格法》第十\n四条", "No. 5  A\u3000B"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14))) for _ in range(3000)]
    for t in texts:
        c = compact(t)
        assert (c.text, list(c.offsets)) == _compact_reference(t), repr(t)


def test_bare_law_names_as_one_longest_first_alternation():
    import re

    from casefile.ingest.extract.citations import _bare_name_matches, _bare_names

    text = ("依据价格法第十四条、中华人民共和国价格法第四十条、某某省价格监督检查办法第五条和价格监督检查办法第六条，"
            "明码标价和禁止价格欺诈规定第五条，某某市明码标价和禁止价格欺诈规定实施细则第二条")
    for titles in (set(), {"某某省价格监督检查办法"}, {"价格监督检查办法", "某某省价格监督检查办法", "某某市明码标价和禁止价格欺诈规定实施细则"},
                   {"明码标价和禁止价格欺诈规定实施细则", "禁止价格欺诈规定第"}):
        want = [(m.span(), m.group(0)) for m in re.finditer("|".join(map(re.escape, _bare_names(titles))), text)]
        assert [(m.span(), m.group(0)) for m in _bare_name_matches(text, titles)] == want


def _run_py(code, **env):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), **env})


def test_jieba_dictionary_cache_rebuilt_when_missing(tmp_path):
    # no jieba.cache in this cache dir: jieba builds the dictionary from its dict.txt, writes the cache, cuts the same
    code = ("from casefile.ingest.extract.pipeline import get_nlp\n"
            "print('/'.join(t.text for t in get_nlp()('依据中华人民共和国价格法第十四条')))\n")
    r = _run_py(code, CASEFILE_CACHE=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "jieba" / "jieba.cache").exists()  # the per-user cache, never the shared temp dir
    again = _run_py(code, CASEFILE_CACHE=str(tmp_path))  # and reads it back
    assert again.returncode == 0, again.stderr
    assert r.stdout == again.stdout == _run_py(code).stdout
