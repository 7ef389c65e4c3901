"""Loaders and metrics of the accuracy harness, on tiny inline fixtures (never the shared data)."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import accuracy as acc  # noqa: E402
from benchmarks import datasets as ds  # noqa: E402
from benchmarks import stories as st  # noqa: E402

WOJOOD = """\
مراسلة O
سكرتير B-OCC
اللجنة I-OCC B-ORG
القومية I-OCC I-ORG
في I-OCC
نابلس I-OCC B-GPE
لشخص O
واحد B-CARDINAL
$#$ O

دفع O
60 B-MONEY B-CARDINAL
مليون I-MONEY I-CARDINAL
دولار I-MONEY B-CURR
و20 B-PERCENT
بالمئة I-PERCENT
"""

AQMAR = """\
ولد B-MIS1
رونالدو B-PER
في O
ماديرا B-LOC
. O

لعب O
مع O
مانشستر B-ORG
يونايتد I--ORG
"""


def test_wojood_nested_spans(tmp_path: Path) -> None:
    p = tmp_path / "train.txt"
    p.write_text(WOJOOD, encoding="utf-8")
    docs = ds.load_wojood(p)
    assert len(docs) == 2
    d0, d1 = docs
    assert "$#$" not in d0.text
    assert d0.text == "مراسلة سكرتير اللجنة القومية في نابلس لشخص واحد"
    by_label = {s.label: s for s in d0.spans}
    assert by_label["OCC"].text == "سكرتير اللجنة القومية في نابلس"
    assert by_label["ORG"].text == "اللجنة القومية"
    assert by_label["GPE"].text == "نابلس"
    assert by_label["CARDINAL"].text == "واحد"
    for doc in docs:
        for s in doc.spans:
            assert doc.text[s.start : s.end] == s.text
    labels1 = {(s.label, s.text) for s in d1.spans}
    assert ("MONEY", "60 مليون دولار") in labels1
    assert ("CARDINAL", "60 مليون") in labels1
    assert ("CURR", "دولار") in labels1
    assert ("PERCENT", "و20 بالمئة") in labels1
    assert ds.load_wojood(p, limit=1) == [d0]


def test_bio_b_restarts_and_dangling_i() -> None:
    rows: list[ds.TokenRow] = [("أ", ("B-X",)), ("ب", ("B-X",)), ("ج", ("I-X",)), ("د", ()), ("ه", ("I-X",))]
    doc = ds.build_doc("d", [rows])
    assert [(s.text, s.label) for s in doc.spans] == [("أ", "X"), ("ب ج", "X"), ("ه", "X")]


def test_aqmar(tmp_path: Path) -> None:
    (tmp_path / "Ronaldo.txt").write_text(AQMAR, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs = ds.load_aqmar(tmp_path)
    assert len(docs) == 1
    d = docs[0]
    assert d.id == "aqmar-Ronaldo"
    assert d.text == "ولد رونالدو في ماديرا .\nلعب مع مانشستر يونايتد"
    assert [(s.label, s.text) for s in d.spans] == [("PER", "رونالدو"), ("LOC", "ماديرا"), ("ORG", "مانشستر يونايتد")]
    assert ds.aqmar_tag("B-MIS1") == ()
    assert ds.aqmar_tag("I--ORG") == ("I-ORG",)


def test_ans(tmp_path: Path) -> None:
    p = tmp_path / "stance.csv"
    p.write_text('s1,s2,stance\r\n"مقتل 5, في تونس",مقتل 7 في تونس,disagree\r\nأ,ب,Agree\r\n', encoding="utf-8")
    pairs = ds.load_ans(p)
    assert pairs == [
        ds.Pair("ans-0000", "مقتل 5, في تونس", "مقتل 7 في تونس", "disagree"),
        ds.Pair("ans-0001", "أ", "ب", "agree"),
    ]
    assert len(ds.load_ans(p, limit=1)) == 1


def test_saudi_zip(tmp_path: Path) -> None:
    rows = [
        {"source": "okaz", "url": "http://x/1", "date_extracted": "2015-08-02 10:00:00", "title": "ع", "author": "",
         "content": " نص "},
        {"source": "okaz", "url": "http://x/1", "date_extracted": "2015-08-02", "title": "ع2", "author": None,
         "content": "نص"},
    ]  # fmt: skip
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("2015-08-02.json", json.dumps(rows, ensure_ascii=False))
    p = tmp_path / "day.zip"
    p.write_bytes(buf.getvalue())
    arts = ds.load_saudi(p)
    assert arts[0].id == ds.article_id("okaz", "http://x/1")
    assert arts[0].id.startswith("okaz_") and len(arts[0].id) == len("okaz_") + 8
    assert arts[1].id == arts[0].id + "-2"
    assert arts[0].content == "نص"
    assert arts[1].author == ""


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("140", 140),
        ("١٢", 12),
        ("واحد", 1),
        ("بحوالي ستة وثلاثين مليون وأربعمائة ألف", 36_400_000),
        ("مليون و800 ألف", 1_800_000),
        ("8.2 ملايين دولار", 8_200_000),
        ("6,6 مليون", 6_600_000),
        ("1,971", 1971),
        ("4.\u200f436", 4.436),
        ("0٫2", 0.2),
        ("و20 بالمئة", 20),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("مليوني دولار", 2_000_000),
        ("احد عشر", 11),
        ("2 , 0", None),
        ("عشرات", None),
        ("نصف مليون دولار", None),
    ],
)
def test_parse_number_span(text: str, value: float | None) -> None:
    got = ds.parse_number_span(text)
    if value is None:
        assert got is None
    else:
        assert got is not None and acc.same_number(got, value)


def test_parse_ordinal_and_runs() -> None:
    assert ds.parse_ordinal_span("الثاني") == 2
    assert ds.parse_ordinal_span("الحادي عشر") == 11
    assert ds.parse_ordinal_span("الأولى") == 1
    assert ds.parse_ordinal_span("الـ5") == 5
    assert ds.parse_ordinal_span("ثلثهم") is None
    runs = ds.number_runs("ضبط مليون و800 ألف مخالف و٣ أشخاص و20 في المئة يوم الاثنين")
    assert runs == [("مليون و 800 الف", 1_800_000), ("3", 3), ("20 %", 20)]
    assert ds.number_runs("آلاف المدنيين وأحد القادة") == []
    assert ds.is_date_token("والخميس") and ds.is_date_token("2014") and ds.is_date_token(ds.normalize("أغسطس"))
    assert not ds.is_date_token("2500")


def test_span_counts_exact_and_overlap() -> None:
    c = acc.SpanCounts()
    c.add(pred=[(0, 5), (10, 12), (20, 25), (20, 25)], gold=[(0, 5), (9, 13), (30, 31)])
    s = c.scores()
    assert (s["gold"], s["pred"]) == (3, 3)
    assert s["exact"] == {"p": round(1 / 3, 4), "r": round(1 / 3, 4), "f1": round(1 / 3, 4)}
    assert s["overlap"]["p"] == round(2 / 3, 4) and s["overlap"]["r"] == round(2 / 3, 4)
    assert acc.prf(0, 0, 0, 5) == {"p": None, "r": 0.0, "f1": None}


@dataclass(frozen=True)
class FakeFact:
    type: str
    start: int
    end: int
    text: str
    value: Any
    attrs: tuple[tuple[str, Any], ...] = ()


def fake_extract(doc_id: str, text: str) -> list[FakeFact]:
    """Digit runs as counts, ``بالمئة`` numbers as percents, money with a dict value, one ordinal."""
    import re

    out: list[FakeFact] = []
    for m in re.finditer(r"\d+", text):
        after = text[m.end() : m.end() + 8]
        if "مليون" in after:
            end = text.index("دولار", m.end()) + len("دولار")
            money = {"amount": int(m.group()) * 1_000_000, "currency": "USD"}
            out.append(FakeFact("money", m.start(), end, text[m.start() : end], money))
        elif "بالمئة" in after:
            out.append(FakeFact("percent", m.start(), m.end(), m.group(), int(m.group())))
        else:
            out.append(FakeFact("count", m.start(), m.end(), m.group(), int(m.group())))
    for m in re.finditer("الثاني", text):
        out.append(FakeFact("count", m.start(), m.end(), m.group(), 2, (("kind", "ordinal"),)))
    return out


def test_eval_wojood_with_fake_extractor() -> None:
    text = "دفع 60 مليون دولار و20 بالمئة في 1948 الثاني"
    spans = [
        ds.Span(4, 18, "MONEY", "60 مليون دولار"),
        ds.Span(4, 12, "CARDINAL", "60 مليون"),
        ds.Span(19, 29, "PERCENT", "و20 بالمئة"),
        ds.Span(33, 37, "DATE", "1948"),
        ds.Span(38, 44, "ORDINAL", "الثاني"),
    ]
    for s in spans:
        assert text[s.start : s.end] == s.text
    out = acc.eval_wojood([ds.Doc("d", text, tuple(spans))], fake_extract)
    t = out["types"]
    assert out["fact_offset_errors"] == 0
    assert out["number_nested_in_quantity_excluded"] == {"gold": 1, "pred": 0}
    assert t["money"]["exact"]["f1"] == 1.0 and t["money"]["value"]["accuracy"] == 1.0
    assert t["percent"]["exact"]["p"] == 0.0 and t["percent"]["overlap"]["f1"] == 1.0
    assert t["percent"]["value"]["correct"] == 1
    assert t["number"]["gold"] == 0 and t["number"]["pred"] == 1  # 1948 is a DATE in the gold
    assert t["number"]["spurious_by_gold_label"] == {"DATE": 1}
    assert t["ordinal"]["exact"]["f1"] == 1.0 and t["ordinal"]["value"]["accuracy"] == 1.0
    assert t["date"]["pred"] == 0 and t["date"]["exact"]["r"] == 0.0


def test_merge_compound_gold() -> None:
    text = "بحوالي ستة وثلاثين مليون نسمة و 5"
    spans = [(0, 10), (11, 18), (19, 24), (32, 33)]
    merged, n = acc.merge_compound(spans, text)
    assert merged == [(0, 24), (32, 33)] and n == 2


def test_eval_aqmar_with_fake_extractor() -> None:
    text = "ولد رونالدو في ماديرا"
    doc = ds.Doc("a", text, (ds.Span(4, 11, "PER", "رونالدو"), ds.Span(15, 21, "LOC", "ماديرا")))

    def extract(_id: str, t: str) -> list[FakeFact]:
        return [FakeFact("place", 12, 21, t[12:21], None), FakeFact("person", 4, 11, t[4:11], None)]

    out = acc.eval_aqmar([doc], extract)
    assert out["types"]["person"]["exact"]["f1"] == 1.0
    assert out["types"]["place"]["exact"]["f1"] == 0.0 and out["types"]["place"]["overlap"]["f1"] == 1.0
    assert out["types"]["org"]["gold"] == 0


def test_changed_slots() -> None:
    def no_places() -> tuple[list[acc.Mention], list[acc.Mention]]:
        return [], []

    assert acc.changed_slots("مقتل 5 أشخاص", "مقتل سبعة أشخاص", no_places) == {"number"}
    assert acc.changed_slots("مقتل 5 أشخاص", "مقتل خمسة أشخاص", no_places) == set()
    assert acc.changed_slots("مقتل 7 ناشطين بينهم 3 نساء", "الإفراج عن 7 ناشطين", no_places) == set()
    assert acc.changed_slots("قمة في أغسطس 2014", "قمة في سبتمبر 2014", no_places) == {"date"}
    assert acc.changed_slots("منذ 2011", "منذ 2014", no_places) == {"date"}

    def places() -> tuple[list[acc.Mention], list[acc.Mention]]:
        return [(frozenset({"تونس"}), "TN")], [(frozenset({"مغرب"}), "MA")]

    def aliases() -> tuple[list[acc.Mention], list[acc.Mention]]:
        return [(frozenset({"امريكا"}), "US")], [(frozenset({"ولايات", "متحده"}), "US")]

    assert acc.changed_slots("فيضانات في تونس", "فيضانات بالمغرب", places) == {"place"}
    assert acc.changed_slots("قرار أمريكا", "قرار الولايات المتحدة", aliases) == set()


def test_rewrite_number_and_forms() -> None:
    assert acc.rewrite_number("مقتل 5 أشخاص", "indic") == "مقتل ٥ أشخاص"
    assert acc.rewrite_number("مقتل 5 أشخاص", "words") == "مقتل خمسة أشخاص"
    assert acc.rewrite_number("مقتل 13 شخصا", "words") is None
    assert acc.rewrite_number("نمو 2.5%", "indic") == "نمو ٢٫٥%"
    assert acc.rewrite_number("نمو 20% سنويا", "percent") == "نمو 20 بالمئة سنويا"
    assert acc.rewrite_number("بلا أرقام", "indic") is None
    assert acc.same_value_other_form("مقتل 5 أشخاص", "مقتل خمسة أشخاص")
    assert acc.same_value_other_form("نمو 20%", "نمو ٢٠ بالمئة")
    assert not acc.same_value_other_form("مقتل 5 أشخاص", "مقتل 5 من الأشخاص")
    assert not acc.same_value_other_form("مقتل 5 أشخاص", "مقتل 6 أشخاص")


@dataclass(frozen=True)
class FakeEvidence:
    article: str
    start: int
    end: int
    text: str
    value: str | None = None


@dataclass(frozen=True)
class FakeFinding:
    kind: str
    rule: str
    severity: str
    fact: str
    message: str
    evidence: tuple[FakeEvidence, ...]


@dataclass(frozen=True)
class FakeReport:
    findings: tuple[FakeFinding, ...]


def fake_compare(specs: list[acc.ArticleSpec]) -> FakeReport:
    """A contradiction on the first differing digit between the first two articles."""
    (i1, t1, *_), (i2, t2, *_) = specs[:2]
    import re

    m1, m2 = re.search(r"\d+", t1), re.search(r"\d+", t2)
    if m1 and m2 and m1.group() != m2.group():
        ev = (FakeEvidence(i1, m1.start(), m1.end(), m1.group()), FakeEvidence(i2, m2.start(), m2.end(), m2.group()))
        return FakeReport((FakeFinding("contradiction", "CT101", "error", "count", "differ", ev),))
    return FakeReport(())


def test_eval_ans_with_fakes() -> None:
    pairs = [
        ds.Pair("p0", "مقتل 5 أشخاص في تونس", "مقتل 7 أشخاص في تونس", "disagree"),
        ds.Pair("p1", "مقتل 5 أشخاص", "مقتل خمسة أشخاص", "agree"),
        ds.Pair("p2", "مقتل 5 أشخاص", "قتل 5 أشخاص", "agree"),
        ds.Pair("p3", "قمة في أغسطس", "قمة في سبتمبر", "disagree"),
    ]
    out = acc.eval_ans(pairs, fake_compare, lambda _i, _t: [])
    slots = out["disagree_changed_slot"]
    assert slots["number"] == {"pairs": 1, "hits": 1, "detection_rate": 1.0}
    assert slots["date"] == {"pairs": 1, "hits": 0, "detection_rate": 0.0}
    assert slots["any"]["pairs"] == 2
    assert out["agree"]["pairs"] == 2 and out["agree"]["false_alarm_rate"] == 0.0
    assert out["same_value_natural"]["pairs"] == 1
    syn = out["same_value_synthetic"]
    # the fake compares raw digit strings, so it (wrongly) contradicts the Arabic-Indic rewrites
    assert syn["indic"] == {"pairs": 2, "hits": 2, "contradiction_rate": 1.0}
    assert syn["words"]["pairs"] == 2
    assert syn["paraphrase_indic"]["pairs"] == 1


def _news(aid: str, source: str, title: str, content: str) -> ds.NewsArticle:
    return ds.NewsArticle(aid, source, f"http://{aid}", "2015-08-02 10:00:00", title, "", content)


def test_group_stories_and_saudi_eval(tmp_path: Path) -> None:
    arts = [
        _news("a1", "okaz", "خادم الحرمين الشريفين يصل إلى المملكة المغربية", "وصل خادم الحرمين الشريفين إلى طنجة"),
        _news("a2", "sabq", "خادم الحرمين الشريفين يصل إلى المغرب", "وصل خادم الحرمين الشريفين إلى طنجة قادما"),
        _news("a3", "okaz", "خادم الحرمين يصل إلى المغرب", "وصل خادم الحرمين الشريفين إلى طنجة"),
        _news("b1", "alyaum", "أمطار غزيرة على الطائف", "هطلت أمطار غزيرة على محافظة الطائف"),
    ]
    stories = st.group_stories(arts, threshold=0.3)
    assert len(stories) == 1
    story = stories[0]
    assert story.id == "story-000"
    assert len(story.articles) == 2 and len(story.sources) == 2  # one article per outlet

    def crashing(specs: list[acc.ArticleSpec]) -> FakeReport:
        raise RuntimeError("boom")

    out, per_story = acc.eval_saudi(stories, crashing, len(arts))
    assert out["crashes"] == 1 and per_story["story-000"][0].startswith("CRASH")
    out, per_story = acc.eval_saudi(stories, fake_compare, len(arts))
    assert out["crashes"] == 0 and out["findings"] == 0 and out["evidence_offset_errors"] == 0
    sample = tmp_path / "s.md"
    acc.write_stories_sample(sample, stories, per_story)
    assert "story-000" in sample.read_text(encoding="utf-8")


def test_figures_and_regressions() -> None:
    base = {"ans.agree.false_alarm_rate": 0.10, "wojood.number.exact.f1": 0.50, "saudi.crashes": 0.0}
    cur = {"ans.agree.false_alarm_rate": 0.13, "wojood.number.exact.f1": 0.49, "saudi.crashes": 1.0}
    bad = acc.regressions(cur, base)
    assert len(bad) == 2 and bad[0].startswith("ans.agree") and bad[1].startswith("saudi.crashes")
    assert acc.regressions(base, base) == []
    assert acc.fact_number({"amount": 5, "currency": "USD"}) == 5.0
    assert acc.fact_number(True) is None and acc.fact_number("1,500") == 1500.0
