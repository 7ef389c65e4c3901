"""The shipped word lists under rules/lexicons/ and their JSON Schemas."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from typing import Any

import jsonschema
import pytest
from babel import Locale

from checker import lexicons
from checker.errors import ConfigError
from checker.text.chars import match_key

NAMES = [
    "entities",
    "titles",
    "stopwords",
    "nouns",
    "currencies",
    "names",
    "heads",
    "aliases",
    "notation",
    "known_orgs",
]


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(lexicons.load_schema(f"lexicons/{name}"))


def _errors(name: str, data: Any) -> list[str]:
    return [e.message for e in _validator(name).iter_errors(data)]


@pytest.fixture(scope="module")
def ar_territories() -> dict[str, str]:
    return dict(Locale.parse("ar").territories)


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    path = lexicons.SCHEMA_DIR / "lexicons" / f"{name}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize("name", NAMES)
def test_shipped_lexicon_loads(name: str) -> None:
    data = lexicons.load(name)
    assert isinstance(data, dict) and data


def test_lexicon_sizes() -> None:
    ents = lexicons.load("entities")["entities"]
    by_type: dict[str, int] = defaultdict(int)
    for e in ents:
        by_type[e["type"]] += 1
    assert by_type["country"] >= 195
    assert by_type["city"] >= 250
    assert by_type["region"] >= 20 and by_type["org"] >= 30 and by_type["group"] >= 15
    titles = lexicons.load("titles")
    assert len(titles["titles"]) >= 80 and len(titles["qualifiers"]) >= 80
    assert len(lexicons.load("stopwords")["stopwords"]) >= 300
    nouns = lexicons.load("nouns")
    assert len(nouns["plurals"]) >= 250 and len(nouns["units"]) >= 20
    assert len(lexicons.load("currencies")["currencies"]) >= 30


# --- invalid examples are rejected ---------------------------------------------------------

GOOD_ENTITIES: dict[str, Any] = {
    "list_nouns": {"country": ["دول"]},
    "entities": [
        {"id": "FR", "type": "country", "names": ["فرنسا"], "demonyms": ["فرنسي"]},
        {"id": "city-paris", "type": "city", "country": "FR", "names": ["باريس"]},
        {"id": "org-isis", "type": "group", "names": ["داعش"]},
    ],
}


def test_good_entities_example_passes() -> None:
    assert _errors("entities", GOOD_ENTITIES) == []


def _bad_entities(mutate: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD_ENTITIES)
    mutate(data)
    return data


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda d: d["entities"][0].pop("id"), id="missing-id"),
        pytest.param(lambda d: d["entities"][1].pop("names"), id="missing-names"),
        pytest.param(lambda d: d["entities"][0].update(type="state"), id="wrong-type-enum"),
        pytest.param(lambda d: d["entities"][0].update(capital="باريس"), id="extra-property"),
        pytest.param(lambda d: d.update(version=2), id="extra-top-level-property"),
        pytest.param(lambda d: d["entities"][0].update(names=[]), id="empty-names"),
        pytest.param(lambda d: d["entities"][0].update(names=[""]), id="empty-name-string"),
        pytest.param(lambda d: d["entities"][0].update(names=[" فرنسا"]), id="name-with-padding"),
        pytest.param(lambda d: d["entities"][0].update(names=["فرنسا", "فرنسا"]), id="duplicate-name"),
        pytest.param(lambda d: d["entities"][0].update(id="FRA"), id="country-id-not-iso2"),
        pytest.param(lambda d: d["entities"][0].update(id=False), id="yaml-NO-read-as-false"),
        pytest.param(lambda d: d["entities"][0].update(demonyms=["الفرنسي"]), id="demonym-with-article"),
        pytest.param(lambda d: d["entities"][1].pop("country"), id="city-without-country"),
        pytest.param(lambda d: d["entities"][1].update(id="paris"), id="city-id-without-prefix"),
        pytest.param(lambda d: d["entities"][2].update(id="isis"), id="org-id-without-prefix"),
        pytest.param(lambda d: d.update(entities=[]), id="no-entities"),
        pytest.param(lambda d: d["list_nouns"].update(person=["أشخاص"]), id="list-noun-type"),
        pytest.param(lambda d: d["list_nouns"].update(city=[]), id="empty-list-nouns"),
    ],
)
def test_invalid_entities_rejected(mutate: Any) -> None:
    assert _errors("entities", _bad_entities(mutate))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("titles", {"titles": ["وزير"]}),
        ("titles", {"titles": [], "qualifiers": ["الدفاع"]}),
        ("titles", {"titles": ["وزير"], "qualifiers": ["وزارة الدفاع"]}),
        ("titles", {"titles": ["وزير الدولة لشؤون الخارجية"], "qualifiers": ["الدفاع"]}),
        ("titles", {"titles": ["وزير"], "qualifiers": ["الدفاع"], "extra": []}),
        ("stopwords", {"stopwords": []}),
        ("stopwords", {"stopwords": ["في", ""]}),
        ("stopwords", {"stopwords": ["إلى جانب"]}),
        ("stopwords", {"words": ["في"]}),
        ("nouns", {"plurals": {"دول": "دولة"}}),
        ("nouns", {"plurals": {}, "units": [{"name": "ساعة", "dimension": "time"}]}),
        ("nouns", {"plurals": {"دول": ""}, "units": [{"name": "ساعة", "dimension": "time"}]}),
        ("nouns", {"plurals": {"رجال أمن": "رجل"}, "units": [{"name": "ساعة", "dimension": "time"}]}),
        ("nouns", {"plurals": {"دول": "دولة"}, "units": [{"name": "ساعة", "dimension": "speed"}]}),
        ("nouns", {"plurals": {"دول": "دولة"}, "units": [{"name": "ساعة"}]}),
        ("nouns", {"plurals": {"دول": "دولة"}, "units": [{"name": "ساعة", "dimension": "time", "x": 1}]}),
        ("currencies", {"currencies": []}),
        ("currencies", {"currencies": [{"code": "usd", "names": ["دولار"]}]}),
        ("currencies", {"currencies": [{"code": "USD", "names": []}]}),
        ("currencies", {"currencies": [{"names": ["دولار"]}]}),
        ("currencies", {"currencies": [{"code": "USD", "names": ["دولار"], "symbol": "$"}]}),
    ],
)
def test_invalid_examples_rejected(name: str, data: Any) -> None:
    assert _errors(name, data)


def test_validate_raises_config_error_with_path() -> None:
    bad = _bad_entities(lambda d: d["entities"][1].update(type="state"))
    with pytest.raises(ConfigError, match=r"\$\['entities'\]\[1\]"):
        lexicons.validate(bad, "lexicons/entities", "entities.yaml")


# --- content checks -------------------------------------------------------------------------


def test_entity_ids_unique() -> None:
    ids = [e["id"] for e in lexicons.load("entities")["entities"]]
    assert len(ids) == len(set(ids))


def test_country_ids_known_to_babel(ar_territories: dict[str, str]) -> None:
    ents = lexicons.load("entities")["entities"]
    countries = {e["id"] for e in ents if e["type"] == "country"}
    unknown = sorted(c for c in countries if c not in ar_territories)
    assert not unknown
    refs = sorted({e["country"] for e in ents if "country" in e} - countries)
    assert not refs, f"country codes used by cities/regions but not listed as countries: {refs}"


def test_demonyms_have_no_article() -> None:
    for e in lexicons.load("entities")["entities"]:
        for d in e.get("demonyms", []):
            # raw text: ألماني folds to الماني but its alef carries a hamza, so it is no article
            assert not d.startswith("ال"), (e["id"], d)


def test_no_name_shared_by_two_entities(ar_territories: dict[str, str]) -> None:
    """Folded names, CLDR names merged as the code does; only two cities may share a name."""
    ents = lexicons.load("entities")["entities"]
    types = {e["id"]: e["type"] for e in ents}
    owners: dict[str, set[str]] = defaultdict(set)
    for e in ents:
        names = list(e["names"])
        if e["type"] == "country" and e["id"] in ar_territories:
            names.append(ar_territories[e["id"]])
        for n in names:
            owners[match_key(n)].add(e["id"])
    clashes = {
        key: sorted(ids) for key, ids in owners.items() if len(ids) > 1 and not all(types[i] == "city" for i in ids)
    }
    assert not clashes


def test_demonym_forms_unambiguous() -> None:
    """A demonym (and its derived forms) names one country and is not another entity's name."""
    ents = lexicons.load("entities")["entities"]
    names = {match_key(n): e["id"] for e in ents for n in e["names"]}
    owner: dict[str, str] = {}
    for e in ents:
        for d in e.get("demonyms", []):
            base = match_key(d)
            for form in (base, base + "ه", base + "ون", base + "ين"):
                for f in (form, "ال" + form):
                    assert owner.setdefault(f, e["id"]) == e["id"], (f, owner[f], e["id"])
                    assert names.get(f, e["id"]) == e["id"], (f, names[f], e["id"])


