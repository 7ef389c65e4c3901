"""Named things: places, organisations, nationalities, places as the scene of an event, people
and rare name-like terms."""

from __future__ import annotations

from checker.facts.base import FactType, Tolerance
from checker.model import Fact

STRING = {"type": "string", "minLength": 1}
ENTITY_ATTRS = frozenset({"entity_type", "country", "contracted", "headline", "doubtful"})


def compare_places(a: Fact, b: Fact, _tol: Tolerance) -> bool | None:
    """Same place, or a city inside the other's country: True; two places of one kind: False;
    a city against another country's region or the like: None (cannot tell)."""
    if a.value == b.value:
        return True
    if a.attr("country") == b.value or b.attr("country") == a.value:
        return True
    if a.attr("entity_type") == b.attr("entity_type"):
        return False
    return None


TYPES = (
    FactType(
        "place", str, STRING, "A place from the lexicon, by its id (an ISO code for a country).", attrs=ENTITY_ATTRS
    ),
    FactType("org", str, STRING, "An organisation or group from the lexicon, by its id.", attrs=ENTITY_ATTRS),
    FactType("nationality", str, STRING, "A demonym, by its country's id: الأميركي.", attrs=ENTITY_ATTRS),
    FactType(
        "location",
        str,
        STRING,
        "A place as the scene of something, keyed by the preposition before it: في باريس.",
        compare_places,
        ENTITY_ATTRS | {"left", "right"},
    ),
    FactType(
        "person",
        str,
        STRING,
        "A person, keyed by surname; the value is the folded full name.",
        attrs=frozenset({"role", "doubtful", "honorific"}),
    ),
    FactType("term", str, STRING, "A rare word that looks like a name, for spelling variants."),
    FactType(
        "alias",
        str,
        STRING,
        "Another name of a place, organisation or office (the alias lexicon, a gloss in brackets or quotes, "
        "a headline's short name), keyed like the entity's own facts.",
        attrs=frozenset({"gloss", "headline", "headline_only"}),
    ),
)
