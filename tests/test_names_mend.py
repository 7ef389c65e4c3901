"""Where the name model's person names end, mended with the lexicons (issue 9)."""

from __future__ import annotations

from checker.names.features import analyse, lexicon_from_rules
from checker.names.mend import mend_persons


def _mend(text: str, tags: list[str]) -> list[str]:
    words = analyse(text, lexicon_from_rules())[0]
    assert len(words) == len(tags), [w.text for w in words]
    return mend_persons(words, tags, frozenset({"فإن", "إن", "على"}))


def test_a_name_stopped_before_al_and_the_family_name_goes_on() -> None:
    tags = ["O", "B-PERS", "I-PERS", "I-PERS", "O", "O", "O"]
    assert _mend("وقال محمد بن راشد آل مكتوم أمس", tags) == ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "I-PERS", "O"]


def test_a_name_stopped_at_a_particle_takes_the_next_name_word() -> None:
    tags = ["O", "B-PERS", "I-PERS", "O", "O"]
    assert _mend("وقال مارك فان بومل أمس", tags) == ["O", "B-PERS", "I-PERS", "I-PERS", "O"]


def test_a_particle_before_a_definite_common_word_ends_nothing() -> None:
    tags = ["O", "B-PERS", "I-PERS", "O", "O"]
    assert _mend("وقال مارك فان المجلس أمس", tags) == tags


def test_a_sentence_particle_is_left_out_of_a_name() -> None:
    tags = ["O", "B-PERS", "I-PERS", "O"]
    assert _mend("وقال فإن لوب قال", tags) == ["O", "O", "B-PERS", "O"]
    # a given name is never taken for the particle
    assert _mend("وقال علي لاريجاني قال", tags) == tags
