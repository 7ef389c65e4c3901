"""Building findings: evidence from facts, value lists and the rule's message."""

from __future__ import annotations

from typing import Any

from checker import i18n
from checker.engine.align import Group
from checker.engine.rules import Rule
from checker.model import Evidence, Fact, Finding


def ev(f: Fact, value: str | None = None) -> Evidence:
    """The evidence of one fact (its display value unless *value* is given)."""
    return Evidence(f.article, f.start, f.end, f.text, f.display if value is None else value)


def noun(f: Fact) -> str:
    """ " of دول" for a count, "" when the fact has no counted noun."""
    word = f.attr("noun") or (f.key if f.type == "count" else "")
    return f" of {word}" if word else ""


def values(g: Group) -> str:
    """``a: 7 | b: 9``: each article's value in a group."""
    return " | ".join(f"{c.article}: {c.first.display}" for c in g.clusters)


def others(articles: list[str], article: str) -> str:
    """The other articles of the comparison, for a gap's message."""
    return ", ".join(a for a in articles if a != article)


def finding(rule: Rule, evidence: list[Evidence], fact: str, **fields: Any) -> Finding:
    """A finding of *rule* with its messages filled in from *fields* (a field ``NAME_ar`` gives
    the Arabic message its own value of ``NAME``)."""
    fields.setdefault("fact", fact)
    english = {k: v for k, v in fields.items() if not k.endswith("_ar")}
    message_ar = rule.format_ar(**arabic_fields(fields)) if rule.message_ar else ""
    return Finding.make(rule.kind, rule.code, rule.severity, fact, rule.format(**english), evidence, message_ar)


#: fixed English phrases that fact displays put inside message values (translated for Arabic)
VALUE_PHRASES = ("order_differs", "by_day_word")


def arabic_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The message fields for the Arabic template: fact and variant-class names in Arabic, the
    counted noun in parentheses, fixed English phrases replaced."""
    out = {k: v for k, v in fields.items() if not k.endswith("_ar")}
    out["fact"] = i18n.fact_name("ar", str(fields.get("fact", "")))
    if "how" in out:
        out["how"] = i18n.variant_class("ar", str(out["how"]))
    if str(out.get("noun", "")).startswith(" of "):
        out["noun"] = f" ({out['noun'][4:]})"
    for phrase in VALUE_PHRASES:
        english, arabic = i18n.phrase("en", phrase), i18n.phrase("ar", phrase)
        for key in ("values", "members"):
            if isinstance(out.get(key), str):
                out[key] = out[key].replace(english, arabic)
    out.update({k[:-3]: v for k, v in fields.items() if k.endswith("_ar")})
    return out
