"""The house vocabulary from the configuration: spellings the house accepts (a variant that
includes one says which is the house's) and spellings it forbids (lint LN107, with the house's
spelling as the fix)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from checker.model import Article, Fact, Finding
from checker.text.chars import LETTERS, strip_marks

#: a forbidden spelling may carry a proclitic (و، ف، ب، ل، ك) and the article
_PREFIX = "(?:[وفبلك]?(?:ال)?)"


@dataclass(frozen=True)
class House:
    accepted: tuple[str, ...] = ()
    forbidden: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def of(table: dict[str, object]) -> House:
        accepted = tuple(str(x) for x in table.get("accepted", []) or [])  # type: ignore[attr-defined]
        forbidden = {str(k): str(v) for k, v in (table.get("forbidden", {}) or {}).items()}  # type: ignore[attr-defined]
        return House(accepted, forbidden)

    def __bool__(self) -> bool:
        return bool(self.accepted or self.forbidden)


def forbidden_facts(articles: list[Article], house: House) -> list[Fact]:
    """Lint observations for each forbidden spelling in the articles (whole words)."""
    out: list[Fact] = []
    for wrong, right in sorted(house.forbidden.items()):
        pattern = re.compile(rf"(?<![{LETTERS}]){_PREFIX}{re.escape(wrong)}(?![{LETTERS}])")
        for a in articles:
            for m in pattern.finditer(a.text):
                start = m.end() - len(wrong)
                out.append(Fact(a.id, "lint", "house_forbidden", right, right, start, m.end(), wrong, 0, "house"))
    return out


def mark_accepted(findings: list[Finding], house: House) -> list[Finding]:
    """Variants that include a house spelling say which one it is (the finding keeps its id)."""
    accepted = {strip_marks(x): x for x in house.accepted}
    out = []
    for f in findings:
        hit = next((accepted[k] for e in f.evidence if (k := strip_marks(e.text)) in accepted), None)
        if f.kind == "variant" and hit:
            f = dataclasses.replace(
                f,
                message=f"{f.message} (house spelling: {hit})",
                message_ar=f"{f.message_ar} (الرسم المعتمد: {hit})" if f.message_ar else "",
            )
        out.append(f)
    return out
