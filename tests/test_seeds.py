"""What the seed pair must show, and what edited copies of it must show (changed numbers, dates,
list members, spellings, digit forms). The product code knows nothing of these articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import compare
from checker.model import Article, Report
from checker.read import read_article

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

A_PATH, B_PATH = SEEDS


SEED_ARTICLES = [read_article(str(p)) for p in SEEDS]


@pytest.fixture(scope="module")
def pair() -> tuple[Article, Article]:
    return read_article(str(A_PATH)), read_article(str(B_PATH))


@pytest.fixture(scope="module")
def report(pair, analyzer) -> Report:
    return compare(list(pair), analyzer=analyzer)


def msgs(report: Report, kind: str, rule: str | None = None) -> list[str]:
    return [f.message for f in report.findings if f.kind == kind and (rule is None or f.rule == rule)]


def texts(report: Report, kind: str, rule: str | None = None) -> list[str]:
    return [e.text for f in report.findings if f.kind == kind and (rule is None or f.rule == rule) for e in f.evidence]


def test_agreements(report: Report) -> None:
    ids = [a.id for a in SEED_ARTICLES]
    found = values_by_article(report, "AG101")
    for n in ("7", "26", "3"):
        assert {ids[0]: {n}, ids[1]: {n}} in found, (n, found)
    assert any("دول" in m for m in msgs(report, "agreement", "AG101"))
    lists = msgs(report, "agreement", "AG201")
    assert lists and "order differs" in lists[0]


def test_no_contradiction_between_7_and_26(report: Report) -> None:
    assert not msgs(report, "contradiction")


def test_brussels_dates_fit_but_are_not_shown_as_one_date(report: Report) -> None:
    # «فبراير/شباط القادم» against «بعد ثلاثة أسابيع» (a week inside that February): they fit, so no
    # contradiction, but a month and a week are not one date, so no agreement shows the two
    assert not msgs(report, "contradiction", "CT102")
    dates = msgs(report, "agreement", "AG102")
    assert dates and not any("2016-02" in m for m in dates), dates
    assert all(len({v.split(": ", 1)[1] for v in m.split(": ", 1)[1].split(" | ")}) == 1 for m in dates), dates


def test_variants_and_alias(report: Report) -> None:
    v = " ".join(msgs(report, "variant"))
    for a, b in [("كارتر", "كاراتر"), ("آشتون", "أشتون"), ("أميركي", "أمريكي")]:
        assert a in v and b in v, (a, b, v)
    al = " ".join(msgs(report, "alias"))
    assert "داعش" in al and "تنظيم الدولة" in al


def test_gaps(report: Report) -> None:
    g = " ".join(msgs(report, "gap"))
    for needle in ("فالون", "25%", "10%", "روسيا"):
        assert needle in g, needle


def test_lint(report: Report) -> None:
    glued = texts(report, "lint", "LN101")
    for word in ("التحالفنجحت", "فالونعن", "منالقصف"):
        assert word in glued
    assert "اجتاماع" in texts(report, "lint", "LN102")


def test_offsets_are_exact(report: Report, pair) -> None:
    by_id = {a.id: a.text for a in pair}
    for f in report.findings:
        for e in f.evidence:
            assert by_id[e.article][e.start : e.end] == e.text, (f.rule, e)


# --- edited copies ---------------------------------------------------------------------------------


def edited(pair, analyzer, old: str, new: str, which: int = 1, count: int = 1) -> Report:
    arts = list(pair)
    art = arts[which]
    assert old in art.text, old
    arts[which] = Article(art.id, art.text.replace(old, new, count), art.path)
    return compare(arts, analyzer=analyzer)


def values_by_article(report: Report, rule: str) -> list[dict[str, set[str]]]:
    """Per finding of *rule*: the evidence values each article states."""
    out = []
    for f in report.findings:
        if f.rule == rule:
            by: dict[str, set[str]] = {}
            for e in f.evidence:
                by.setdefault(e.article, set()).add(e.value or e.text)
            out.append(by)
    return out


def has_conflict(report: Report, rule: str, pair, values: tuple[str, str], which: int = 1) -> bool:
    """A finding of *rule* where the untouched article states values[0] and the edited one values[1]."""
    ids = [a.id for a in pair]
    want = {ids[1 - which]: {values[0]}, ids[which]: {values[1]}}
    return want in values_by_article(report, rule)


def evidence_texts(report: Report, rule: str, article: str) -> set[str]:
    return {e.text for f in report.findings if f.rule == rule for e in f.evidence if e.article == article}


def test_changed_count_contradicts(pair, analyzer) -> None:
    r = edited(pair, analyzer, "اجتماعا يضم 26 دولة", "اجتماعا يضم 28 دولة", which=0)
    assert has_conflict(r, "CT101", pair, ("26", "28"), which=0), values_by_article(r, "CT101")
    assert "28" in evidence_texts(r, "CT101", pair[0].id)


def test_changed_words_count_contradicts(pair, analyzer) -> None:
    arts = list(pair)
    b = arts[1]
    text = b.text.replace("سبع دول مشاركة", "تسع دول مشاركة").replace("الدول السبع", "الدول التسع")
    r = compare([arts[0], Article(b.id, text, b.path)], analyzer=analyzer)
    assert has_conflict(r, "CT101", pair, ("7", "9")), values_by_article(r, "CT101")
    assert {"تسع", "التسع"} <= evidence_texts(r, "CT101", b.id)


@pytest.mark.parametrize(("old", "new"), [("الـ26", "الـ٢٦"), ("الـ26", "الستة والعشرين")])
def test_same_value_other_form_agrees(pair, analyzer, old: str, new: str) -> None:
    r = edited(pair, analyzer, old, new)
    assert not msgs(r, "contradiction")
    assert has_conflict(r, "AG101", pair, ("26", "26")), values_by_article(r, "AG101")
    assert new.removeprefix("الـ") in " ".join(evidence_texts(r, "AG101", pair[1].id))


def test_list_member_changed(pair, analyzer) -> None:
    r = edited(pair, analyzer, "وإيطاليا وهولندا، اجتمعوا", "وإيطاليا واليابان، اجتمعوا")
    assert msgs(r, "contradiction", "CT201")


def test_list_member_dropped_is_count_lint(pair, analyzer) -> None:
    r = edited(pair, analyzer, "وإيطاليا وهولندا، اجتمعوا", "وإيطاليا، اجتمعوا")
    assert msgs(r, "lint", "LN105")
    assert msgs(r, "contradiction", "CT201")


def test_weekday_mismatch(pair, analyzer) -> None:
    r = edited(pair, analyzer, "الأربعاء 20 يناير/كانون الثاني", "الخميس 20 يناير/كانون الثاني 2016")
    assert msgs(r, "lint", "LN104")


def test_brussels_month_changed(pair, analyzer) -> None:
    r = edited(pair, analyzer, "فبراير/شباط القادم", "أبريل/نيسان القادم", which=0)
    c = msgs(r, "contradiction", "CT102")
    assert c, msgs(r, "agreement", "AG102")


def test_identical_copies_only_agree(pair, analyzer) -> None:
    a = pair[0]
    b = Article("copy", a.text, None)
    r = compare([a, b], analyzer=analyzer)
    assert not msgs(r, "contradiction") and not msgs(r, "gap") and not msgs(r, "variant")
    assert msgs(r, "agreement")


def test_misspelled_surname_is_a_variant(pair, analyzer) -> None:
    r = edited(pair, analyzer, "وطالب كارتر", "وطالب كارتير")
    assert "كارتير" in evidence_texts(r, "VR102", pair[1].id)


def test_changed_meeting_place_contradicts(pair, analyzer) -> None:
    r = edited(pair, analyzer, "اجتماع في بروكسل", "اجتماع في روما")
    assert has_conflict(r, "CT103", pair, ("بروكسل", "روما")), values_by_article(r, "CT103")


def test_eastern_digits_agree(pair, analyzer) -> None:
    r = edited(pair, analyzer, "يضم 26 دولة", "يضم ٢٦ دولة", which=0)
    assert not msgs(r, "contradiction")
    assert has_conflict(r, "AG101", pair, ("26", "26"), which=0), values_by_article(r, "AG101")
    assert "٢٦" in evidence_texts(r, "AG101", pair[0].id)


def test_changed_goal_count_contradicts(pair, analyzer) -> None:
    r = edited(pair, analyzer, "ثلاثة أهداف", "أربعة أهداف")
    assert has_conflict(r, "CT101", pair, ("3", "4")), values_by_article(r, "CT101")
    assert "أربعة" in evidence_texts(r, "CT101", pair[1].id)


@pytest.mark.parametrize(
    "transform",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("، ", "،\u200f ").replace(", ", ",\u200f "),
        lambda t: t.replace("الولايات", "الولايـات").replace("دولة", "دولـة"),
    ],
    ids=["crlf", "rtl-marks", "tatweel"],
)
def test_invisible_changes_keep_the_findings(pair, analyzer, transform) -> None:
    base = compare(list(pair), analyzer=analyzer)
    arts = [Article(a.id, transform(a.text), a.path) for a in pair]
    r = compare(arts, analyzer=analyzer)
    assert r.counts()["contradiction"] == base.counts()["contradiction"] == 0
    assert len(msgs(r, "agreement")) == len(msgs(base, "agreement"))
    by_id = {a.id: a.text for a in arts}
    for f in r.findings:
        for e in f.evidence:
            assert by_id[e.article][e.start : e.end] == e.text
