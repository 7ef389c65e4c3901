"""Each generic check on hand-made facts: cases that must fire and cases that must stay silent."""

from __future__ import annotations

from typing import Any

import pytest

from checker.engine import load_rules, run_rules
from checker.engine.names import similar_forms
from checker.model import Fact
from checker.text.chars import match_key

RULES = load_rules()
BY_CODE = {r.code: r for r in RULES}


def fact(
    article: str,
    type_: str,
    value: Any,
    start: int = 0,
    *,
    key: str = "",
    text: str = "x",
    context: set[str] | None = None,
    sentence: int = 0,
    attrs: tuple = (),
    display: str | None = None,
) -> Fact:
    return Fact(
        article,
        type_,
        key,
        value,
        display if display is not None else str(value),
        start,
        start + len(text),
        text,
        sentence,
        "test",
        frozenset(context or set()),
        attrs,
    )


def kinds(findings, kind: str | None = None, rule: str | None = None) -> list:
    return [f for f in findings if (kind is None or f.kind == kind) and (rule is None or f.rule == rule)]


PARIS = {"اجتماع", "وزير", "دفاع", "باريس", "تحالف"}
BRUSSELS = {"اجتماع", "يعقد", "بروكسل", "فبراير", "تحالف", "مقبل"}


def test_same_count_agrees() -> None:
    fs = [fact("a", "count", 7, key="دول", context=PARIS), fact("b", "count", 7, key="دول", context=PARIS)]
    out = run_rules(RULES, fs, ["a", "b"])
    assert len(kinds(out, "agreement", "AG101")) == 1
    assert not kinds(out, "contradiction")


def test_one_figure_worded_two_ways_is_one_agreement_of_every_article() -> None:
    # two outlets word the sentence one way, two another: each pair forms first, then the two
    # pairs join (every value alike), so the message says 4 of 4, not "2 of 4" twice
    one = {"تطرح", "غرفة", "تعليم", "تدريب"}
    other = {"شباب", "غرفة", "شاغرة", "للشباب"}
    fs = [
        fact("a", "count", 50, key="وظيفة", context=one),
        fact("b", "count", 50, key="وظيفة", context=one),
        fact("c", "count", 50, key="وظيفة", context=other),
        fact("d", "count", 50, key="وظيفة", context=other),
    ]
    out = kinds(run_rules(RULES, fs, ["a", "b", "c", "d"]), "agreement", "AG101")
    assert len(out) == 1 and {e.article for e in out[0].evidence} == {"a", "b", "c", "d"}, out
    assert "4 of 4" in out[0].message


def test_two_wordings_with_different_figures_stay_apart() -> None:
    one = {"تطرح", "غرفة", "تعليم", "تدريب"}
    other = {"شباب", "غرفة", "شاغرة", "للشباب"}
    fs = [
        fact("a", "count", 50, key="وظيفة", context=one),
        fact("b", "count", 50, key="وظيفة", context=one),
        fact("c", "count", 40, key="وظيفة", context=other),
        fact("d", "count", 40, key="وظيفة", context=other),
    ]
    out = run_rules(RULES, fs, ["a", "b", "c", "d"])
    assert all(len({e.article for e in f.evidence}) == 2 for f in kinds(out, "agreement", "AG101"))


def test_changed_count_contradicts() -> None:
    fs = [fact("a", "count", 5, key="شخص", context=PARIS), fact("b", "count", 7, key="شخص", context=PARIS)]
    out = run_rules(RULES, fs, ["a", "b"])
    c = kinds(out, "contradiction", "CT101")
    assert len(c) == 1 and {e.article for e in c[0].evidence} == {"a", "b"}


def test_two_groups_of_the_same_noun_do_not_contradict() -> None:
    fs = [
        fact("a", "count", 7, 10, key="دول", context=PARIS),
        fact("a", "count", 26, 50, key="دول", context=BRUSSELS),
        fact("b", "count", 26, 10, key="دول", context=BRUSSELS | {"عراق"}),
        fact("b", "count", 7, 80, key="دول", context=PARIS | {"سبع"}),
    ]
    out = run_rules(RULES, fs, ["a", "b"])
    assert not kinds(out, "contradiction")
    assert len(kinds(out, "agreement", "AG101")) == 2


def test_different_nouns_never_align() -> None:
    fs = [fact("a", "count", 7, key="دول", context=PARIS), fact("b", "count", 9, key="قتيل", context=PARIS)]
    assert not kinds(run_rules(RULES, fs, ["a", "b"]), "contradiction")


