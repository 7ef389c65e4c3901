"""A title right after a name, with no name of its own after it, is that person's role: «وقال خالد
الفيصل أمير منطقة مكة المكرمة» (the role was lost: AG104 showed no role, CT104 could not compare
it). A title that introduces the next name stays that name's, and a role chain that starts after
an earlier name does not take the earlier name's title. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract, make_article

DAY = dt.date(2015, 8, 2)


def people(fallback, text: str) -> dict[str, str | None]:
    facts = extract(make_article("a", text, published=DAY), analyzer=fallback)
    return {f.text: dict(f.attrs).get("role") for f in facts if f.type == "person"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وقال خالد الفيصل أمير منطقة مكة المكرمة إن المشروع مهم", "خالد الفيصل", "أمير منطقة مكة المكرمة"),
        ("وقال عادل الجبير وزير الخارجية إن المملكة ترحب", "عادل الجبير", "وزير الخارجية"),
        ("وأوضح أحمد العمري مدير المعرض أن الزوار كثر", "أحمد العمري", "مدير المعرض"),
    ],
)
def test_a_title_after_a_name_is_its_role(fallback, text: str, name: str, role: str) -> None:
    assert people(fallback, text).get(name) == role


def test_a_title_that_introduces_the_next_name_is_not_the_earlier_ones(fallback) -> None:
    found = people(fallback, "استقبل خالد الفيصل أمير منطقة مكة وزير الخارجية عادل الجبير")
    assert found.get("عادل الجبير") == "وزير الخارجية"
    assert found.get("خالد الفيصل") != "وزير الخارجية"


def test_a_chain_of_titles_stays_whole(fallback) -> None:
    found = people(fallback, "ونقل الوزير تعازي خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز")
    assert found.get("سلمان بن عبدالعزيز") == "خادم الحرمين الشريفين الملك"


def test_a_given_name_after_a_family_name_opens_the_next_name(fallback) -> None:
    found = people(fallback, "وأكد نائب المدير التنفيذي لمؤسسة سالم بن محفوظ الخيرية بدر الشهري أن")
    assert "بدر الشهري" in found
    assert not any("الخيرية" in name for name in found)
    assert "سلمان بن عبدالعزيز آل سعود" in people(fallback, "وهنأ الملك سلمان بن عبدالعزيز آل سعود الفريق")


def test_the_word_after_al_is_a_family_name_whatever_it_means(fallback) -> None:
    found = people(fallback, "وقال تركي آل الشيخ إن الهيئة ستدعم الأندية. وأكد الشيخ صالح الفوزان أن")
    assert "تركي آل الشيخ" in found and "صالح الفوزان" in found
    assert "الشيخ" not in found  # the title is no later mention of the family name


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ('وأوضح مدير فرع مكتب العمل "فهد الرشيدي" أن الحملة شملت', "فهد الرشيدي", "مدير فرع مكتب العمل"),
        ("وقال المتحدث الرسمي «نايف الجهني» إن", "نايف الجهني", "المتحدث الرسمي"),
        ('في حين أجرى اللاعب "سعود كريري" مرانا', "سعود كريري", "اللاعب"),
        ('بمشاركة "المقدم تركي الردادي" و"عواد الحازمي" من الشرطة', "تركي الردادي", "المقدم"),
    ],
)
def test_a_name_in_quotes_after_its_title(fallback, text: str, name: str, role: str) -> None:
    assert people(fallback, text).get(name) == role


def test_a_particle_keeps_a_name_whole_after_a_weak_title(fallback) -> None:
    found = people(fallback, "وأكد الدكتور عقيل بن سالم الشمري أن")
    assert not any(role and "بن" in role for role in found.values())


def test_the_word_after_bism_is_the_body(fallback) -> None:
    assert not people(fallback, "وأبلغ المتحدث باسم فينيفست رويترز أن الشركة ستبيع حصتها")
    found = people(fallback, "وقال المتحدث باسم الحوثيين محمد عبدالسلام إن")
    assert found.get("محمد عبدالسلام") == "المتحدث باسم الحوثيين"


def test_allah_completes_a_compound_inside_a_name(fallback) -> None:
    found = people(fallback, "وقال الدكتور عبدالرحمن بن رجاء الله السلمي إن البرنامج ناجح")
    assert found.get("عبدالرحمن بن رجاء الله السلمي") == "الدكتور"
    assert "خالد الفيصل" in people(fallback, "وقال الأمير خالد الفيصل حفظه الله إن المشروع مهم")


def test_particles_do_not_count_against_the_name_limit(fallback) -> None:
    found = people(fallback, "وقال الطبيب أبو بكر محمد بن زكريا الرازي إن العلاج ممكن")
    assert any(name.endswith("بن زكريا الرازي") for name in found)


def test_after_a_clan_only_a_family_name_goes_on(fallback) -> None:
    found = people(fallback, "وأعلن معالي المهندس عبداللطيف بن عبدالملك آل الشيخ ترسية المشروع")
    assert "عبداللطيف بن عبدالملك آل الشيخ" in found
    assert "علي بن عمير ال جرمان الشهراني" in people(fallback, "وأوضح المقدم علي بن عمير ال جرمان الشهراني أن")


def test_a_title_inside_a_body_name_introduces_no_person(fallback) -> None:
    found = people(fallback, "والمدير الطبي لمستشفى الأمير عبدالعزيز بن مساعد الدكتورة ميساء السويلم")
    assert found.get("عبدالعزيز بن مساعد") is None  # no role: the hospital's name
    kept = people(fallback, "وأوضح وكيل شؤون البيئة بالرئاسة الدكتور عبد الباسط بن سالم صيرفي أن")
    assert kept.get("عبد الباسط بن سالم صيرفي") == "الدكتور"
    office = people(fallback, "غير أن مكتب رئيس الوزراء أحمد داود أوغلو أكد أن")
    assert any(role == "رئيس الوزراء" for role in office.values())


def test_a_family_name_that_is_a_country_stays_in_the_name(fallback) -> None:
    from checker.api import extract

    text = (
        "وحضر مدير عام الإدارة العامة للمجاهدين الدكتور عبدالله بن محمد السويد الصلاة. "
        "وعقب الصلاة نقل الدكتور السويد تعازي القيادة. وقال السويد إن الشهيد قدم روحه للوطن."
    )
    facts = extract(make_article("a", text, published=dt.date(2015, 8, 2)), analyzer=fallback)
    assert "عبدالله بن محمد السويد" in [f.text for f in facts if f.type == "person"]
    assert all(f.attr("doubtful") for f in facts if f.type == "place" and f.text == "السويد")
    visit = extract(make_article("b", "وزار الأمير محمد بن سلمان السويد أمس.", published=dt.date(2015, 8, 2)))
    assert "محمد بن سلمان السويد" not in [f.text for f in visit if f.type == "person"]


def test_a_plural_head_names_a_place_after_someone(fallback) -> None:
    found = people(fallback, "هطول أمطار غزيرة على مدينة أبها وضواحيها، ومتنزهات الأمير سلطان، والفرعا، والحبلة")
    assert not any(role == "الأمير" for role in found.values())


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("لاعبين رائعين أمثال الألماني مسعود أوزيل والتشيلي أليكسيس سانشيز.", "الألماني"),
        ("وسجل لاعب وسطه الإسباني سانتي كازورلا هدفا.", "الإسباني"),
        ("وقال العالم الألماني فيرنر هايزنبرغ إن ذلك ممكن.", "العالم الألماني"),
        ("وسجل اللاعب البرازيلي لوكاس مورا هدفا.", "اللاعب البرازيلي"),
    ],
)
def test_the_word_before_a_nationality_is_in_the_role_only_when_a_title_or_definite_noun(
    fallback, text: str, role: str
) -> None:
    [person] = [f for f in extract(make_article("a", text), analyzer=fallback) if f.type == "person"][:1]
    assert person.attr("role") == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("إثر إطاحة الجيش بالرئيس محمد مرسي في العام 2013.", "الرئيس"),
        ("والتقى بوزير الخارجية عادل الجبير أمس.", "وزير الخارجية"),
        ("وعبر عن الحساسية لرئيس الوزراء الكندي ستيفن هاربر أمس.", "رئيس الوزراء الكندي"),
        (
            "ومعالي نائب السكرتير الخاص لخادم الحرمين الشريفين مساعد رئيس الديوان الملكي"
            " الأستاذ فهد بن عبدالله العسكر،",
            "نائب السكرتير الخاص لخادم الحرمين الشريفين مساعد رئيس الديوان الملكي الأستاذ",
        ),
    ],
)
def test_a_preposition_before_a_title_is_not_in_the_role_nor_is_the_title_it_completes_cut(
    fallback, text: str, role: str
) -> None:
    roles = [f.text for f in extract(make_article("a", text), analyzer=fallback) if f.type == "role"]
    assert roles == [role]
