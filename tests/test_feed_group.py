"""Story grouping (checker.feed.group): deterministic, time-windowed, outlets first, singletons alone."""

from __future__ import annotations

import datetime as dt

from checker.api import make_article
from checker.feed.group import Params, candidates, group, join, vectors
from checker.model import Article

DAY = dt.date(2015, 8, 2)
KING = "خادم الحرمين الشريفين يصل إلى طنجة في المملكة المغربية في إجازة خاصة"
KING_BODY = "وصل الملك سلمان بن عبدالعزيز إلى مطار طنجة واستقبله رئيس الحكومة عبدالإله بنكيران ووالي طنجة"
OIL = "إيران تتوقع زيادة إنتاج النفط 500 ألف برميل يوميا بعد رفع العقوبات"
OIL_BODY = "قال وزير النفط الإيراني بيجن زنغنه إن إيران تتوقع زيادة إنتاجها من النفط فور رفع العقوبات"


def art(i: str, title: str, body: str, source: str, day: dt.date = DAY) -> Article:
    return make_article(i, f"{title}\n\n{body}", published=day, title=title, source=source)


def ids(groups: list[list[Article]]) -> list[list[str]]:
    return [[a.id for a in g] for g in groups]


def test_two_stories_and_a_singleton() -> None:
    arts = [
        art("k1", KING, KING_BODY, "sabq"),
        art("o1", OIL, OIL_BODY, "alyaum"),
        art("k2", KING, KING_BODY + " اليوم", "okaz"),
        art("o2", OIL, OIL_BODY + " وفق رويترز", "aleqtisadiya"),
        art("x", "أمطار غزيرة على منطقة عسير", "هطلت أمطار غزيرة على أبها والمرتفعات", "alwatan"),
    ]
    assert ids(group(arts)) == [["k1", "k2"], ["o1", "o2"], ["x"]]
    assert ids(group(list(reversed(arts)))) == ids(group(arts))


def test_time_window_keeps_other_days_apart() -> None:
    arts = [art("a", KING, KING_BODY, "sabq"), art("b", KING, KING_BODY, "okaz", DAY + dt.timedelta(days=5))]
    assert ids(group(arts)) == [["a"], ["b"]]
    assert ids(group(arts, Params(window_days=7))) == [["a", "b"]]


def test_same_outlet_needs_the_stricter_threshold() -> None:
    arts = [art("a", KING, KING_BODY, "sabq"), art("b", KING, OIL_BODY, "sabq")]
    assert ids(group(arts)) == [["a"], ["b"]]


def test_blocking_does_not_compare_all_pairs() -> None:
    arts = [art(f"n{i}", f"خبر رقم {i} عن موضوع {i * 7919}", f"نص الخبر {i * 104729} كلمة", f"s{i}") for i in range(60)]
    pairs = candidates(vectors(arts), 2)
    assert len(pairs) < 60 * 59 // 2 // 4


def test_new_copy_joins_the_stories_already_received() -> None:
    received = [
        art("k1", KING, KING_BODY, "sabq"),
        art("k2", KING, KING_BODY + " اليوم", "okaz"),
        art("o1", OIL, OIL_BODY, "alyaum"),
        art("x", "أمطار غزيرة على منطقة عسير", "هطلت أمطار غزيرة على أبها والمرتفعات", "alwatan"),
    ]
    stories = {"k1": "k1", "k2": "k1", "o1": "o1", "x": "x"}
    new = [art("o2", OIL, OIL_BODY + " وفق رويترز", "aleqtisadiya"), art("k3", KING, KING_BODY, "alriyadh")]
    got = ids(join(received + new, stories, {"o2", "k3"}))
    assert got == [["k1", "k2", "k3"], ["o1", "o2"], ["x"]] == ids(group(received + new))


def test_stored_stories_are_kept_as_they_were_given() -> None:
    """Only pairs with a new article are compared: two stored singletons that the batch would join
    stay apart (they were judged when they came in), and a new unrelated item stays alone."""
    a, b = art("k1", KING, KING_BODY, "sabq"), art("k2", KING, KING_BODY, "okaz")
    rain = art("x", "أمطار غزيرة على منطقة عسير", "هطلت أمطار غزيرة على أبها والمرتفعات", "alwatan")
    assert ids(join([a, b, rain], {"k1": "k1", "k2": "k2"}, {"x"})) == [["k1"], ["k2"], ["x"]]
    assert ids(group([a, b, rain])) == [["k1", "k2"], ["x"]]


def test_only_pairs_with_a_new_article_are_candidates() -> None:
    arts = [art(f"n{i}", KING, KING_BODY + f" {i}", f"s{i}") for i in range(20)]
    docs = vectors(arts)
    pairs = candidates(docs, 2, {0})
    assert pairs and all(0 in p for p in pairs)


def test_a_news_digest_joins_no_story() -> None:
    digest = art("d", "موجز اقتصاد", OIL_BODY, "aawsat")
    arts = [art("o1", OIL, OIL_BODY, "alyaum"), art("o2", OIL, OIL_BODY + " وفق رويترز", "aleqtisadiya"), digest]
    assert ids(group(arts)) == [["o1", "o2"], ["d"]]
    titled = art("d", "اقتصاد: " + OIL, OIL_BODY, "aawsat")
    assert ["d"] not in ids(group([*arts[:2], titled]))  # the same text under a story's title joins it
