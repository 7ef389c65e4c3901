"""The person-name and name-head lexicons (rules/lexicons/names.yaml, heads.yaml) and their JSON Schemas."""

from __future__ import annotations

from collections import Counter
from typing import Any

import jsonschema
import pytest

from checker import lexicons
from checker.errors import ConfigError
from checker.text.chars import match_key

NAMES = ["names", "heads"]

#: first names that fold onto a stopword and are kept on purpose (see the top comment of names.yaml)
STOPWORD_CLASHES = {"علي"}  # folds to على


def _errors(name: str, data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(lexicons.load_schema(f"lexicons/{name}"))
    return [e.message for e in validator.iter_errors(data)]


def _dupes(words: list[str]) -> list[str]:
    counts = Counter(match_key(w) for w in words)
    return sorted(k for k, n in counts.items() if n > 1)


@pytest.fixture(scope="module")
def names() -> dict[str, list[str]]:
    data: dict[str, list[str]] = lexicons.load("names")
    return data


@pytest.fixture(scope="module")
def heads() -> dict[str, list[str]]:
    data: dict[str, list[str]] = lexicons.load("heads")
    return data


@pytest.fixture(scope="module")
def stopwords() -> set[str]:
    return {match_key(w) for w in lexicons.load("stopwords")["stopwords"]}


# --- schemas and loading ----------------------------------------------------------------------


# schema validity and loading are checked for every lexicon in test_lexicons.py


@pytest.mark.parametrize("name", NAMES)
def test_every_list_is_non_empty(name: str) -> None:
    data = lexicons.load(name)
    assert all(isinstance(v, list) and v for v in data.values())


def test_lexicon_sizes(names: dict[str, list[str]], heads: dict[str, list[str]]) -> None:
    assert len(names["first_names"]) >= 700
    assert len(names["particles"]) >= 10
    assert 5 <= len(names["name_prefixes"]) <= 30
    assert len(heads["org_heads"]) >= 60
    assert len(heads["place_heads"]) >= 35


def test_lexicon_files_state_their_source() -> None:
    for name in NAMES:
        text = (lexicons.rules_dir() / "lexicons" / f"{name}.yaml").read_text(encoding="utf-8")
        assert text.startswith("#") and "hand-written" in text.split("\n\n")[0].lower()


# --- invalid examples are rejected -------------------------------------------------------------

GOOD_NAMES: dict[str, Any] = {
    "first_names": ["محمد", "عبد الله"],
    "particles": ["بن"],
    "name_prefixes": ["السيد"],
}
GOOD_HEADS: dict[str, Any] = {"org_heads": ["وزارة", "وكالة أنباء"], "place_heads": ["مدينة"]}


def test_good_examples_pass() -> None:
    assert _errors("names", GOOD_NAMES) == []
    assert _errors("heads", GOOD_HEADS) == []


@pytest.mark.parametrize(
    ("name", "patch"),
    [
        pytest.param("names", {"first_names": []}, id="names-empty-first-names"),
        pytest.param("names", {"first_names": ["محمد", "محمد"]}, id="names-duplicate"),
        pytest.param("names", {"first_names": [""]}, id="names-empty-string"),
        pytest.param("names", {"first_names": [" محمد"]}, id="names-padding"),
        pytest.param("names", {"first_names": ["عبد  الله"]}, id="names-double-space"),
        pytest.param("names", {"first_names": ["عبد الله بن محمد"]}, id="names-three-words"),
        pytest.param("names", {"first_names": ["John"]}, id="names-latin"),
        pytest.param("names", {"first_names": ["مُحَمَّد"]}, id="names-diacritics"),
        pytest.param("names", {"first_names": [1]}, id="names-not-a-string"),
        pytest.param("names", {"first_names": "محمد"}, id="names-not-a-list"),
        pytest.param("names", {"particles": ["بن علي"]}, id="particle-two-words"),
        pytest.param("names", {"particles": []}, id="particles-empty"),
        pytest.param("names", {"name_prefixes": ["السيد", "السيد"]}, id="prefix-duplicate"),
        pytest.param("names", {"surnames": ["الأسد"]}, id="names-extra-key"),
        pytest.param("heads", {"org_heads": []}, id="heads-empty"),
        pytest.param("heads", {"org_heads": ["وكالة أنباء الشرق"]}, id="heads-three-words"),
        pytest.param("heads", {"place_heads": ["مدينة", "مدينة"]}, id="heads-duplicate"),
        pytest.param("heads", {"place_heads": ["city"]}, id="heads-latin"),
        pytest.param("heads", {"event_heads": ["مهرجان"]}, id="heads-extra-key"),
    ],
)
def test_invalid_examples_rejected(name: str, patch: dict[str, Any]) -> None:
    good = GOOD_NAMES if name == "names" else GOOD_HEADS
    assert _errors(name, {**good, **patch})


@pytest.mark.parametrize(
    ("name", "missing"),
    [
        ("names", "first_names"),
        ("names", "particles"),
        ("names", "name_prefixes"),
        ("heads", "org_heads"),
        ("heads", "place_heads"),
    ],
)
def test_missing_key_rejected(name: str, missing: str) -> None:
    good = GOOD_NAMES if name == "names" else GOOD_HEADS
    assert _errors(name, {k: v for k, v in good.items() if k != missing})


def test_validate_raises_config_error_with_path() -> None:
    with pytest.raises(ConfigError, match=r"\$\['first_names'\]\[1\]"):
        lexicons.validate({**GOOD_NAMES, "first_names": ["محمد", "John"]}, "lexicons/names", "names.yaml")


# --- content checks ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["first_names", "particles", "name_prefixes"])
def test_names_unique_after_folding(names: dict[str, list[str]], key: str) -> None:
    assert _dupes(names[key]) == []


@pytest.mark.parametrize("key", ["org_heads", "place_heads"])
def test_heads_unique_after_folding(heads: dict[str, list[str]], key: str) -> None:
    assert _dupes(heads[key]) == []


def test_name_lists_do_not_overlap(names: dict[str, list[str]]) -> None:
    keys = {k: {match_key(w) for w in v} for k, v in names.items()}
    assert not keys["first_names"] & keys["particles"]
    assert not keys["first_names"] & keys["name_prefixes"]
    assert not keys["particles"] & keys["name_prefixes"]


def test_head_lists_do_not_overlap(heads: dict[str, list[str]], names: dict[str, list[str]]) -> None:
    org = {match_key(w) for w in heads["org_heads"]}
    place = {match_key(w) for w in heads["place_heads"]}
    assert not org & place
    first = {match_key(w) for w in names["first_names"]}
    assert not (org | place) & first


def test_no_first_name_is_a_stopword(names: dict[str, list[str]], stopwords: set[str]) -> None:
    clashes = {w for w in names["first_names"] if match_key(w) in stopwords}
    assert clashes == STOPWORD_CLASHES


def test_no_particle_or_prefix_is_a_title_word(names: dict[str, list[str]]) -> None:
    """Particles never start a title; the prefixes may repeat titles.yaml (السيد, الشيخ) on purpose."""
    titles = {match_key(t) for t in lexicons.load("titles")["titles"]}
    assert not {match_key(p) for p in names["particles"]} & titles


#: two-word given names that are neither عبد + X nor X + a definite word
FOREIGN_COMPOUNDS = {"علي أكبر", "علي رضا", "مير حسين", "جواهر لال", "نور سلطان", "أونغ سان"}


def test_compounds_are_given_names_not_full_names(names: dict[str, list[str]]) -> None:
    """Two-word entries are compounds (عبد الله, نور الدين, روح الله), not a name and a surname."""
    odd = [
        entry
        for entry in names["first_names"]
        if " " in entry
        and not entry.startswith("عبد ")
        and not entry.split()[1].startswith("ال")
        and entry not in FOREIGN_COMPOUNDS
    ]
    assert odd == []


@pytest.mark.parametrize(
    "word", ["محمد", "أحمد", "عبد الله", "عبد العزيز", "حسن", "رجب", "فلاديمير", "إيمانويل", "ناريندرا"]
)
def test_expected_first_names_present(names: dict[str, list[str]], word: str) -> None:
    assert match_key(word) in {match_key(w) for w in names["first_names"]}


@pytest.mark.parametrize("word", ["أمل", "نور", "سعيد", "باسم", "يزيد", "أمين", "الخوارزمي"])
def test_ambiguous_words_left_out(names: dict[str, list[str]], word: str) -> None:
    assert match_key(word) not in {match_key(w) for w in names["first_names"]}


@pytest.mark.parametrize("word", ["بن", "ابن", "بنت", "أبو", "آل", "عبد", "ولد", "فون"])
def test_expected_particles_present(names: dict[str, list[str]], word: str) -> None:
    assert word in names["particles"]


@pytest.mark.parametrize(
    ("key", "word"), [("org_heads", "وزارة"), ("org_heads", "جامعة"), ("place_heads", "محافظة"), ("place_heads", "جبل")]
)
def test_expected_heads_present(heads: dict[str, list[str]], key: str, word: str) -> None:
    assert word in heads[key]