def test_unrelated_context_does_not_contradict() -> None:
    fs = [
        fact("a", "count", 7, key="دول", context=PARIS),
        fact("b", "count", 26, key="دول", context={"قمة", "نيويورك"}),
    ]
    out = run_rules(RULES, fs, ["a", "b"])
    assert not kinds(out, "contradiction")
    assert len(kinds(out, "gap", "GP101")) == 2


@pytest.mark.parametrize(
    ("a", "b", "contradiction"),
    [
        ((100, ("qualifier", "approx")), (105, None), False),
        ((100, ("qualifier", "approx")), (150, None), True),
        ((5, ("high", 7)), (6, None), False),
        ((5, ("high", 7)), (9, None), True),
        ((1000, ("qualifier", "more_than")), (1200, None), False),
        ((1000, ("qualifier", "more_than")), (800, None), True),
        ((0.5, None), (0.5, None), False),
    ],
)
def test_tolerances(a: tuple, b: tuple, contradiction: bool) -> None:
    fa = fact("a", "number", a[0], context=PARIS, attrs=(a[1],) if a[1] else ())
    fb = fact("b", "number", b[0], context=PARIS, attrs=(b[1],) if b[1] else ())
    out = run_rules(RULES, [fa, fb], ["a", "b"])
    assert bool(kinds(out, "contradiction")) is contradiction


def test_money_needs_same_currency() -> None:
    ctx = {"صفقة", "قيمة", "شركة"}
    usd = fact("a", "money", {"amount": 5e6, "currency": "USD"}, key="USD", context=ctx)
    sar = fact("b", "money", {"amount": 7e6, "currency": "SAR"}, key="SAR", context=ctx)
    usd2 = fact("b", "money", {"amount": 7e6, "currency": "USD"}, key="USD", context=ctx)
    assert not kinds(run_rules(RULES, [usd, sar], ["a", "b"]), "contradiction")
    assert kinds(run_rules(RULES, [usd, usd2], ["a", "b"]), "contradiction")


def _date(article: str, first: str, last: str, start: int = 0, ctx: set[str] = PARIS) -> Fact:
    return fact(article, "date", {"first": first, "last": last, "granularity": "day"}, start, context=ctx)


def test_dates_overlap_agree_and_disjoint_contradict() -> None:
    month = _date("a", "2016-02-01", "2016-02-29", ctx=BRUSSELS)
    day = _date("b", "2016-02-10", "2016-02-10", ctx=BRUSSELS)
    other = _date("b", "2016-03-10", "2016-03-10", ctx=BRUSSELS)
    same = _date("b", "2016-02-01", "2016-02-29", ctx=BRUSSELS)
    assert kinds(run_rules(RULES, [month, same], ["a", "b"]), "agreement", "AG102")
    # a day inside the month fits it but is not the same date: neither agreement (it would show
    # two values) nor contradiction
    inside = run_rules(RULES, [month, day], ["a", "b"])
    assert not kinds(inside, "agreement", "AG102") and not kinds(inside, "contradiction")
    assert kinds(run_rules(RULES, [month, other], ["a", "b"]), "contradiction", "CT102")
    unresolved = fact("b", "date", {"first": None, "last": None, "granularity": "day"}, context=BRUSSELS)
    assert not kinds(run_rules(RULES, [month, unresolved], ["a", "b"]), "contradiction")


def _list(article: str, members: list[str]) -> Fact:
    return fact(article, "list", sorted(members), key="country", attrs=(("members", members),))


def test_lists_as_sets() -> None:
    a = _list("a", ["US", "FR", "GB", "DE"])
    b = _list("b", ["FR", "US", "DE", "GB"])
    c = _list("b", ["FR", "US", "DE", "IT"])
    out = run_rules(RULES, [a, b], ["a", "b"])
    assert kinds(out, "agreement", "AG201") and not kinds(out, "contradiction")
    assert "order differs" in kinds(out, "agreement", "AG201")[0].message
    out = run_rules(RULES, [a, c], ["a", "b"])
    assert kinds(out, "contradiction", "CT201")
    far = _list("b", ["JP", "CN", "KR", "FR"])
    assert not kinds(run_rules(RULES, [a, far], ["a", "b"]), "contradiction")


