"""The report languages: fixed strings (``strings.yaml``) in English and Arabic.

``text(lang, key)`` gives a label, ``kind_word``/``heading`` the words for a finding kind,
``fact_name`` a fact type's name, ``phrase`` a fixed phrase with its placeholders filled. A key
missing in a language falls back to English. The language of a run comes from ``--lang``, else
from the locale (:func:`default_lang`).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

LANGS = ("en", "ar")
_FILE = Path(__file__).resolve().parent / "strings.yaml"


@cache
def strings() -> dict[str, Any]:
    from checker.lexicons import cached, load_yaml

    data: dict[str, Any] = cached("strings", [_FILE], lambda: load_yaml(_FILE))
    return data


def _table(section: str | None, lang: str) -> dict[str, Any]:
    data = strings()
    if section is None:
        return {**data["en"], **data.get(lang, {})}
    block = data[section]
    return {**block["en"], **block.get(lang, {})} if isinstance(block["en"], dict) else block.get(lang, block["en"])


def text(lang: str, key: str, **fields: Any) -> str:
    """A label of the report in *lang*, with its placeholders filled."""
    value: str = _table(None, lang)[key]
    return value.format(**fields) if fields else value


def kind_word(lang: str, kind: str, n: int) -> str:
    """The word for *n* findings of *kind* (singular for 1)."""
    forms = _table("kinds", lang)[kind]
    return str(forms[0] if n == 1 else forms[1])


def heading(lang: str, kind: str) -> str:
    return str(_table("kinds", lang)[kind][2])


def severity(lang: str, name: str) -> str:
    return str(_table("severities", lang)[name])


def fact_name(lang: str, fact: str) -> str:
    return str(_table("facts", lang).get(fact, fact))


def variant_class(lang: str, how: str) -> str:
    return str(_table("variant_classes", lang).get(how, how))


def phrase(lang: str, key: str, **fields: Any) -> str:
    return str(_table("phrases", lang)[key]).format(**fields)


def source(lang: str, name: str) -> str:
    """Where a publication date came from, in *lang*."""
    return str(_table("sources", lang).get(name, name))


def note(lang: str, text: str) -> str:
    """A report note in *lang*: the notes are kept in English (JSON) and matched here by template."""
    import re

    if lang == "en":
        return text
    english, local = _table("notes", "en"), _table("notes", lang)
    for key, template in english.items():
        pattern = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(template)) + "$"
        m = re.match(pattern, text)
        if m and key in local:
            return str(local[key]).format(**m.groupdict())
    return text


def weekday(lang: str, index: int) -> str:
    """Weekday *index* (0 = Monday) in *lang*."""
    days = strings()["weekdays"]
    return str(days.get(lang, days["en"])[index])


def default_lang(environ: dict[str, str] | None = None) -> str:
    """``ar`` when the locale asks for Arabic (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else ``en``.

    >>> default_lang({"LANG": "ar_SA.UTF-8"}), default_lang({"LANG": "C.UTF-8"})
    ('ar', 'en')
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"
