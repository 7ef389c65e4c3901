"""The date vocabulary, folded: CLDR month and weekday names (via babel) and ``rules/lexicons/dates.yaml``.

Every word is stored under its folded spelling (:func:`checker.text.chars.fold`, whitespace
collapsed) and, when it ends in teh marbuta, also with heh. Words with the article are also
stored without its alef for the contraction after the preposition ل (للعام: ل + العام).
"""

from __future__ import annotations

import json
from typing import Any

from checker import lexicons
from checker.text.chars import fold, strip_marks
from checker.text.clitics import ARTICLE


def lookup_key(s: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(s.split())


def variants(name: str) -> list[str]:
    """Folded lookup keys of one lexicon word (final teh marbuta also as heh)."""
    k = lookup_key(fold(name))
    out = [k]
    if k.endswith("ة"):
        out.append(k[:-1] + "ه")
    return out


def _keys(names: list[str]) -> set[str]:
    return {k for n in names for k in variants(n)}


def _read_cldr(cldr: dict[str, Any]) -> dict[str, Any]:
    from babel import Locale

    months = {loc: dict(Locale.parse(loc).months["format"]["wide"]) for loc in cldr["month_locales"]}
    return {"months": months, "weekdays": dict(Locale.parse(cldr["weekday_locale"]).days["format"]["wide"])}


def _cldr_names(cldr: dict[str, Any]) -> dict[str, Any]:
    """CLDR's wide month names per locale and weekday names (babel), kept in the cache: importing
    babel and parsing its locale data costs more than the rest of the date lexicon."""
    key = json.dumps(cldr, sort_keys=True) + lexicons.package_stamp("babel")
    return lexicons.cached("cldr-dates", [], lambda: _read_cldr(cldr), key=key)


class DateLexicon:
    """Folded vocabulary with lookups; built once."""

    def __init__(self, data: dict[str, Any]) -> None:
        cldr = _cldr_names(data["cldr"])  # read once for months and weekdays
        self._months(data, cldr)
        self._weekdays(data, cldr)
        self.rel: dict[str, str] = {}
        for kind, names in data["relative"].items():
            for name in names:
                self._add(self.rel, name, kind)
        self._units(data)
        self.number: dict[str, int] = self._valued(data["number_words"], "value")
        self.ordinal: dict[str, int] = self._valued(data["ordinal_days"], "value", al=True)
        self.relday: dict[str, int] = self._valued(data["relative_days"], "offset", al=True)
        self.season: dict[str, str] = self._valued(data["seasons"], "season", al=True)
        self.boundary: dict[str, str] = {}
        for kind, names in data["boundaries"].items():
            for name in names:
                self._add(self.boundary, name, kind)
        self.decade: dict[str, int] = self._valued(data["decades"], "decade")
        self.century: dict[str, int] = {}
        for kind, names in data["century_words"].items():
            for name in names:
                self._add(self.century, name, 1900 if kind == "c20" else 2000)
        self.hijri_suffix = _keys(data["hijri_suffixes"])
        self.hamza_exact = {strip_marks(n) for n in data["hamza_sensitive"]}
        self.hamza_keys = _keys(data["hamza_sensitive"])
        # compared with words of the folded text the patterns run on
        self.clause_openers = frozenset(fold(n) for n in data["clause_openers"])
        self.complement_markers = frozenset(fold(n) for n in data["complement_markers"])
        self.data = data

    def _months(self, data: dict[str, Any], cldr: dict[str, Any]) -> None:
        self.month: dict[str, int] = {}
        for loc in data["cldr"]["month_locales"]:
            for num, name in cldr["months"][loc].items():
                self._add(self.month, name, int(num))
        for entry in data["months"]:
            for name in entry["names"]:
                self._add(self.month, name, entry["month"])
        self.ambiguous_month = _keys(data["ambiguous_months"])
        self.hmonth: dict[str, int] = {}
        for entry in data["hijri_months"]:
            for name in entry["names"]:
                self._add(self.hmonth, name, entry["month"])
        self.ambiguous_hmonth = _keys(data["ambiguous_hijri_months"])
        self.strict_hmonth = _keys(data["strict_hijri_months"])

    def _weekdays(self, data: dict[str, Any], cldr: dict[str, Any]) -> None:
        self.weekday: dict[str, int] = {}
        self.bare_weekday: set[str] = set()
        for num, name in cldr["weekdays"].items():
            self._add(self.weekday, name, int(num))
            f = fold(name)
            if f.startswith(ARTICLE):
                self._add(self.weekday, f[2:], int(num))
                self.bare_weekday.add(f[2:])
                self.weekday["ل" + f[2:]] = int(num)  # "للأربعاء" after the clitic ل

    def _units(self, data: dict[str, Any]) -> None:
        self.units_def: dict[str, str] = {}
        for unit, names in data["definite_units"].items():
            for name in names:
                self._add_al(self.units_def, name, unit)
        self.unit: dict[str, tuple[str, int | None]] = {}  # word -> (unit, count or None for plural)
        for unit, forms in data["units"].items():
            for name in forms["singular"]:
                self._add(self.unit, name, (unit, 1))
            for name in forms["dual"]:
                self._add(self.unit, name, (unit, 2))
            for name in forms["plural"]:
                self._add(self.unit, name, (unit, None))

    def _valued(self, entries: list[dict[str, Any]], field: str, *, al: bool = False) -> dict[str, Any]:
        """``{name: entry[field]}`` over the entries' names (with the ل contraction when *al*)."""
        table: dict[str, Any] = {}
        for entry in entries:
            for name in entry["names"]:
                if al:
                    self._add_al(table, name, entry[field])
                else:
                    self._add(table, name, entry[field])
        return table

    @staticmethod
    def _add(table: dict[str, Any], name: str, value: Any) -> None:
        for k in variants(name):
            table.setdefault(k, value)

    def _add_al(self, table: dict[str, Any], name: str, value: Any) -> None:
        self._add(table, name, value)
        f = lookup_key(fold(name))
        if f.startswith(ARTICLE):
            self._add(table, f[1:], value)  # "لعام" in "للعام"

    @staticmethod
    def get(table: dict[str, Any], s: str | None) -> Any:
        if s is None:
            return None
        return table.get(lookup_key(s))
