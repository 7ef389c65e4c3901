"""Findings an editor can trust (issue 7, precision): gaps that are no gaps, lint on correct
words, and agreements that join two different facts, each class on sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import compare, extract, make_article
from checker.engine.align import Cluster, Group
from checker.engine.cohesion import cohesive
from checker.extract.lists import _announced
from checker.names import load as load_name_model

DAY = dt.date(2015, 8, 2)


def run(fallback, *texts: str):
    arts = [make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)]
    return compare(arts, analyzer=fallback)


def rules(report, kind: str) -> list[str]:
    return [f.rule for f in report.findings if f.kind == kind]


def texts(report, rule: str) -> list[str]:
    return [e.text for f in report.findings if f.rule == rule for e in f.evidence]


# quotations


def test_short_quoted_items_do_not_shift_the_quote_marks(fallback) -> None:
    text = (
        'وأوضح مدير الفرع "سالم" أن الحملة ضبطت "17" مخالفة في المراكز الثلاثة التابعة للمحافظة خلال '
        'الأسبوع الماضي بإشراف "ناصر" الذي شكر المفتشين.'
    )
    quotes = [f for f in extract(make_article("a", text), fallback) if f.type == "quote"]
    assert not quotes, [f.text for f in quotes]  # the words between two quoted names are no quotation


QUOTE = "نحن فخورون جدا بما حققناه هذا العام في كل المجالات الاقتصادية والاجتماعية"


def test_a_quotation_worded_differently_is_neither_agreement_nor_gap(fallback) -> None:
    other = QUOTE.replace("المجالات", "القطاعات")
    r = run(fallback, f"وقال الوزير: «{QUOTE}».", f"وقال الوزير: «{other}».")
    assert "AG103" not in rules(r, "agreement")
    assert "GP104" not in rules(r, "gap")


def test_a_gloss_in_brackets_inside_a_quotation_is_one_quotation(fallback) -> None:
    # the reporter's gloss (حققناه (أنجزناه)، النواشر (راوترز)) is not the speaker's word: one quotation
    other = QUOTE.replace("حققناه", "حققناه (أنجزناه)")
    r = run(fallback, f"وقال الوزير: «{QUOTE}».", f"وقال الوزير: «{other}».")
    assert "AG103" in rules(r, "agreement")
    assert "CT108" not in rules(r, "contradiction")


def test_a_word_added_inside_a_quotation_is_no_agreement(fallback) -> None:
    other = QUOTE.replace("حققناه", "حققناه بجهد كبير")
    r = run(fallback, f"وقال الوزير: «{QUOTE}».", f"وقال الوزير: «{other}».")
    assert "AG103" not in rules(r, "agreement")


def test_a_quotation_cut_short_agrees(fallback) -> None:
    longer = QUOTE + " ونتطلع إلى المزيد في العام المقبل"
    r = run(fallback, f"وقال الوزير: «{QUOTE}».", f"وقال الوزير: «{longer}».")
    assert "AG103" in rules(r, "agreement")
    assert "GP104" not in rules(r, "gap")


def test_a_quotation_whose_speaker_only_one_article_names_aligns(fallback) -> None:
    r = run(
        fallback,
        f"وقال وزير المالية الياباني تارو آسو: «{QUOTE}».",
        f"وأضاف في المؤتمر: «{QUOTE}».",
    )
    assert "GP104" not in rules(r, "gap")
    assert "AG103" in rules(r, "agreement")


def test_reported_speech_in_another_article_is_no_quote_gap(fallback) -> None:
    said = "الحكومة قررت مواصلة دعم المزارعين في المناطق الريفية خلال العام المقبل بمبالغ إضافية"
    r = run(fallback, f"وقال الوزير إن {said}.", f"وقال الوزير: «{said}».")
    assert "GP104" not in rules(r, "gap")


def test_a_quotation_only_one_article_carries_is_still_a_gap(fallback) -> None:
    r = run(
        fallback,
        "وزار الوزير المعرض أمس.",
        f"وزار الوزير المعرض أمس، وقال: «{QUOTE}».",
    )
    assert "GP104" in rules(r, "gap")


# figures


def test_a_bracketed_amount_keeps_its_currency(fallback) -> None:
    facts = extract(make_article("a", "وبلغت تكلفة المشروعات في المنطقة (125.400.000) ريال."), fallback)
    money = [f for f in facts if f.type == "money"]
    assert money and money[0].value == {"amount": 125400000, "currency": "SAR"}
    assert money[0].text == "(125.400.000) ريال"


def test_a_quoted_figure_keeps_its_noun(fallback) -> None:
    facts = extract(make_article("a", 'وأعلنت البلدية ضبط "37" مخالفة خلال الجولة.'), fallback)
    assert [f.key for f in facts if f.type == "count" and f.value == 37] == ["مخالف"]


def test_a_figure_read_as_another_type_elsewhere_is_no_gap(fallback) -> None:
    r = run(
        fallback,
        "وسقط العامل في حفرة بعمق 35 مترا في موقع المشروع.",
        "وسقط العامل في حفرة بعمق 35م في موقع المشروع.",
    )
    assert "GP101" not in rules(r, "gap")


def test_an_amount_without_its_currency_is_no_gap(fallback) -> None:
    r = run(
        fallback,
        "الوزارة تعتمد مشروعات بأكثر من مليار\n\nاعتمدت الوزارة مشروعات جديدة في المناطق.",
        "الوزارة تعتمد مشروعات بمليار ريال\n\nاعتمدت الوزارة مشروعات جديدة في المناطق.",
    )
    assert "GP101" not in rules(r, "gap")


def test_a_figure_only_one_article_gives_is_still_a_gap(fallback) -> None:
    r = run(
        fallback,
        "وشارك في البطولة لاعبون من عدة دول.",
        "وشارك في البطولة 23 لاعبا من عدة دول.",
    )
    assert "GP101" in rules(r, "gap")


# people


PLAIN = "وافتتح المعرض صباح أمس بحضور عدد من المسؤولين."


def test_a_person_named_only_once_is_a_gap(fallback) -> None:
    r = run(fallback, PLAIN, "وافتتح المعرض صباح أمس اللواء سعد بن محمد القحطاني بحضور عدد من المسؤولين.")
    assert texts(r, "GP102") == ["سعد بن محمد القحطاني"]


def test_a_building_named_after_someone_is_no_person_gap(fallback) -> None:
    r = run(
        fallback,
        "وتشمل المشروعات ترميم مبنى البلدية.",
        "وتشمل المشروعات استكمال مركز الأمير نايف الحضاري وترميم مبنى البلدية.",
    )
    assert "GP102" not in rules(r, "gap")


def test_a_person_after_a_definite_noun_is_still_a_gap(fallback) -> None:
    r = run(
        fallback,
        "وتشمل المشروعات ترميم مبنى البلدية.",
        "وتشمل المشروعات ترميم مبنى البلدية بإشراف عميد الكلية بالجامعة الدكتور سامي بن فهد الحربي.",
    )
    assert texts(r, "GP102") == ["سامي بن فهد الحربي"]


@pytest.mark.skipif(load_name_model() is None, reason="the name model is not installed")
def test_a_verb_after_a_title_is_no_person_gap(fallback) -> None:
    r = run(fallback, "الوزير يستقبل السفير في مكتبه.", "وزير الزراعة يبحث مع السفير التعاون في مكتبه.")
    assert "GP102" not in rules(r, "gap")


def test_a_person_another_article_gives_by_title_and_given_name_is_no_gap(fallback) -> None:
    r = run(
        fallback,
        "وأكدت الدكتورة ريم بنت علي الحربي أهمية الفحص المبكر. وقدمت الدكتورة ريم توصيات للأمهات.",
        "وأكدت الدكتورة ريم الحربي أهمية الفحص المبكر.",
    )
    assert "GP102" not in rules(r, "gap")


def test_a_family_name_that_is_a_place_is_no_place_gap(fallback) -> None:
    r = run(
        fallback,
        "وأم المصلين الدكتور منصور الأردن في الجامع الكبير.",
        "وأم المصلين إمام الجامع في الجامع الكبير.",
    )
    assert "GP103" not in rules(r, "gap")


# lint


def test_a_rare_verb_with_its_plural_ending_is_no_typo(fallback) -> None:
    r = run(fallback, "وفي المطبخ الطهاة يذيبون الزبدة على نار هادئة.", "وفي المطبخ يذيب الطهاة الزبدة.")
    assert "LN102" not in rules(r, "lint")


def test_a_real_slip_is_still_a_typo(fallback) -> None:
    r = run(fallback, "وجرت الانتخاببات في موعدها المحدد.", "وجرت الانتخابات في موعدها.")
    assert texts(r, "LN102") == ["الانتخاببات"]


def test_a_list_count_is_read_only_where_the_list_is_announced() -> None:
    assert _announced(" (", "الدول")  # الدول الخمس (أ وب …
    assert _announced(" الأعضاء في المجلس، وهي ", "الدول")  # … وهي أ وب …
    assert _announced("، ", "دول")
    assert not _announced(" (الأرجنتين والبيرو و", "الدول")  # found from a later member on
    assert not _announced(" والبيرو، ", "الدول")


# agreements


def _cluster(article: str) -> Cluster:
    return Cluster(article, "date", "", "2015-08-01", [], frozenset(), frozenset())


def test_an_agreement_leaves_out_a_member_joined_by_one_weak_link() -> None:
    a, b, c = _cluster("a"), _cluster("b"), _cluster("c")
    scores = {frozenset(("a", "b")): 0.9, frozenset(("a", "c")): 0.0, frozenset(("b", "c")): 0.15}

    def sim(x: Cluster, y: Cluster) -> float:
        return scores[frozenset((x.article, y.article))]

    kept = cohesive(Group([a, b, c]), sim, 0.12)
    assert [x.article for x in kept.clusters] == ["a", "b"]
    assert cohesive(Group([a, b]), sim, 0.95).clusters == [a, b]  # a pair is kept as it is


def test_sentences_sharing_no_figure_state_different_things(fallback) -> None:
    from checker.api import compare, make_article

    s = (
        "وسجلت الشركة خسائر خلال {} بلغت {} مليون ريال مقابل أرباح {} مليون ريال لنفس الفترة من العام الماضي،"
        " وارتفعت مصاريف الزكاة بقيمة {} مليون ريال."
    )

    def ct101(*texts: str) -> int:
        arts = [make_article(f"a{i}", t) for i, t in enumerate(texts)]
        return sum(f.rule == "CT101" for f in compare(arts, analyzer=fallback).findings)

    assert ct101(s.format("الربع الثاني", 900, 92, 81), s.format("النصف الأول", 945, 403, 58)) == 0
    assert ct101(s.format("الربع الثاني", 900, 92, 81), s.format("الربع الثاني", 900, 95, 81)) == 1  # one changed


def test_a_count_of_others_is_not_a_count_of_all(rule_hits) -> None:
    a = "واعتقل نائب رئيس الاتحاد مع ستة مسؤولين آخرين في الاتحاد الدولي بتهم الرشوة في مايو."
    b = "ونائب رئيس الاتحاد واحد من 14 مسؤولا في الاتحاد الدولي وجهت إليهم تهم الرشوة في مايو."
    assert not rule_hits("CT101", a, b)
    s = "قتل جندي وجرح {} آخرون في ساعة مبكرة اليوم عندما انفجر لغم أرضي بقافلة عسكرية."
    assert rule_hits("CT101", s.format("أربعة"), s.format("سبعة"))


def test_a_single_in_words_is_no_figure_gap(rule_hits) -> None:
    a = "وقال المدرب إن الفريق تلقى انتقادين في أسبوع واحد بعد خسارته أمام منافسه في الدوري."
    b = "وقال المدرب إن الفريق تلقى انتقادين بعد خسارته أمام منافسه في الدوري."
    assert not [m for m in rule_hits("GP101", a, b) if "أسبوع" in m or " 1 " in m]
    assert rule_hits("GP101", a.replace("في أسبوع واحد", "في 3 أسابيع"), b)


def test_a_known_foreign_name_is_no_typo(fallback) -> None:
    from checker.api import extract_facts, make_article

    text = "وسجل المهاجم أكبوم هدف الفوز في الدقيقة الأخيرة، غداة اجتاماع شاركت فيه سبع دول."
    typos = [f.text for f in extract_facts(make_article("a", text), analyzer=fallback) if f.key == "typo"]
    assert typos == ["اجتاماع"], typos  # a slip of a common word is still one


def test_figures_of_two_reporting_periods_are_two_facts(rule_hits) -> None:
    s = "وأعلنت الشركة أنها سجلت خلال {} خسائر قدرها {} مليون ريال مقارنة بأرباح في الفترة نفسها."
    assert not rule_hits("CT101", s.format("الربع الثاني", 900), s.format("النصف الأول", 945))
    assert rule_hits("CT101", s.format("الربع الثاني", 900), s.format("الربع الثاني", 945))


# asides: background sentences and appended items


STORY = "أعلنت النيابة العامة اليوم إحالة 41 متهما إلى المحكمة الاتحادية العليا بتهمة تشكيل تنظيم إرهابي."


def test_a_figure_only_a_background_sentence_states_is_no_gap(fallback) -> None:
    aside = STORY + "\nيشار إلى أن السلطات ضبطت الشهر الماضي 7 سيارات مفخخة في قضية أخرى."
    assert "7" not in " ".join(texts(run(fallback, STORY, aside), "GP101"))
    # the same figure in a sentence of the story's own is a gap
    told = STORY + "\nوقالت النيابة إن السلطات ضبطت الشهر الماضي 7 سيارات مفخخة استخدمها المتهمون."
    assert "7" in " ".join(texts(run(fallback, STORY, told), "GP101"))


def test_an_item_appended_after_a_topic_shift_is_no_gap(fallback) -> None:
    item = STORY + "\nفي سياق آخر، وصلت إلى الميناء شحنة من القمح تبلغ 35800 طن تكفي لإطعام مليون شخص."
    found = " ".join(texts(run(fallback, STORY, item), "GP101"))
    assert "35800" not in found and "مليون" not in found
    asides = [f for f in extract(make_article("a", item), fallback) if f.type == "aside"]
    assert [(f.key, item[f.start : f.end].split("،")[0]) for f in asides] == [("shift", "في سياق آخر")]


def test_a_demonym_names_its_country_for_gaps(fallback) -> None:
    a = "وقال الرئيس القبرصي إن المشكلة القبرصية بدأت مع الاجتياح التركي للجزيرة قبل أربعين عاما."
    b = "وقال الرئيس القبرصي إن المشكلة القبرصية بدأت عندما اجتاحت تركيا شمال الجزيرة قبل أربعين عاما."
    assert "تركيا" not in texts(run(fallback, a, b), "GP103")
    c = "وقال الرئيس القبرصي إن المشكلة القبرصية بدأت قبل أربعين عاما."
    assert "تركيا" in texts(run(fallback, c, b), "GP103")


def test_an_unclosed_quotation_ends_with_its_paragraph(fallback) -> None:
    text = (
        "قال المدير: «إن برنامج إعداد القادة من البرامج الفعالة للمركز، مبينا أن ثمار البرنامج واضحة.\n"
        "وأوضح الدكتور الأحمد أن البرنامج يستهدف الطلاب.\nومما يذكر أن «مسك» تأسست قبل سنوات."
    )
    quotes = [f.text for f in extract(make_article("a", text), fallback) if f.type == "quote"]
    assert quotes == ["إن برنامج إعداد القادة من البرامج الفعالة للمركز، مبينا أن ثمار البرنامج واضحة."]


def test_a_coalition_named_in_one_article_and_described_in_another_is_no_gap(fallback) -> None:
    a = "وتقدمت القوات الحكومية في عدن بدعم من طائرات التحالف العربي خلال الأيام الماضية."
    b = "وتقدمت القوات الحكومية في عدن بدعم من الغارات الجوية للتحالف العسكري بقيادة المملكة خلال الأيام الماضية."
    assert "التحالف العربي" not in texts(run(fallback, a, b), "GP103")
    c = "وتقدمت القوات الحكومية في عدن خلال الأيام الماضية."
    assert "التحالف العربي" in texts(run(fallback, a, c), "GP103")


def test_a_rank_in_digits_and_in_words_is_no_gap(fallback) -> None:
    a = "ويشارك الوفد في المهرجان البريطاني العالمي الذي ينظم للعام الـ 84 على التوالي في لندن."
    b = "ويشارك الوفد في المهرجان البريطاني العالمي الذي ينظم للعام الرابع والثمانين على التوالي في لندن."
    assert "84" not in " ".join(texts(run(fallback, a, b), "GP101"))
    c = "ويشارك الوفد في المهرجان البريطاني العالمي في لندن."
    assert "84" in " ".join(texts(run(fallback, a, c), "GP101"))


def test_countries_only_one_article_lists_make_one_gap(fallback) -> None:
    a = "ويشارك في المؤتمر الدولي محاضرون من بريطانيا وفرنسا وأيرلندا وإثيوبيا والأردن في جلسات علمية."
    b = "ويشارك في المؤتمر الدولي عدد من المحاضرين في جلسات علمية."
    gaps = [f for f in run(fallback, a, b).findings if f.rule == "GP103"]
    assert len(gaps) == 1, [f.message for f in gaps]
    assert {e.text for e in gaps[0].evidence} >= {"بريطانيا", "فرنسا", "إثيوبيا"}


def test_an_outlet_is_not_compared_with_itself_for_gaps(fallback) -> None:
    full = STORY + "\nوقالت النيابة إن السلطات ضبطت الشهر الماضي 7 سيارات مفخخة استخدمها المتهمون."
    for sources, expected in ((("wam", "wam"), False), (("wam", "spa"), True)):
        arts = [
            make_article(f"a{i}", t, published=DAY, source=s)
            for i, (t, s) in enumerate(zip((STORY, full), sources, strict=True))
        ]
        found = [e.text for f in compare(arts, analyzer=fallback).findings if f.rule == "GP101" for e in f.evidence]
        assert ("7" in " ".join(found)) is expected, (sources, found)


def test_an_elative_of_a_weak_root_is_no_typo(fallback) -> None:
    facts = extract(make_article("a", "وكان الطالب هو الأوعى بين زملائه، والحل الأجدى هو الحوار."), fallback)
    assert not [f.text for f in facts if f.type == "lint" and f.key == "typo"]


LEAD = (
    "وصل نائب الرئيس اليمني ورئيس الحكومة إلى مدينة عدن أمس على رأس وفد حكومي كبير، في أول زيارة "
    "للمدينة منذ تحريرها، وتفقد المطار والميناء وعددا من المرافق العامة."
)


TAIZ = "وفي تعز، قالت مصادر في المقاومة الشعبية إن مقاتليها سيطروا على مواقع جديدة في جبل صبر بعد معارك عنيفة."


def test_an_item_under_its_own_subhead_is_no_gap(fallback) -> None:
    roundup = LEAD + "\n\nجبهة تعز\n\n" + TAIZ
    r = run(fallback, roundup, LEAD)
    assert not [f.message for f in r.findings if f.kind == "gap" and "تعز" in f.message]


def test_a_short_line_with_punctuation_is_no_subhead(fallback) -> None:
    article = LEAD + "\n\nوأضاف: تعز.\n\n" + TAIZ
    r = run(fallback, article, LEAD)
    assert [f.message for f in r.findings if f.kind == "gap" and "تعز" in f.message]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("وقالت هيئة بي.سي البريطانية إن البث مستمر.", False),  # an acronym of two letters' names
        ("ورسم الفنان العمل جداريا في الساحة العامة.", False),  # a nisba adverb, not جدار + يا
        ("وقال له.في المساء حضر الجميع.", True),  # a sentence end with no space
    ],
)
def test_lint_spares_acronyms_and_adverbs(fallback, text: str, flagged: bool) -> None:
    lint = [f for f in extract(make_article("a", text), fallback) if f.type == "lint" and f.key != "typo"]
    assert bool(lint) is flagged, [(f.key, f.text) for f in lint]
