"""Extractors on small sentences: what must be found (with exact spans) and what must not."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract_facts, make_article
from checker.model import Fact

REF = dt.date(2016, 1, 20)


def facts(text: str, type_: str | None = None, analyzer=None) -> list[Fact]:
    out = extract_facts(make_article("t", text, published=REF), analyzer=analyzer)
    for f in out:
        assert text[f.start : f.end] == f.text
    return [f for f in out if type_ is None or f.type == type_]


@pytest.mark.parametrize(
    ("text", "value", "key_word"),
    [
        ("اجتمع وزراء دفاع سبع دول في باريس", 7, "دول"),
        ("اجتمع وزراء دفاع الدول السبع في باريس", 7, "دول"),
        ("دعا الدول الأعضاء الـ26 في التحالف", 26, "دول"),
        ("قتل ٢٦ شخصا في الهجوم", 26, "شخص"),
        ("للحرب ثلاثة أهداف رئيسية", 3, "اهداف"),
        ("أصيب ستة وعشرون شخصا", 26, "شخص"),
    ],
)
def test_counts(text: str, value: int, key_word: str) -> None:
    cs = facts(text, "count")
    assert [c.value for c in cs] == [value]
    from checker.extract.base import stem

    assert cs[0].key == stem(key_word)


def test_count_key_unifies_singular_and_plural() -> None:
    a = facts("يضم 26 دولة", "count")[0]
    b = facts("الدول الـ26", "count")[0]
    assert a.key == b.key


@pytest.mark.parametrize(
    ("text", "value"),
    [("خسر 25% من الأراضي", 25), ("ارتفع بنسبة 3.5 في المئة", 3.5), ("تراجع 10 بالمائة", 10), ("نما ٪5", 5)],
)
def test_percent(text: str, value: float) -> None:
    ps = facts(text, "percent")
    assert [p.value for p in ps] == [value]
    assert not facts(text, "count")


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("بلغت الصفقة 5 ملايين دولار", 5_000_000, "USD"),
        ("بقيمة 2.5 مليار ريال", 2_500_000_000, "SAR"),
        ("تبرع بمبلغ ألف يورو", 1000, "EUR"),
    ],
)
def test_money(text: str, amount: float, currency: str) -> None:
    ms = facts(text, "money")
    assert len(ms) == 1 and ms[0].value["amount"] == amount and ms[0].value["currency"] == currency


@pytest.mark.parametrize("text", ["يوم الأربعاء 20 يناير 2016 وصل الوفد", "في عام 2014 بدأت الحملة"])
def test_numbers_inside_dates_are_not_counts(text: str) -> None:
    assert facts(text, "date")
    assert not facts(text, "count") and not facts(text, "number")


def test_dates_resolved_against_reference() -> None:
    ds = facts("وسيعقد اجتماع في فبراير/شباط القادم في بروكسل", "date")
    assert ds[0].value["first"] == "2016-02-01" and ds[0].value["last"] == "2016-02-29"
    ds = facts("عقد الاجتماع أمس", "date")
    assert ds[0].value["first"] == "2016-01-19"


def lint_findings(text: str, code: str) -> list:
    """The lint rule *code* decides on the facts of *text* (lint is the rules' decision)."""
    from checker.engine import load_rules, run_rules

    rules = [r for r in load_rules() if r.code == code]
    return run_rules(rules, facts(text), ["t"])


def test_weekday_mismatch_lint() -> None:
    found = lint_findings("وصل الخميس 20 يناير 2016 إلى باريس", "LN104")
    assert [e.value for f in found for e in f.evidence] == ["2016-01-20 is a Wednesday, not a Thursday"]
    assert found[0].evidence[0].text == "الخميس 20 يناير 2016"
    assert not lint_findings("وصل الأربعاء 20 يناير 2016", "LN104")
    # a weekday beside a relative day: checked against a known publication date (20 January 2016 is
    # a Wednesday), left alone against an inferred one (it may be a day off)
    assert lint_findings("وصل اليوم الخميس إلى باريس", "LN104")
    from checker.engine import load_rules, run_rules

    inferred = extract_facts(make_article("t", "وصل اليوم الخميس إلى باريس"))
    assert not run_rules([r for r in load_rules() if r.code == "LN104"], inferred, ["t"])


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("زار باريس وبروكسل", ["city-paris", "city-brussels"]),
        ("انضمت للتحالف الدولي", ["org-coalition"]),
        ("قصفت مواقع داعش في الرقة", ["org-isis", "city-raqqa"]),
        ("وفرنسا وبريطانيا", ["FR", "GB"]),
    ],
)
def test_entities(text: str, ids: list[str]) -> None:
    got = [f.key for f in facts(text) if f.type in ("place", "org")]
    assert got == ids


@pytest.mark.parametrize("text", ["ذهب الأطفال لرياض الأطفال", "قال إن الوضع صعب", "مضى عامان"])
def test_entities_must_not_fire(text: str) -> None:
    assert not [f for f in facts(text) if f.type in ("place", "org")]


