"""The count an enumeration announces (issue 7, lists): «(5) مدارس من مدارس المحافظة، وهي (…)»
followed by four names is a list that misses one (lint LN105), also when a member opens with a
function word that opens names (أم القرى). Sentences written for the test."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article

DAY = dt.date(2015, 8, 2)
SAID = "وشمل المشروع صيانة ({}) مدارس من مدارس المحافظة، وهي (أم الخير، النور، الفلاح، أم القرى، والرشيد)."


def list_count_lints(fallback, text: str) -> list[str]:
    report = compare([make_article("a0", text, published=DAY)], analyzer=fallback)
    return [f.message for f in report.findings if f.rule == "LN105"]


def test_an_enumeration_naming_fewer_members_than_announced_is_reported(fallback) -> None:
    found = list_count_lints(fallback, SAID.format(6))
    assert found and "names 5" in found[0], found


def test_an_enumeration_naming_as_many_members_as_announced_is_not(fallback) -> None:
    assert not list_count_lints(fallback, SAID.format(5))
    # a count with no introducer before the list announces nothing about it
    assert not list_count_lints(fallback, SAID.format(6).replace("، وهي (", "، منها ("))
