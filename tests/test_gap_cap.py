"""A long article set against a brief: every detail only it has would be a gap (one day's interview
against its 900-character brief gave 31). Each gap rule reports at most ``max_per_article`` gaps of
one article, the earliest first. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article

DAY = dt.date(2015, 8, 2)
BRIEF = "التقى وزير الخارجية نظيره الروسي في موسكو أمس وبحثا الأوضاع في المنطقة."
CITIES = ["باريس", "لندن", "برلين", "روما", "مدريد", "أثينا", "فيينا", "بروكسل"]


def test_at_most_five_place_gaps_from_one_article_the_earliest(fallback) -> None:
    long_text = BRIEF + " " + " ".join(f"وكان الوزير قد توقف في {c} قبل ذلك." for c in CITIES)
    arts = [make_article("long", long_text, published=DAY), make_article("brief", BRIEF, published=DAY)]
    gaps = [f for f in compare(arts, analyzer=fallback).findings if f.rule == "GP103"]
    named = [c for c in CITIES if any(c in f.message for f in gaps)]
    assert named == CITIES[:5] and len(gaps) == 5