def test_demonym_is_nationality_not_place() -> None:
    fs = facts("قال وزير الدفاع الأميركي")
    assert [f.type for f in fs if f.key == "US"] == ["nationality"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وقال وزير الدفاع الأميركي آشتون كارتر إن الحرب", "آشتون كارتر", "وزير الدفاع الأميركي"),
        ("قال وزير الدفاع الفرنسي جان إيف لودريان إن الجهود", "جان إيف لودريان", "وزير الدفاع الفرنسي"),
        ("عبر وزير الدفاع البريطاني مايكل فالونعن انزعاجه", "مايكل فالون", "وزير الدفاع البريطاني"),
        ("طالب وزير الدفاع الفرنسي جان إيف لودريان بتكثيف الجهود", "جان إيف لودريان", "وزير الدفاع الفرنسي"),
    ],
)
def test_people_with_roles(text: str, name: str, role: str) -> None:
    ps = [f for f in facts(text, "person") if f.attr("role")]
    assert [(p.text, p.attr("role")) for p in ps] == [(name, role)]


def test_later_mentions_of_a_person() -> None:
    ps = facts("قال وزير الدفاع الأميركي آشتون كارتر إن الحرب طويلة. وأضاف كارتر أن التحالف قوي.", "person")
    assert [p.text for p in ps] == ["آشتون كارتر", "كارتر"]
    assert ps[0].key == ps[1].key


@pytest.mark.parametrize(
    "text",
    ["قال الرئيس إن الوضع صعب", "أكد وزير الخارجية أن المحادثات مستمرة", "أقيم حفل المدرب بالمجمع الأولمبي ظهر أمس"],
)
def test_title_without_name(text: str) -> None:
    assert not facts(text, "person")


def test_participant_list_and_count_lint() -> None:
    text = "اجتمع وزراء الدول السبع وهي الولايات المتحدة وفرنسا وبريطانيا وألمانيا وإيطاليا وأستراليا"
    ls = facts(text, "list")
    assert len(ls) == 1 and set(ls[0].value) == {"US", "FR", "GB", "DE", "IT", "AU"}
    found = lint_findings(text, "LN105")
    assert len(found) == 1 and "السبع" in {e.text for e in found[0].evidence}
    assert any("announces 7, the list names 6" in (e.value or "") for e in found[0].evidence)
    ok = text + " وهولندا"
    assert not lint_findings(ok, "LN105")


def test_two_members_are_not_a_list() -> None:
    assert not facts("انتقدت فرنسا والولايات المتحدة روسيا", "list")


def test_quotes_with_speaker() -> None:
    text = 'وقال وزير الدفاع الأميركي آشتون كارتر "يجب على كل بلد أن يأتي مستعدا".'
    qs = facts(text, "quote")
    assert len(qs) == 1 and qs[0].text == "يجب على كل بلد أن يأتي مستعدا"
    assert qs[0].attr("speaker")
    assert not facts('قال "نعم"', "quote")


@pytest.mark.parametrize(
    ("text", "glued", "split"),
    [
        ("إن دول التحالفنجحت في ذلك", "التحالفنجحت", "التحالف نجحت"),
        ("عبر عن انزعاجه منالقصف الروسي", "منالقصف", "من القصف"),
    ],
)
def test_glued_words(text: str, glued: str, split: str) -> None:
    lint = [f for f in facts(text, "lint") if f.key == "glued"]
    assert [(f.text, f.display) for f in lint] == [(glued, split)]


@pytest.mark.parametrize(
    "text", ["الولايات المتحدة والمملكة العربية السعودية", "استراتيجية مشتركة للمعارضة", "قال محمد الخويلي"]
)
def test_no_glue_in_real_words(text: str) -> None:
    assert not [f for f in facts(text, "lint") if f.key in ("glued", "typo")]


def test_typo() -> None:
    lint = [f for f in facts("غداة اجتاماع شاركت فيه سبع دول", "lint") if f.key == "typo"]
    assert [(f.text, f.display) for f in lint] == [("اجتاماع", "اجتماع")]


def test_punctuation_spacing() -> None:
    lint = [f for f in facts("في السياق،عبر الوزير عن قلقه", "lint") if f.key == "punctuation_spacing"]
    assert len(lint) == 1 and lint[0].text == "،"
    assert not [f for f in facts("بلغ 3.5 مليون، وقال", "lint") if f.key == "punctuation_spacing"]


def test_same_facts_with_and_without_model(analyzer, fallback) -> None:
    text = "وقال وزير الدفاع الأميركي آشتون كارتر إن 26 دولة ستجتمع في بروكسل في فبراير المقبل."
    a = {(f.type, f.start, f.end) for f in facts(text, analyzer=analyzer) if f.type in ("count", "date", "place")}
    b = {(f.type, f.start, f.end) for f in facts(text, analyzer=fallback) if f.type in ("count", "date", "place")}
    assert a == b


@pytest.mark.parametrize(
    ("text", "key"),
    [("نصت المادة 103 على ذلك", "ماد"), ("القرار رقم 2254 صدر", "رقم"), ("المشهد الثالث : رجل", "مشهد")],
)
def test_identifiers_and_ordinals_are_keyed_by_their_noun(text: str, key: str) -> None:
    assert not facts(text, "count")
    cs = facts(text, "ordinal")
    assert len(cs) == 1 and cs[0].attr("kind") == "ordinal" and cs[0].key == key


