"""Pure helpers of the gold-story and edited-story harnesses, on tiny inline stories (never the
shared data) and a fake tool."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import edit_gen as eg  # noqa: E402
from benchmarks import edits as ed  # noqa: E402
from benchmarks import gold as gd  # noqa: E402

ROW = {
    "cluster_id": "t-1",
    "same_event": True,
    "articles": [
        {"article_id": "t-1#0", "source": "a", "date_extracted": "2015-08-02 10:00:00",
         "title": "غرفة نجران تطرح 50 وظيفة", "content": "وصل الوفد اليوم إلى الرياض. قتل 5 أشخاص."},
        {"article_id": "t-1#1", "source": "b", "date_extracted": "2015-08-02 11:00:00",
         "title": "غرفة نجران تطرح 50 وظيفة", "content": "وصل الوفد أمس إلى الرياض. قتل 5 أشخاص."},
    ],
    "findings": [
        {"kind": "contradiction", "articles": ["t-1#0", "t-1#1"], "evidence": ["الوفد اليوم", "الوفد أمس"],
         "explanation": "Moderate confidence: today vs yesterday.", "subtype": "date", "fact_key": "day"},
        {"kind": "agreement", "articles": ["t-1#0", "t-1#1"], "evidence": ["تطرح 50 وظيفة", "absent"],
         "explanation": "", "subtype": "number", "fact_key": "jobs"},
    ],
}  # fmt: skip


def story() -> gd.GoldStory:
    return gd.parse_story(ROW)


def test_article_text_has_the_title_first() -> None:
    a = story().articles[0]
    assert a.text.startswith(a.title + "\n\n") and a.text[a.body_start :] == a.content
    assert str(a.published) == "2015-08-02"


def test_locate_and_confidence() -> None:
    s = story()
    spans, missing = gd.locate(s.findings[0], s.texts())
    assert [s.texts()["t-1#0"][a:b] for a, b in spans["t-1#0"]] == ["الوفد اليوم"]
    assert missing == []
    assert gd.locate(s.findings[1], s.texts())[1] == ["absent"]
    assert s.findings[0].confidence == "moderate" and s.findings[1].confidence is None
    assert gd.confidence_of("Low-moderate confidence: x") == "low-moderate"
    assert gd.find_all("ااا", "اا") == [(0, 2), (1, 3)]


def fake_run(kind: str) -> gd.RunFn:
    """A tool reporting one finding of *kind* on the first day word of each article."""

    def run(items: Sequence[tuple[gd.StoryArticle, str]]) -> list[gd.Reported]:
        evs = []
        for a, text in items:
            for w in ("اليوم", "أمس"):
                i = text.find(w, a.body_start)
                if i >= 0:
                    evs.append(gd.Ev(a.id, i, i + len(w), w))
                    break
        return [gd.Reported(kind, "X1", "date", "m", tuple(evs))]

    return run


def test_matching_needs_the_same_kind_and_an_overlap() -> None:
    hit = gd.evaluate_story(story(), fake_run("contradiction"))
    assert hit.found == {0: True, 1: False} and hit.matched == [True]
    miss = gd.evaluate_story(story(), fake_run("agreement"))
    assert miss.found == {0: False, 1: False} and miss.overlapping[0] == ["agreement"]
    s = gd.summarize([hit])
    assert s["recall"]["contradiction"]["recall"] == 1.0 and s["unmatched"]["contradiction"] == 0
    assert s["contradiction_recall_moderate_high"]["found"] == 1


def test_digit_and_year_bumps_keep_the_script() -> None:
    assert eg.bump_digit("٥٠", "first-digit") == "٦٠"
    assert eg.bump_digit("5000", "last-digit") == "6000"
    assert eg.bump_digit("22.59", "last-digit") == "22.58"
    assert eg._bump_year("١٤٣٦") == "١٤٣٧"
    assert eg.is_year("2015") and not eg.is_year("3440")


def test_transliteration_and_place_clitics() -> None:
    rng = eg.rng_for("t")
    new, label = eg.transliterate("الشهراني", rng) or ("", "")
    assert new == "الشهرني" and label == "-ا"
    assert eg.transliterate("زنغنه", eg.rng_for("x")) is not None
    assert eg.transliterate("كب", rng) is None
    assert eg.attach("ل", True, "الدمام") == "لدمام" and eg.attach("ب", False, "جدة") == "جدة"


def test_edits_are_deterministic_and_supported() -> None:
    s = story()
    first = eg.generate([s], ("figure", "day", "headline", "place"), cap=5)
    assert first == eg.generate([s], ("figure", "day", "headline", "place"), cap=5)
    assert first["day"] == []  # the articles already disagree on the day: nothing to edit there
    for e in first["figure"] + first["headline"] + first["place"]:
        assert next(a for a in s.articles if a.id == e.article).text[e.start : e.end] == e.before
    assert {e.before for e in first["headline"]} == {"50"}
    assert {e.before for e in first["figure"]} == {"5"}
    places = first["place"]
    assert {e.before for e in places} == {"الرياض"} and all(e.after != "الرياض" for e in places)


def test_edit_apply_and_judging() -> None:
    s = story()
    e = eg.replace_edit("day", "0→1", s.id, s.articles[0], *_span(s.articles[0].text, "اليوم"), "أمس")
    assert "الوفد أمس" in e.apply(s.articles[0].text)
    out = ed.run_edit(s, e, fake_run("contradiction"), baseline=[])
    assert out.hit and out.cross and "⟦أمس⟧" in out.sentence
    out = ed.run_edit(s, e, fake_run("gap"), baseline=[])
    assert not out.hit and out.got == ["gap/X1"]


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def test_a_day_word_with_its_weekday_beside_it_is_not_edited() -> None:
    for text, pinned in (
        ("وصل الوفد اليوم (الأحد) إلى الرياض.", True),
        ("وصل الوفد أمس، السبت، إلى الرياض.", True),
        ("وصل الوفد اليوم إلى الرياض.", False),
    ):
        ws = eg.words(text)
        i = next(k for k, w in enumerate(ws) if w.folded in (eg.key("اليوم"), eg.key("أمس")))
        assert eg._weekday_beside(text, ws, i + 1) is pinned, text


def test_a_city_inside_a_clubs_name_is_no_place_to_edit() -> None:
    text = "حقق اللقب بعد أن تغلب على مانشستر سيتي في لندن."
    assert eg._in_known_org(text, *_span(text, "مانشستر"))
    assert not eg._in_known_org(text, *_span(text, "لندن"))


def test_the_written_stories_are_in_the_gold_format_and_their_evidence_is_in_place() -> None:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "written_stories.jsonl"
    stories = gd.load_gold(path)
    assert len(stories) >= 10 and any(not s.same_event for s in stories)
    for s in stories:
        texts = s.texts()
        for f in s.findings:
            _spans, missing = gd.locate(f, texts)
            assert not missing, (s.id, f.kind, missing)
