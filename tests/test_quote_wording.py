"""CT108: one quotation with a word of substance changed inside it (الزيارات / السياحة) is a
misquote; its spelling, a gloss in brackets, little words or «في المائة / بالمئة» are not; a
quotation reworded throughout is another rendering, neither one quotation nor misquoted. Sentences
written for the test."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from checker.api import compare, make_article
from checker.engine import load_rules

DAY = dt.date(2015, 8, 2)
SAID = 'وقال المحلل في تقرير الشركة: "{}".'
QUOTE = "سيسهم الارتفاع الشديد في الزيارات الدينية في زيادة الإنفاق الحكومي على قطاعات الفندقة والتسوق والبنية التحتية"


def _rules(fallback, a: str, b: str) -> set[str]:
    arts = [make_article(x, SAID.format(q), published=DAY) for x, q in (("a", a), ("b", b))]
    rules = [dataclasses.replace(r, enabled=True) for r in load_rules()]  # CT108 ships off (--select CT108)
    found = compare(arts, analyzer=fallback, rules=rules).findings
    return {f.rule for f in found if f.kind in ("contradiction", "agreement")}


def test_ct108_ships_off_and_runs_when_selected_by_its_code(tmp_path) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    assert not next(r for r in load_rules() if r.code == "CT108").enabled
    files = []
    for name, quote in (("a.txt", QUOTE), ("b.txt", QUOTE.replace("الزيارات", "السياحة"))):
        (tmp_path / name).write_text(SAID.format(quote), encoding="utf-8")
        files.append(str(tmp_path / name))
    base = ["compare", *files, "--model", "none"]
    assert "CT108" not in CliRunner().invoke(main, base).output
    assert "CT108" not in CliRunner().invoke(main, [*base, "--select", "CT"]).output  # a prefix is not enough
    assert "CT108" in CliRunner().invoke(main, [*base, "--select", "CT108"]).output


def test_a_word_of_substance_changed_in_a_quotation_is_a_misquote(fallback) -> None:
    assert "CT108" in _rules(fallback, QUOTE, QUOTE.replace("الزيارات", "السياحة"))


@pytest.mark.parametrize(
    "other",
    [
        QUOTE.replace("الفندقة", "الفندقة (الضيافة)"),  # a gloss in brackets
        QUOTE.replace("الإنفاق", "الانفاق"),  # spelling
        QUOTE.replace("على قطاعات", "في قطاعات"),  # a little word
        QUOTE + " خلال 10 في المائة من الوقت",
    ],
)
def test_spelling_glosses_and_little_words_are_one_quotation(fallback, other: str) -> None:
    rules = _rules(fallback, QUOTE + (" خلال 10 بالمئة من الوقت" if "المائة" in other else ""), other)
    assert "CT108" not in rules and "AG103" in rules, rules


def test_a_quotation_reworded_throughout_is_no_misquote(fallback) -> None:
    other = "سيؤدي النمو الكبير في السياحة الدينية إلى رفع إنفاق الحكومة على الفنادق والأسواق والبنى التحتية"
    assert "CT108" not in _rules(fallback, QUOTE, other)
