"""House-style forms across the articles of a story, on sentences written for the test: figure
notations (VR104), a person named with and without middle names (VR105) or honorifics (VR106),
and a word that folds onto a stop word (VR103)."""

from __future__ import annotations

from _stories import DAY, evidence, run

from checker.api import extract, make_article
from checker.extract.honorifics import honorific
from checker.extract.notation import _figures


def test_figure_notations() -> None:
    text = "بنسبة 3.20% و5ر2 في المائة و(121) كم و١٨٠ كلم وطائرة F-16 وقمة G20"
    got = {(n, s, text[a:b]) for n, s, a, b in _figures(text)}
    assert ("percent", "sign", "3.20%") in got and ("decimal", "point", "3.20") in got
    assert ("decimal", "reversed", "5ر2") in got and ("percent", "words", "5ر2 في المائة") in got
    assert ("unit:kilometre", "كم", "(121) كم") in got and ("unit:kilometre", "كلم", "١٨٠ كلم") in got
    assert ("digits", "indic", "١٨٠") in got
    assert not any(t in ("16", "20") for _, _, t in got)  # numbers inside Latin words
    assert not [g for g in _figures("بلغت 25.269.105 ريالات") if g[0] == "decimal"]  # thousands


def test_notation_variants_across_and_within_articles(fallback) -> None:
    r = run(
        fallback,
        ("بلدية الجبيل تضبط 10 سيارات", "صادرت البلدية أكثر من 700 حبة بنسبة 2.5% من المعروض."),
        ("بلدية الجبيل تضبط 10 سيارات", "صادرت البلدية أكثر من ٧٠٠ حبة بنسبة 5ر2 في المائة من المعروض."),
    )
    found = evidence(r, "VR104")
    assert any(("a0", "10") in f and ("a1", "٧٠٠") in f for f in found), found
    assert any(("a0", "2.5") in f and ("a1", "5ر2") in f for f in found), found
    assert any(("a0", "2.5%") in f and ("a1", "5ر2 في المائة") in f for f in found), found
    same = run(
        fallback,
        ("البلدية تضبط 10 سيارات", "صادرت البلدية أكثر من 700 حبة بنسبة 2.5%."),
        ("البلدية تضبط 10 سيارات", "صادرت البلدية 700 حبة بنسبة 2.5%."),
    )
    assert not evidence(same, "VR104")


def test_middle_names(fallback) -> None:
    full = "وقال المتحدث الرسمي السفير أسامة بن أحمد نقلي إن الوزارة تتابع. وأضاف أسامة نقلي أن الوفد وصل."
    r = run(
        fallback, ("الخارجية: الوفد وصل", full), ("الخارجية: الوفد وصل", "وقال المتحدث السفير أسامة نقلي إن الوفد وصل.")
    )
    found = evidence(r, "VR105")
    assert found == [{("a0", "أسامة بن أحمد نقلي"), ("a1", "أسامة نقلي")}], found
    # the full form in both: the short mention repeated in one article is no variant
    assert not evidence(run(fallback, ("الخارجية: الوفد وصل", full), ("الخارجية: الوفد وصل", full)), "VR105")
    # a forebear dropped from a chain names another man: no variant
    chain = run(
        fallback,
        ("استقبال", "استقبل الأمير محمد بن سلمان بن عبدالعزيز الوفد."),
        ("استقبال", "استقبل الأمير محمد بن عبدالعزيز الوفد."),
    )
    assert not evidence(chain, "VR105")


def test_a_word_after_bin_is_a_name_and_an_accusative_noun_ends_one(fallback) -> None:
    text = "كشف الأمير عبدالله بن مساعد بن عبدالعزيز أن الرئيس عين عبدالعزيز أحمد جباري مستشارا له."
    people = [f.text for f in extract(make_article("a", text, published=DAY), fallback) if f.type == "person"]
    assert "عبدالله بن مساعد بن عبدالعزيز" in people, people
    assert "عبدالعزيز أحمد جباري" in people, people


def test_honorifics(fallback) -> None:
    text = "كشف صاحب السمو الملكي الأمير عبدالله بن مساعد الرئيس العام لرعاية الشباب أن اللجنة اجتمعت."
    assert honorific(text, text.index("الأمير"), "الأمير") == ("صاحب السمو الملكي", text.index("صاحب"))
    assert honorific("قال الأمير", 4, "الأمير") is None
    r = run(
        fallback,
        ("لقاء", text),
        ("لقاء", "كشف الأمير عبدالله بن مساعد الرئيس العام لرعاية الشباب أن اللجنة اجتمعت."),
    )
    found = evidence(r, "VR106")
    assert found and ("a0", "صاحب السمو الملكي الأمير عبدالله بن مساعد") in found[0], found
    assert ("a1", "عبدالله بن مساعد") in found[0], found
    assert not evidence(run(fallback, ("لقاء", text), ("لقاء", text)), "VR106")


def test_a_word_folding_onto_a_stop_word(fallback) -> None:
    r = run(
        fallback,
        ("وزير العمل يبحث التعاون", "بحث الوزير آلية التعاون المشترك وما يحتاج إليه الطرفان."),
        ("وزير العمل يبحث التعاون", "بحث الوزير الية التعاون المشترك وما يحتاج إليه الطرفان."),
    )
    words = [f.message for f in r.findings if f.rule == "VR103"]
    assert any("آلية" in m and "الية" in m for m in words), words


def test_an_honorific_inside_a_chain_of_titles_is_read(fallback) -> None:
    from checker.api import extract_facts, make_article

    text = "وكان في استقبال خادم الحرمين الشريفين صاحب السمو الأمير سعود بن عبدالله بن محمد، وسفير المملكة."
    people = [f for f in extract_facts(make_article("a", text), analyzer=fallback) if f.type == "person"]
    assert people and people[0].attr("honorific") and people[0].attr("honorific")[0] == "صاحب السمو", people


def test_the_seat_of_inna_and_anna_is_syntax_not_spelling(fallback) -> None:
    r = run(
        fallback,
        (
            "الوزير: نتضامن مع الجميع",
            "ولقد كررت في كثير من الحالات أننا نتخذ موقف التضامن. إننا لم نستبعد أحدا من التضامن مع الجميع.",
        ),
        ("الوزير: نتضامن مع الجميع", "وقال الوزير إن بلاده لم تستبعد أحدا من التضامن مع الجميع."),
    )
    assert not [f for f in r.findings if f.rule == "VR103" and "أننا" in f.message]
