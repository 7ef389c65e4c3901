"""LN109: an article that gives two values for one figure (issue 7, class 6: «ثماني دول» in the
lead, «الدول السبع» later) is inconsistent with itself when another article states the other value
in words alike to the slip's. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article

DAY = dt.date(2016, 1, 21)
LATER = "وقال الوزير الفرنسي إن الدول السبع ستزيد مساهمتها العسكرية في التحالف."


def _article(name: str, lead_count: str, later: str = LATER) -> object:
    text = (
        f"وزراء دفاع {lead_count} دول يجتمعون في باريس\n\n"
        f"اجتمع وزراء دفاع {lead_count} دول في باريس أمس لبحث الحرب على تنظيم داعش. {later}"
    )
    return make_article(name, text, published=DAY)


def _findings(fallback, *articles):
    return compare(list(articles), analyzer=fallback).findings


def test_a_lead_that_says_eight_and_a_paragraph_that_says_seven_is_lint_and_a_contradiction(fallback) -> None:
    found = _findings(fallback, _article("a", "ثماني"), _article("b", "سبع"))
    lint = [f for f in found if f.rule == "LN109"]
    assert len(lint) == 1, [f.message for f in found]
    assert {e.text for e in lint[0].evidence if e.article == "a"} == {"ثماني", "السبع"}
    assert any(e.article == "b" for e in lint[0].evidence)  # the witness
    assert [f.rule for f in found if f.kind == "contradiction"] == ["CT101"]


def test_no_lint_when_another_article_states_both_values_too(fallback) -> None:
    found = _findings(fallback, _article("a", "ثماني"), _article("b", "ثماني"), _article("c", "سبع"))
    assert not [f for f in found if f.rule == "LN109"], [f.message for f in found]


def test_no_lint_for_one_article_alone(fallback) -> None:
    found = _findings(fallback, _article("a", "ثماني"), make_article("b", "خبر آخر عن الطقس.", published=DAY))
    assert not [f for f in found if f.rule == "LN109"]


def test_two_values_of_one_sentence_are_two_facts(fallback) -> None:
    a = make_article("a", "دعيت ثماني دول إلى الاجتماع في باريس وحضرت سبع دول إلى الاجتماع في باريس.", published=DAY)
    b = make_article("b", "حضرت سبع دول إلى الاجتماع في باريس أمس.", published=DAY)
    found = _findings(fallback, a, b)
    assert not [f for f in found if f.rule == "LN109"], [f.message for f in found]
