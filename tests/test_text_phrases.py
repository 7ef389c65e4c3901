"""Phrases (dictionary lookups) finds what a longest-first regex alternation of the same phrases finds."""

from __future__ import annotations

import random
import re

from checker.extract.entities import find_entities, gazetteer
from checker.text.phrases import Phrases

LETTERS = frozenset(map(chr, range(0x0621, 0x064B)))


def _regex(phrases: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?:{alt})(?![\u0621-\u064a])")


def test_longest_phrase_matches_a_longest_first_alternation() -> None:
    rng = random.Random(3)
    words = ["الشرق", "الأوسط", "باريس", "نيو", "يورك", "الأمم", "المتحدة", "كوريا", "الجنوبية", "و"]
    phrases = sorted({" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(40)})
    phrases += ["اوبك+", "تيمور - ليشتي"]
    matcher, pattern = Phrases(phrases, LETTERS), _regex(phrases)
    for _ in range(300):
        text = rng.choice(["", " ", "  ", "\n"]).join(
            rng.choice([*words, "اوبك+", "تيمور - ليشتي", "،", "باريسي"]) for _ in range(12)
        )
        for at in range(len(text)):
            m = pattern.match(text, at)
            assert matcher.longest(text, at) == (m.end() if m else None), (text, at)


def test_no_phrase_starts_with_a_non_letter() -> None:
    """The entity finder only tries word starts (a letter after a non-letter)."""
    gz = gazetteer()
    assert all(p[0] in gz.names.letters for p in gz.names.phrases)
    assert all(p[0] in gz.lnames.letters for p in gz.lnames.phrases)


def test_entities_after_clitics_and_across_line_breaks() -> None:
    text = "زار وفد من الأمم\nالمتحدة للإمارات وبباريس ثم فرنسا، والسعودية"
    found = [(text[a:b], how) for a, b, _, how in find_entities(text)]
    assert ("الأمم\nالمتحدة", "name") in found
    assert ("باريس", "name") in found and ("فرنسا", "name") in found
    assert any(how == "name-contracted" for _, how in found)
