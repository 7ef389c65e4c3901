"""Failure classes seen on real multi-outlet copy (issue 7), each on sentences written for the test:
the same figure with another scale word, one of several mentions changed (a headline), and no
agreement that shows two different values."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import compare, make_article

DAY = dt.date(2015, 8, 2)


def run(fallback, *texts: str):
    arts = [make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)]
    return compare(arts, analyzer=fallback)


def evidence(report, kind: str) -> list[set[tuple[str, str]]]:
    return [{(e.article, e.text) for e in f.evidence} for f in report.findings if f.kind == kind]


def test_scale_word_changed_is_a_contradiction(fallback) -> None:
    r = run(
        fallback,
        "وقالت الوزارة إن حجم الاستثمارات في المشروع تجاوز 5 مليارات ريال خلال العام الجاري.",
        "وقالت الوزارة إن حجم الاستثمارات في المشروع تجاوز 5 ملايين ريال خلال العام الجاري.",
    )
    found = [f for f in r.findings if f.kind == "contradiction"]
    assert found and found[0].rule == "CT101"
    assert not [f for f in r.findings if f.kind == "gap" and f.fact == "money"]


def test_a_changed_headline_figure_contradicts_and_is_no_gap(fallback) -> None:
    body = "\n\nأحالت النيابة العامة 41 متهما إلى المحكمة الجزائية بتهمة الانتماء إلى خلية إرهابية."
    r = run(fallback, "النيابة تحيل 51 متهما إلى المحكمة" + body, "النيابة تحيل 41 متهما إلى المحكمة" + body)
    contradictions = evidence(r, "contradiction")
    assert any(("a0", "51") in ev and ("a1", "41") in ev for ev in contradictions), contradictions
    assert not [f for f in r.findings if f.kind == "gap" and any(e.text == "51" for e in f.evidence)]


def test_unrelated_figures_of_other_scales_do_not_pair(fallback) -> None:
    r = run(
        fallback,
        "بلغ عدد الزوار 3 آلاف زائر في اليوم الأول من المهرجان الصيفي.",
        "بلغ عدد الزوار 3 آلاف زائر في اليوم الأول من المهرجان الصيفي، وبلغت الإيرادات 3 ملايين ريال.",
    )
    assert not [f for f in r.findings if f.kind == "contradiction"]


def test_a_changed_rank_or_deputy_role_contradicts(fallback) -> None:
    said = "وقال المتحدث باسم الدفاع المدني {} نايف الجهني إن الحادث وقع صباح اليوم في البئر."
    r = run(fallback, said.format("النقيب"), said.format("الملازم أول"))
    assert [f.rule for f in r.findings if f.kind == "contradiction"] == ["CT104"]
    met = "واستقبل {} الأمريكي باراك أوباما الوفد في البيت الأبيض."
    r = run(fallback, met.format("الرئيس"), met.format("نائب الرئيس"))
    assert [f.rule for f in r.findings if f.kind == "contradiction"] == ["CT104"]


def test_a_fuller_or_other_role_is_no_contradiction(fallback) -> None:
    a = "وقال وزير الدفاع الأمريكي آشتون كارتر إن الحملة مستمرة."
    b = "وقال وزير الدفاع آشتون كارتر إن الحملة مستمرة."
    c = "وقال الوزير آشتون كارتر إن الحملة مستمرة."
    r = run(fallback, a, b, c)
    assert not [f for f in r.findings if f.kind == "contradiction"]


def test_a_word_spelled_two_ways_is_a_variant(fallback) -> None:
    r = run(
        fallback,
        "وقال مسؤول التدريب في الغرفة إن الدورة تشمل اللغة الإنجليزية والحاسب.",
        "وقال مسئول التدريب في الغرفة إن الدورة تشمل اللغة الانجليزية والحاسب.",
    )
    forms = [{e.text for e in f.evidence} for f in r.findings if f.rule == "VR103"]
    assert {"مسؤول", "مسئول"} in forms and {"الإنجليزية", "الانجليزية"} in forms
    assert not [f for f in r.findings if f.rule == "VR103" and {e.text for e in f.evidence} & {"الدورة", "الغرفة"}]


def test_articles_that_are_not_one_story_are_not_compared(fallback) -> None:
    flood = "قتل 5 أشخاص في فيضانات ضربت مدينة جدة أمس بعد أمطار غزيرة استمرت ساعات."
    market = "ارتفع المؤشر العام للسوق المالية 12 نقطة عند الإغلاق وبلغت قيمة التداولات 7 مليارات ريال."
    flood2 = "لقي 7 أشخاص حتفهم في فيضانات ضربت مدينة جدة أمس بعد أمطار غزيرة استمرت ساعات."
    r = run(fallback, flood, market, flood2)
    assert r.notes and r.notes[0].startswith("Not one story") and "a1" in r.notes[0]
    contradictions = [{e.article for e in f.evidence} for f in r.findings if f.kind == "contradiction"]
    assert contradictions and all("a1" not in arts for arts in contradictions)
    assert not [f for f in r.findings if f.kind == "gap" and any(e.article == "a1" for e in f.evidence)]
    one = run(fallback, flood, flood2)
    assert not [n for n in one.notes if n.startswith("Not one story")]


def test_clock_times_and_formations_are_not_counts(fallback) -> None:
    from checker.api import extract_facts

    for text in ("وقع الانفجار الساعة 9 صباحا", "في تمام 0213 بتوقيت غرينتش", "وقاتل اللواء 15 في المدينة"):
        facts = extract_facts(make_article("a", text, published=DAY), fallback)
        assert not [f for f in facts if f.type in ("count", "number")], text
    assert [
        f.text
        for f in extract_facts(make_article("a", "قتل 9 أشخاص صباحا", published=DAY), fallback)
        if f.type == "count"
    ] == ["9"]


def test_a_place_changed_in_one_of_several_mentions_contradicts(fallback) -> None:
    title = "غرفة {} تطرح 50 وظيفة في مجال التعليم والتدريب"
    body = "\n\nأعلنت غرفة نجران عن توفر 50 وظيفة للشباب. وأوضح مسؤول التدريب بغرفة {} أن التدريب يستمر سنتين."
    r = run(fallback, title.format("نجران") + body.format("نجران"), title.format("نجران") + body.format("جازان"))
    found = [{e.text for e in f.evidence} for f in r.findings if f.rule == "CT103"]
    assert any({"جازان", "نجران"} <= ev for ev in found), found


def test_a_changed_edition_number_contradicts(fallback) -> None:
    said = "واعتبرت المطربة نجمة الدورة {} لمهرجان قرطاج الدولي الذي يستمر حتى منتصف الشهر."
    r = run(fallback, said.format("51"), said.format("61"))
    assert [f.rule for f in r.findings if f.kind == "contradiction"] == ["CT105"]


def test_a_long_vowel_left_out_of_a_name_is_a_variant(fallback) -> None:
    said = "قال وزير الخارجية الأمريكي جون {} إن مصر دفعت ثمنا باهظا لمكافحة التطرف."
    r = run(fallback, said.format("كيري"), said.format("كري"))
    assert any({e.text for e in f.evidence} == {"كيري", "كري"} for f in r.findings if f.kind == "variant")


def test_two_portfolios_for_one_minister_contradict(fallback) -> None:
    said = "وقال {} جون كيري إن مصر دفعت ثمنا باهظا لمكافحة التطرف."
    r = run(fallback, said.format("وزير الخارجية الأمريكي"), said.format("وزير الداخلية الأمريكي"))
    assert [f.rule for f in r.findings if f.kind == "contradiction"] == ["CT104"]
    r = run(fallback, said.format("وزير الخارجية الأمريكي"), said.format("الوزير الأمريكي"))
    assert not [f for f in r.findings if f.kind == "contradiction"]


def test_an_arm_after_a_rank_is_part_of_the_title_not_the_name(fallback) -> None:
    a = "ونقل مدير عام حرس الحدود اللواء بحري سالم بن عيد المطيري تعازيه إلى أسرة الشهيد."
    b = "ونقل مدير عام حرس الحدود اللواء سالم بن عيد المطيري تعازيه إلى أسرة الشهيد."
    r = run(fallback, a, b)
    assert not [f for f in r.findings if f.kind == "gap" and f.fact == "person"]
    people = {e.text for f in r.findings if f.fact == "person" for e in f.evidence}
    assert not any(t.startswith("بحري") for t in people), people


@pytest.mark.parametrize("title", ["والعريف", "فالعريف", "والدكتور", "والوزير"])
def test_a_title_with_a_glued_conjunction_and_article_introduces_a_person(fallback, title: str) -> None:
    from checker.api import extract

    text = f"وحضر الحفل عدد من المسؤولين {title} محمد علي العمري في القنفذة."
    roles = [f.text for f in extract(make_article("a", text, published=DAY), fallback) if f.type == "role"]
    assert roles == [title[1:]], roles  # the role without the conjunction


def test_a_byline_under_a_headline_is_no_titled_person(fallback) -> None:
    from checker.api import extract

    title = "الفريق يتوج بكأس السوبر الفرنسي"
    text = f"{title}\n\nسالم الحربي – عين اليوم\nتوج الفريق ببطولة كأس السوبر أمس."
    facts = extract(make_article("a", text, published=DAY, title=title), fallback)
    assert [f.attr("role") for f in facts if f.type == "person" and f.text == "سالم الحربي"] == [None]


@pytest.mark.parametrize(
    ("one", "other"),
    [("أكثر من 20", "أكثر من 30"), ("ما لا يقل عن 700", "ما لا يقل عن 800"), ("نحو 12.64", "نحو 12.65")],
)
def test_two_bounds_or_estimates_of_one_kind_agree_only_on_one_figure(fallback, one: str, other: str) -> None:
    said = "وأوضح المتحدث أن الفريق سيؤدي {} حركة استعراضية جوية خلال العروض المقررة في المهرجان."
    r = run(fallback, said.format(one), said.format(other))
    assert [f.rule for f in r.findings if f.kind == "contradiction"] == ["CT101"]
    assert not [f for f in r.findings if f.kind == "agreement" and f.fact == "count"]
    r = run(fallback, said.format(one), said.format(one))
    assert [f for f in r.findings if f.kind == "agreement" and f.fact == "count"]


def test_the_fallen_are_titled_people_but_their_kin_are_not(fallback) -> None:
    from checker.api import extract

    text = "وأدى المصلون صلاة الميت على شهيد الواجب خالد بن سالم الحربي. وعبر والد الشهيد وذووه عن شكرهم."
    facts = extract(make_article("a", text, published=DAY), fallback)
    people = [(f.text, f.attr("role")) for f in facts if f.type == "person"]
    assert ("خالد بن سالم الحربي", "شهيد الواجب") in people
    assert not [p for p in people if p[0] == "وذووه"]