def test_list_nouns_not_entity_names() -> None:
    data = lexicons.load("entities")
    names = {match_key(n) for e in data["entities"] for n in e["names"]}
    for nouns in data["list_nouns"].values():
        for n in nouns:
            assert match_key(n) not in names and "ال" + match_key(n) not in names, n


def test_titles_and_qualifiers() -> None:
    data = lexicons.load("titles")
    for key in ("titles", "qualifiers"):
        folded = [match_key(w) for w in data[key]]
        assert len(folded) == len(set(folded)), key
    assert "وزير" in data["titles"] and "الدفاع" in data["qualifiers"]


def test_stopwords_folded_unique_enough() -> None:
    words = lexicons.load("stopwords")["stopwords"]
    assert {"في", "قال", "وقال", "أكد"} <= set(words)
    assert len(words) == len(set(words))


def test_plurals() -> None:
    plurals = lexicons.load("nouns")["plurals"]
    folded = [match_key(k) for k in plurals]
    assert len(folded) == len(set(folded))
    assert plurals["دول"] == "دولة" and plurals["سنوات"] == "سنة" and plurals["أعوام"] == "عام"
    # no chains: a singular is never itself a listed plural
    assert not [k for k, v in plurals.items() if match_key(v) in set(folded)]


def test_units_forms_unique() -> None:
    seen: dict[str, str] = {}
    for u in lexicons.load("nouns")["units"]:
        for f in [u["name"], *u.get("forms", [])]:
            assert seen.setdefault(match_key(f), u["name"]) == u["name"], f


def test_currencies() -> None:
    rows = lexicons.load("currencies")["currencies"]
    iso = set(Locale.parse("en").currencies)
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert not sorted(set(codes) - iso)
    owner: dict[str, str] = {}
    for r in rows:
        for n in r["names"]:
            assert owner.setdefault(match_key(n), r["code"]) == r["code"], n
    assert owner[match_key("دولار أمريكي")] == "USD" and owner[match_key("ريال سعودي")] == "SAR"