def _person(article: str, name: str, start: int = 0, role: str | None = "وزير") -> Fact:
    key = name.split()[-1]
    from checker.text.chars import match_key

    return fact(
        article,
        "person",
        match_key(name),
        start,
        key=match_key(key),
        text=name,
        display=name,
        attrs=(("role", role),) if role else (),
    )


def test_person_variants() -> None:
    fs = [_person("a", "آشتون كارتر"), _person("b", "أشتون كاراتر"), _person("b", "اشتون كارتر", 40)]
    out = run_rules(RULES, fs, ["a", "b"])
    ortho = kinds(out, "variant", "VR101")
    spell = kinds(out, "variant", "VR102")
    assert any("آشتون" in f.message and "أشتون" in f.message for f in ortho)
    assert any("كارتر" in f.message and "كاراتر" in f.message for f in spell)


@pytest.mark.parametrize(("a", "b"), [("كيري", "كارتر"), ("سوريا", "روسيا"), ("محمد", "أحمد")])
def test_distinct_names_never_merge(a: str, b: str) -> None:
    assert not similar_forms(a, b, BY_CODE["VR102"])


def test_distinct_people_are_not_variants() -> None:
    fs = [_person("a", "جون كيري"), _person("b", "آشتون كارتر")]
    assert not kinds(run_rules(RULES, fs, ["a", "b"]), "variant")


def _ent(article: str, eid: str, text: str, start: int = 0, type_: str = "org") -> Fact:
    return fact(article, type_, eid, start, key=eid, text=text, display=text, attrs=(("entity_type", "group"),))


def test_alias_across_articles() -> None:
    fs = [_ent("a", "org-isis", "تنظيم الدولة الإسلامية"), _ent("b", "org-isis", "داعش")]
    out = run_rules(RULES, fs, ["a", "b"])
    assert kinds(out, "alias", "AL101")
    same = [_ent("a", "org-isis", "داعش"), _ent("b", "org-isis", "داعش")]
    assert not kinds(run_rules(RULES, same, ["a", "b"]), "alias")


def test_gaps_need_two_articles() -> None:
    fs = [
        _ent("a", "RU", "روسيا", type_="place"),
        _ent("b", "FR", "فرنسا", type_="place"),
        _ent("a", "FR", "فرنسا", 30, type_="place"),
    ]
    fs = [
        Fact(
            f.article,
            f.type,
            f.key,
            f.value,
            f.display,
            f.start,
            f.end,
            f.text,
            0,
            "t",
            frozenset(),
            (("entity_type", "country"),),
        )
        for f in fs
    ]
    out = run_rules(RULES, fs, ["a", "b"])
    gaps = kinds(out, "gap", "GP103")
    assert len(gaps) == 1 and "روسيا" in gaps[0].message
    assert not kinds(run_rules(RULES, fs[:1], ["a"]), "gap")


def test_lint_facts_become_findings() -> None:
    f = fact("a", "lint", "التحالف نجحت", key="glued", text="التحالفنجحت", display="التحالف نجحت")
    out = run_rules(RULES, [f], ["a"])
    assert [x.rule for x in out] == ["LN101"]


def test_findings_are_sorted_and_ids_stable() -> None:
    fs = [fact("a", "count", 5, key="شخص", context=PARIS), fact("b", "count", 7, key="شخص", context=PARIS)]
    one = run_rules(RULES, fs, ["a", "b"])
    two = run_rules(RULES, list(reversed(fs)), ["a", "b"])
    assert [f.id for f in one] == [f.id for f in two]


def test_different_given_names_are_different_people() -> None:
    fs = [_person("a", "نبيل العايد"), _person("b", "خالد العباد")]
    assert not kinds(run_rules(RULES, fs, ["a", "b"]), "variant")


def test_a_longer_form_of_a_name_is_the_same_person() -> None:
    fs = [_person("a", "سلمان بن عبدالعزيز"), _person("b", "سلمان بن عبدالعزيز آل سعود")]
    assert not kinds(run_rules(RULES, fs, ["a", "b"]), "gap")


def test_same_amount_other_currency_contradicts() -> None:
    from checker.api import compare, make_article

    r = compare(
        [make_article("a", "بلغت قيمة الصفقة 3 ملايين دولار"), make_article("b", "بلغت قيمة الصفقة 3 ملايين يورو")]
    )
    assert kinds(r.findings, "contradiction", "CT101")
    r = compare(
        [make_article("a", "بلغت قيمة الصفقة 3 ملايين دولار"), make_article("b", "بلغت قيمة الصفقة 11 مليون ريال")]
    )
    assert not kinds(r.findings, "contradiction")


