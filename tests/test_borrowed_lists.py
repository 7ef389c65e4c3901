"""Comma lists against copies that write the same list with و alone (issue 7, lists): the other
article's members show where the list is (checker/extract/borrowed_lists.py). A member one copy
lacks contradicts; the same list, or one written in another construction, does not. Sentences
written for the test."""

from __future__ import annotations

import datetime as dt

from checker.api import compare, make_article
from checker.extract.lists import member_key

DAY = dt.date(2015, 8, 2)
COMMAS = "وتشمل الجولة زيارة المتحف الوطني، وسوق الذهب، والقلعة القديمة، وحديقة النخيل، بالإضافة إلى معالم أخرى."
PLAIN = "وتشمل الجولة زيارة المتحف الوطني وسوق الذهب والقلعة القديمة وحديقة النخيل بالإضافة إلى معالم أخرى."


def list_findings(fallback, *texts: str, kind: str = "contradiction") -> list[set[tuple[str, str]]]:
    arts = [make_article(f"a{i}", t, published=DAY) for i, t in enumerate(texts)]
    report = compare(arts, analyzer=fallback)
    return [{(e.article, e.text) for e in f.evidence} for f in report.findings if f.fact == "list" and f.kind == kind]


def test_the_same_list_with_and_without_commas_agrees(fallback) -> None:
    assert not list_findings(fallback, COMMAS, PLAIN)
    assert list_findings(fallback, COMMAS, PLAIN, kind="agreement")


def test_a_member_the_copy_without_commas_lacks_contradicts(fallback) -> None:
    found = list_findings(fallback, COMMAS, PLAIN.replace(" والقلعة القديمة", ""))
    assert any(any(a == "a1" for a, _ in ev) for ev in found), found


def test_a_member_the_comma_list_lacks_contradicts(fallback) -> None:
    found = list_findings(fallback, COMMAS.replace("، والقلعة القديمة", ""), PLAIN)
    assert any(any(a == "a0" for a, _ in ev) for ev in found), found
    # the last member dropped: the copy's list ends before the same words (بالإضافة إلى)
    found = list_findings(fallback, COMMAS.replace("، وحديقة النخيل", ""), PLAIN)
    assert any(any(a == "a0" for a, _ in ev) for ev in found), found


def test_a_list_written_in_another_construction_is_no_contradiction(fallback) -> None:
    other = PLAIN.replace("الوطني وسوق", "الوطني ثم التوجه إلى سوق")
    assert not list_findings(fallback, COMMAS, other)
    # the members apart, in other sentences: no list of the copy
    apart = "وتبدأ الجولة من سوق الذهب. ثم تزور القلعة القديمة بعد الظهر، وتنتهي في المتحف الوطني."
    assert not list_findings(fallback, COMMAS, apart)


def test_a_member_dropped_before_the_words_both_lists_are_cut_at_contradicts(fallback) -> None:
    full = "وكان في استقباله نائب أمير المنطقة، ومدير الشرطة، ووكيل الإمارة، وعدد من المسؤولين."
    short = full.replace("، ووكيل الإمارة", "")
    found = list_findings(fallback, full, full, short)
    assert any(any(a == "a2" for a, _ in ev) for ev in found), found


def test_a_conjunction_written_apart_is_the_same_member() -> None:
    assert member_key("الأسرية و المدرسية", first=False) == member_key("والأسرية والمدرسية", first=False)
    assert member_key("و بيان أسباب العنف", first=False) == member_key("وبيان أسباب العنف", first=False)


def test_two_common_words_two_letters_apart_are_two_members_but_a_slip_is_not(fallback) -> None:
    said = "ويعرف البرنامج بأنواعه وفق العنف الجسدي، والعنف {}، وبيان أسباب العنف الشائعة، والوقاية منه."
    found = list_findings(fallback, said.format("النفسي"), said.format("الجنسي"))
    assert found, found
    said = "وتشمل الخطة حي الأملاح، وحي الفيصلية، وحدائق {} ملاعب مخصصة للأطفال، وملاعب لكرة القدم."
    assert not list_findings(fallback, said.format("تحتوي"), said.format("تحويي"))