def test_bare_year_is_a_date_and_fraction_is_nothing() -> None:
    assert [f.display for f in facts("قبل حرب 1948 ( النكبة )", "date")] == ["1948"]
    assert not facts("قبل حرب 1948 ( النكبة )", "number")
    assert not facts("خسر النصف تقريبا", "number")


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("ووزارة الصحة أعلنت ذلك", "org", "وزارة الصحة"),
        ("قالت وزارة الخارجية إن", "org", "وزارة الخارجية"),
        ("في جزيرة سقطرى اليمنية", "place", "جزيرة سقطرى"),
    ],
)
def test_head_noun_names(text: str, kind: str, phrase: str) -> None:
    assert phrase in [f.text for f in facts(text, kind)]


@pytest.mark.parametrize("text", ["وزارة تعمل بجد", "هيئة قال إنها"])
def test_head_noun_needs_a_name(text: str) -> None:
    assert not facts(text, "org")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("نجح العالم الألماني هيزنبرج في ذلك", "هيزنبرج"),
        ("وقال محمد بن سلمان إن", "محمد بن سلمان"),
        ("وصرح عبدالله الربيعة للصحفيين", "عبدالله الربيعة"),
    ],
)
def test_people_without_titles(text: str, name: str) -> None:
    assert name in [f.text for f in facts(text, "person")]


@pytest.mark.parametrize("text", ["وضع الكتاب علي الطاولة", "لعب لاعب محترف في الفريق"])
def test_people_must_not_fire(text: str) -> None:
    assert not facts(text, "person")


@pytest.mark.parametrize(("word", "fix"), [("إتحاد", "اتحاد"), ("إرتفاع", "ارتفاع"), ("الطوارىء", "الطوارئ")])
def test_hamza_misspelling(word: str, fix: str) -> None:
    lint = [f for f in facts(f"أعلن {word} الكرة أمس", "lint") if f.key == "typo"]
    assert [(f.text, f.display) for f in lint] == [(word, fix)]


@pytest.mark.parametrize("text", ["أعلن الاعضاء ذلك", "وقال الامريكي إن", "تدنى مستوى الأداء"])
def test_accepted_spellings_are_not_typos(text: str) -> None:
    assert not [f for f in facts(text, "lint") if f.key == "typo"]


def test_rare_names_spelled_two_ways_are_variants() -> None:
    from checker.api import compare

    a = make_article("a", "قال المدرب فينجر إن الفريق جاهز")
    b = make_article("b", "قال المدرب فينغر إن الفريق جاهز")
    r = compare([a, b])
    assert any("فينجر" in f.message and "فينغر" in f.message for f in r.findings if f.kind == "variant")


@pytest.mark.parametrize("text", ["قرر إقامته في الرياض", "أقامته الجمعية أمس", "طالب بإبطال القرار"])
def test_hamza_forms_that_are_words(text: str) -> None:
    assert not [f for f in facts(text, "lint") if f.key == "typo"]


@pytest.mark.parametrize(
    "text",
    [
        "وقالت وكالة د.ب.أ إن الاجتماع انتهى",
        "ص.ب 1234 الرياض",
        "نقلت أ.ف.ب: قتل 5",
        "اختفت الرحلة رقم (ام.اتش. 370) فوق المحيط",
        "برعاية مجموعة إتش.إس.بي.سي المصرفية",
    ],
)
def test_no_punctuation_lint_inside_dotted_abbreviations(text: str) -> None:
    assert not [f for f in facts(text, "lint") if f.key == "punctuation_spacing"]
    glued = [f for f in facts(text + " ثم انتهى.وقال", "lint") if f.key == "punctuation_spacing"]
    assert [f.text for f in glued] == ["."]


def test_two_short_words_and_one_dot_are_a_sentence_end() -> None:
    glued = [f for f in facts("وهذا ما قاله.في المقابل رفض الوزير", "lint") if f.key == "punctuation_spacing"]
    assert [f.text for f in glued] == ["."]
    glued = [f for f in facts("وهذا ما قيل له.في المقابل رفض الوزير", "lint") if f.key == "punctuation_spacing"]
    assert [f.text for f in glued] == ["."]


def test_a_family_name_ending_like_a_short_noun_is_not_glued() -> None:
    from checker.text.words import split_glued

    assert split_glued("المعيبيد") is None  # المعيب + يد: يد is a noun, not a function word
    assert split_glued("التدريباتيواجه")[:2] == ("التدريبات", "يواجه")  # type: ignore[index]


def test_a_hamza_slip_is_corrected_to_the_dictionary_hamza_where_there_is_one() -> None:
    from checker.extract.lint import orthographic_fix

    assert orthographic_fix("الإبطال") == "الأبطال"  # not the bare «الابطال»
    assert orthographic_fix("إتحاد") == "اتحاد"  # no «أتحاد»: the bare alef
