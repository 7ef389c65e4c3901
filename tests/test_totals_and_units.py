"""A headline count that totals the body's counts (34 قتيلا over 25 and 9) is not another
outlet's 25 misstated; a measure in another unit (ثلث الساعة / 20 دقيقة) is no gap (issue 7)."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article

DAY = dt.date(2015, 8, 2)
BODY = (
    "قتل {a} مقاتلا من المعارضة على الأقل خلال هجوم فاشل على قاعدة عسكرية في محافظة حلب. "
    "وأفاد المرصد بمقتل تسعة من قوات النظام في الاشتباكات التي اندلعت بعد الهجوم."
)


def _article(i: int, title: str, a: int = 25):
    return make_article(f"a{i}", f"{title}\n\n{BODY.format(a=a)}", published=DAY, title=title)


def _contradictions(fallback, *titles: str):
    report = compare([_article(i, t) for i, t in enumerate(titles)], analyzer=fallback)
    return [f for f in report.findings if f.kind == "contradiction"]


def test_a_headline_total_of_the_body_is_no_contradiction(fallback) -> None:
    found = _contradictions(fallback, "34 قتيلا من المعارضة والنظام في حلب", "هجوم فاشل للمعارضة يوقع 25 قتيلا في حلب")
    assert not found, [f.message for f in found]


def test_a_headline_figure_that_totals_nothing_still_contradicts(fallback) -> None:
    found = _contradictions(fallback, "31 قتيلا من المعارضة والنظام في حلب", "هجوم فاشل للمعارضة يوقع 25 قتيلا في حلب")
    assert any(f.rule == "CT101" for f in found), [f.message for f in found]


def test_a_body_count_is_no_total(fallback) -> None:
    # in a body small counts add up by chance (25 + 9 = 34): the body's 34 against 25 is a contradiction
    a = make_article(
        "a0",
        "قتل 34 مقاتلا من المعارضة على الأقل خلال هجوم فاشل على قاعدة عسكرية في محافظة حلب. "
        "وأفاد المرصد بمقتل تسعة من قوات النظام. وأصيب 25 آخرون.",
        published=DAY,
    )
    b = make_article("a1", BODY.format(a=25), published=DAY)
    found = [f for f in compare([a, b], analyzer=fallback).findings if f.kind == "contradiction"]
    assert any(f.rule == "CT101" for f in found), [f.message for f in found]


def test_a_sum_of_the_headline_noun_and_another_noun_is_no_total(fallback) -> None:
    # 30 students + 10 universities = 40 by chance: the headline's 40 students against 30 contradicts
    body = "واحتفت المؤسسة بإتمام ثلاثين طالبا البرنامج. وجاء الطلاب من عشر جامعات في المملكة."
    arts = [
        make_article(f"a{i}", f"{t}\n\n{body}", published=DAY, title=t)
        for i, t in enumerate(["المؤسسة تحتفي بإتمام 40 طالبا البرنامج", "المؤسسة تحتفي بإتمام 30 طالبا البرنامج"])
    ]
    found = [f for f in compare(arts, analyzer=fallback).findings if f.rule == "CT101"]
    assert found and "40" in found[0].message


def test_an_article_stating_both_figures_with_their_own_figures_is_not_misstating_one(fallback) -> None:
    # one article gives both estimates, each with its own amount; the other gives one of them
    both = (
        "وبلغ دعم الطاقة نحو 12.64 مليار دولار، أي ما يعادل 2.87% من الناتج المحلي الإجمالي للدولة. "
        "وتنفق الدولة نحو 7 مليارات دولار على دعم الوقود ضمن حزمة أكبر تبلغ نحو 29 مليار دولار أو ما يوازي "
        "نحو 6.6% من الناتج المحلي الإجمالي."
    )
    one = "وبلغ دعم الطاقة نحو 12.64 مليار دولار، أي ما يعادل 2.87% من الناتج المحلي الإجمالي للدولة."
    arts = [make_article("a0", both, published=DAY), make_article("a1", one, published=DAY)]
    assert not [f.message for f in compare(arts, analyzer=fallback).findings if f.rule == "CT101"]


def test_a_later_mention_changed_alone_still_contradicts(fallback) -> None:
    # the same article, the same figure stated twice, the second changed: no figures of its own apart
    a = "وبلغ دعم الطاقة نحو 12.64 مليار دولار، أي ما يعادل 2.87% من الناتج المحلي. ويمثل الدعم 3.87% من الناتج المحلي."
    b = "وبلغ دعم الطاقة نحو 12.64 مليار دولار، أي ما يعادل 2.87% من الناتج المحلي. ويمثل الدعم 2.87% من الناتج المحلي."
    arts = [make_article("a0", a, published=DAY), make_article("a1", b, published=DAY)]
    assert [f.message for f in compare(arts, analyzer=fallback).findings if f.rule == "CT101"]


def test_a_measure_stated_in_another_unit_is_no_gap(fallback) -> None:
    texts = [
        "واستغرقت عملية الإنقاذ ثلث الساعة فقط، وفق الدفاع المدني في الرياض.",
        "واستغرقت عملية الإنقاذ 20 دقيقة فقط، وفق الدفاع المدني في الرياض.",
    ]
    report = compare([make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)], analyzer=fallback)
    assert not [f.message for f in report.findings if f.rule == "GP101"]


def test_another_measure_in_another_unit_contradicts(fallback) -> None:
    # one rescue, one sentence: 20 minutes against 25 (a gap before units were compared, CT101 unit_slips)
    texts = [
        "واستغرقت عملية الإنقاذ ثلث الساعة فقط، وفق الدفاع المدني في الرياض.",
        "واستغرقت عملية الإنقاذ 25 دقيقة فقط، وفق الدفاع المدني في الرياض.",
    ]
    report = compare([make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)], analyzer=fallback)
    assert [f.message for f in report.findings if f.rule == "CT101"]


def test_a_share_of_a_whole_counts_the_noun_after_min(fallback) -> None:
    from checker.api import extract

    facts = extract(make_article("a", "وأفاد المرصد بمقتل تسعة من قوات النظام، وفاز في 20 مباراة من أصل 26."), fallback)
    counts = {f.text: f.attr("noun") for f in facts if f.type == "count"}
    assert counts == {"تسعة": "قوات", "20": "مباراة"}


def test_a_share_of_the_most_prominent_counts_the_noun_after_the_elative(fallback) -> None:
    from checker.api import extract

    facts = extract(make_article("a", "وضم الفريق ثلاثة من أبرز اللاعبين، ونجح خمسة من أصل عشرة طلاب."), fallback)
    assert {f.text: f.attr("noun") for f in facts if f.type == "count"}["ثلاثة"] == "اللاعبين"


def test_evidence_shown_in_context_keeps_a_decimal_in_its_sentence(fallback) -> None:
    from checker.report import render

    texts = [
        "وبلغ الدعم نحو 12.64 مليار دولار، أي ما يعادل 2.87% من الناتج المحلي.",
        "وبلغ الدعم نحو 12.64 مليار دولار، أي ما يعادل 3.87% من الناتج المحلي.",
    ]
    report = compare([make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)], analyzer=fallback)
    shown = render(report, "text")
    assert "نحو 12.64 مليار دولار، أي ما يعادل ⟦2.87%⟧" in shown, shown


def test_a_one_letter_unit_after_a_measure_word_is_metres(fallback) -> None:
    from checker.api import extract

    facts = extract(
        make_article("a", "سقط في بئر بعمق 20م، وتبعد 5 م عن الطريق. وبدأ العمل عام 2015م الساعة 8 م."), fallback
    )
    counts = {f.text: (f.key, f.attr("unit")) for f in facts if f.type == "count"}
    assert counts.get("20", (None, None))[1] == ("length", 1.0), counts
    assert "5" not in counts and "8" not in counts  # no measure word before them: no metres
    assert any(f.type == "date" and "2015" in f.text for f in facts)


def test_a_qualifier_before_a_bracketed_figure_is_kept(fallback) -> None:
    from checker.api import extract

    facts = extract(make_article("a", "وبلغ عدد المرشحين قرابة (153) مرشحا، وارتفعت الأسهم بنحو (38 %)."), fallback)
    shown = {f.text: f.display for f in facts if f.type in ("count", "percent")}
    assert shown == {"قرابة (153)": "~153", "بنحو (38 %)": "~38%"} or shown == {
        "قرابة (153)": "~153",
        "نحو (38 %)": "~38%",
    }, shown


def test_a_number_right_after_a_brand_is_a_model_not_a_count(fallback) -> None:
    from checker.api import extract

    text = "تحطمت طائرة بوينغ 777 تابعة للخطوط، وفي تقرير أرامكو 2015 قتل 5 أشخاص."
    facts = extract(make_article("a", text), fallback)
    kinds = {f.text: f.type for f in facts if f.type in ("count", "number", "ordinal", "date")}
    assert kinds["777"] == "ordinal" and kinds["5"] == "count"
    assert any(f.type == "date" and "2015" in f.text for f in facts)  # a year after a company stays a year
    texts = ["تحطمت طائرة بوينغ {} تابعة للخطوط الماليزية فوق المحيط الهندي."]
    arts = [make_article(f"a{i}", texts[0].format(n), published=DAY) for i, n in enumerate(("777", "737"))]
    assert [f.rule for f in compare(arts, analyzer=fallback).findings if f.kind == "contradiction"] == ["CT105"]


def test_hundreds_and_thousands_count_a_singular_that_is_also_a_verb(fallback) -> None:
    from checker.api import extract

    text = "ويتقدم للبرنامج ما بين 7 آلاف إلى 10 آلاف طالب سنويا، وشارك 100 طالب. وفي 2015 طالب الوزير بالتحقيق."
    facts = extract(make_article("a", text), fallback)
    counts = {f.text: f.attr("noun") for f in facts if f.type == "count"}
    assert counts == {"ما بين 7 آلاف إلى 10 آلاف": "طالب", "100": "طالب"}
    assert not [f for f in facts if f.text == "2015" and f.type == "count"]  # a year, then a verb


def test_a_changed_age_beside_unrelated_figures_still_contradicts(fallback) -> None:
    body = (
        "انتشلت فرق الدفاع المدني جثمان مواطن يبلغ من العمر {age} عاما سقط في بئر بمركز الهميج 180 كلم شرق المدينة. "
        "وتبين أن الحادث سقوط مواطن يبلغ من العمر 19 سنة في بئر يدوية بعمق 20 مترا وقطر 4 أمتار."
    )
    other = "لقي مواطن يبلغ من العمر 19 عاما مصرعه إثر سقوطه في بئر بمركز الهميج شرق المدينة."
    arts = [make_article("a", body.format(age=18), published=DAY), make_article("b", other, published=DAY)]
    found = [f for f in compare(arts, analyzer=fallback).findings if f.kind == "contradiction"]
    assert [f.rule for f in found] == ["CT101"], [f.message for f in found]
