"""Property-based: real sentences mutated (letters, both digit systems, diacritics, tatweel,
zero-width and bidi marks, CR/LF, very long tokens) never raise, keep every evidence offset exact
and give the same report twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import compare, make_article, render

SENTENCES = [
    "قال وزير الدفاع الأميركي آشتون كارتر إن سبع دول شاركت في الاجتماع بباريس اليوم الأربعاء.",
    "قتل 5 أشخاص وأصيب 12 آخرون في انفجار ببغداد أمس، بحسب مصادر أمنية.",
    "ارتفع المؤشر 2.5% ليغلق عند 9,200 نقطة، وبلغت التداولات 7 مليارات ريال.",
    "وسيعقد اجتماع يضم 26 دولة في فبراير/شباط القادم في بروكسل.",
]
INSERTS = st.sampled_from(
    [
        "ـ",
        "\u064e",
        "\u0651",
        "\u200c",
        "\u200d",
        "\u200f",
        "\u200e",
        "\u202e",
        "\u2066",
        "\r\n",
        "\n",
        "\r",
        "٣",
        "7",
        "٫",
        "،",
        "ب" * 60,
        "x" * 45,
        " ",
        "%",
        "«",
        "»",
        "\ufeff",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SENTENCES))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(INSERTS) + text[at:]
    if draw(st.booleans()):
        at = draw(st.integers(0, max(0, len(text) - 1)))
        text = text[:at] + text[at + 1 :]
    return text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=mutated(), b=mutated())
def test_mutated_copy_never_breaks_offsets_or_determinism(fallback, a: str, b: str) -> None:
    arts = [make_article("a", a), make_article("b", b)]
    first = compare(arts, analyzer=fallback)
    texts = {"a": a, "b": b}
    for f in first.findings:
        for e in f.evidence:
            assert texts[e.article][e.start : e.end] == e.text, (f.rule, e)
    again = compare(arts, analyzer=fallback)
    assert render(first, "json") == render(again, "json")
    for fmt in ("text", "markdown", "html", "sarif"):
        assert render(first, fmt)