def test_others_count_the_same_noun() -> None:
    from checker.api import compare, make_article

    a = make_article("a", "أصيب 10 أشخاص وقتل 5 آخرون في الانفجار")
    b = make_article("b", "قتل 5 أشخاص وأصيب 10 آخرون في الانفجار")
    assert not kinds(compare([a, b]).findings, "contradiction")


def test_summary_plurals() -> None:
    from checker.model import Report
    from checker.report import render

    assert "0 aliases" in render(Report((), ()), "text")


def test_changed_list_member_is_one_contradiction() -> None:
    from checker.api import compare, make_article

    a = make_article("a", "اجتمع وزراء دفاع الولايات المتحدة وفرنسا وبريطانيا وألمانيا في باريس")
    b = make_article("b", "اجتمع وزراء دفاع الولايات المتحدة وفرنسا وبريطانيا وإيطاليا في باريس")
    c = kinds(compare([a, b]).findings, "contradiction")
    assert [f.rule for f in c] == ["CT201"]
    assert "a: +ألمانيا" in c[0].message and "b: +إيطاليا" in c[0].message  # names, not ISO codes


@pytest.mark.parametrize(
    ("a", "b"),
    [("غولدمان", "جولدمان"), ("بوخنر", "بوشنر"), ("ألفرد", "ألفريد"), ("بورن", "بورنه"), ("أغنيس", "أغنس")],
)
def test_transliteration_variants_merge(a: str, b: str) -> None:
    assert similar_forms(a, b, BY_CODE["VR102"])


@pytest.mark.parametrize(("a", "b"), [("جبان", "لبان"), ("مارتن", "ماتن"), ("ماري", "مارو"), ("باكس", "جاكس")])
def test_one_other_letter_makes_another_name(a: str, b: str) -> None:
    assert not similar_forms(a, b, BY_CODE["VR102"])


def test_unknown_places_spelled_two_ways_are_variants() -> None:
    def place(article: str, text: str) -> Fact:
        return fact(article, "place", match_key(text), 0, key=match_key(text), text=text, display=text)

    out = run_rules(RULES, [place("a", "مدينة غولدمان"), place("b", "مدينة جولدمان")], ["a", "b"])
    assert kinds(out, "variant", "VR102")
    other = run_rules(RULES, [place("a", "مدينة مارتن"), place("b", "مدينة ماتن")], ["a", "b"])
    assert not kinds(other, "variant")


def test_two_words_of_one_name_are_not_variants() -> None:
    fs = [_person("a", "عقلا بن علي العقلا"), _person("b", "عقلا العقلا")]
    out = run_rules(RULES, fs, ["a", "b"])
    assert not [f for f in kinds(out, "variant") if f.rule != "VR105"]
    # the father's name one article leaves out is a form variant (VR105), not a spelling
    assert [f.rule for f in kinds(out, "variant")] == ["VR105"]


def test_a_noun_and_its_adjective_are_not_variants() -> None:
    assert not similar_forms("التدريب", "التدريبي", BY_CODE["VR102"])
    assert similar_forms("الأميركية", "الأمريكية", BY_CODE["VR102"])


def test_an_agreement_never_shows_two_days_it_could_not_tell_apart() -> None:
    # a loose أمس (against an inferred date) and an exact day after it cannot be told apart; a
    # month containing both would otherwise chain them into one "agreement" showing two days
    loose = fact(
        "a",
        "date",
        {"first": "2016-02-09", "last": "2016-02-09", "granularity": "day"},
        context=BRUSSELS,
        attrs=(("relative", True),),
        display="2016-02-09",
    )
    month = fact(
        "b",
        "date",
        {"first": "2016-02-01", "last": "2016-02-29", "granularity": "month"},
        context=BRUSSELS,
        display="2016-02",
    )
    exact = fact(
        "c",
        "date",
        {"first": "2016-02-10", "last": "2016-02-10", "granularity": "day"},
        context=BRUSSELS,
        display="2016-02-10",
    )
    out = run_rules(RULES, [loose, month, exact], ["a", "b", "c"])
    for f in kinds(out, "agreement", "AG102"):
        shown = {e.article for e in f.evidence}
        assert not {"a", "c"} <= shown, f.message
