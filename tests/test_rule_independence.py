"""Each rule carries its own parameters: loading an extra rule file never changes what a shipped
rule reports, unless the file overrides that rule's code on purpose."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from checker.api import compare
from checker.engine import load_rules
from checker.model import Article, Report
from checker.read import read_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [read_article(str(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
GOLD = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared")) / "data/dev/saudinewsnet"
GOLD_FILE = GOLD / "stories_gold_2015-08-02.jsonl"

DOC = {"what": "A user's rule.", "why": "To test independence."}
EXTRA_RULES = {
    # the defect this guards: a new count rule with other thresholds once took CT101's place
    "CT150": {
        "kind": "contradiction",
        "check": "compare",
        "facts": ["count"],
        "params": {"min_agree": 0.5, "min_conflict": 0.5},
    },
    "AG150": {
        "kind": "agreement",
        "check": "compare",
        "facts": ["count", "number"],
        "params": {"min_agree": 0.9, "min_conflict": 0.9, "rel_tolerance": 0.5},
    },
    "CT151": {
        "kind": "contradiction",
        "check": "compare",
        "facts": ["date"],
        "params": {"min_agree": 0.0, "min_conflict": 0.05},
    },
    "CT152": {
        "kind": "contradiction",
        "check": "compare",
        "facts": ["location"],
        "params": {"min_agree": 0.0, "min_conflict": 0.1},
    },
    "GP150": {
        "kind": "gap",
        "check": "coverage",
        "facts": ["count"],
        "params": {"min_agree": 0.9, "min_conflict": 0.9},
    },
    "VR150": {
        "kind": "variant",
        "check": "variant",
        "facts": ["person", "term"],
        "params": {"min_ratio": 50, "typo_length": 4},
    },
    "CT250": {"kind": "contradiction", "check": "set", "facts": ["list"], "params": {"min_overlap": 0.1}},
}


def rule_file(folder: Path, code: str, body: dict) -> Path:
    rule = {
        "code": code,
        "name": f"user-{code.lower()}",
        "severity": "warning",
        "message": "{fact}",
        "message_ar": "{fact}",
        "doc": DOC,
    }
    path = folder / f"{code}.yaml"
    path.write_text(yaml.safe_dump({**rule, **body}, allow_unicode=True), encoding="utf-8")
    return path


def shipped_findings(report: Report, codes: set[str]) -> list[tuple]:
    return [
        (f.rule, f.message, tuple((e.article, e.start, e.end) for e in f.evidence))
        for f in report.findings
        if f.rule in codes
    ]


def story_sets() -> list[list[Article]]:
    """The seed pair, an edited pair with a contradiction of each family, and a few real stories."""
    a, b = SEEDS
    edited = b.text.replace("ثلاثة أهداف", "أربعة أهداف").replace("اجتماع في بروكسل", "اجتماع في روما")
    edited = edited.replace("وإيطاليا وهولندا، اجتمعوا", "وإيطاليا واليابان، اجتمعوا")
    sets = [[a, b], [a, Article(b.id, edited, b.path)]]
    if GOLD_FILE.is_file():
        stories = [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
        for story in [s for s in stories if s["same_event"]][:4]:
            sets.append([Article(x["article_id"], f"{x['title']}\n\n{x['content']}") for x in story["articles"]])
    return sets


@pytest.fixture(scope="module")
def sets() -> list[list[Article]]:
    return story_sets()


@pytest.fixture(scope="module")
def baselines(fallback, sets) -> list[Report]:
    return [compare(articles, analyzer=fallback) for articles in sets]


@pytest.mark.parametrize("code", sorted(EXTRA_RULES))
def test_extra_rule_leaves_shipped_rules_alone(tmp_path: Path, fallback, sets, baselines, code: str) -> None:
    shipped = load_rules()
    codes = {r.code for r in shipped}
    extra = load_rules([str(rule_file(tmp_path, code, EXTRA_RULES[code]))])
    assert {r.code for r in extra} == codes | {code}
    for articles, base in zip(sets, baselines, strict=True):
        more = compare(articles, analyzer=fallback, rules=extra)
        assert shipped_findings(more, codes) == shipped_findings(base, codes), [a.id for a in articles]


def test_the_edited_pair_has_what_the_guard_needs(fallback, sets) -> None:
    """The comparison above means something only if the shipped rules fire on the edited pair."""
    r = compare(sets[1], analyzer=fallback)
    assert {"CT101", "CT103", "CT201"} <= {f.rule for f in r.findings}


def test_new_rule_reports_with_its_own_thresholds(tmp_path: Path, fallback, sets) -> None:
    loose = rule_file(tmp_path, "CT150", {**EXTRA_RULES["CT150"], "params": {"min_agree": 0.1, "min_conflict": 0.25}})
    r = compare(sets[1], analyzer=fallback, rules=load_rules([str(loose)]))
    assert {tuple(sorted(e.value for e in f.evidence[:2])) for f in r.findings if f.rule == "CT150"} == {
        tuple(sorted(e.value for e in f.evidence[:2])) for f in r.findings if f.rule == "CT101" and f.fact == "count"
    }


def test_override_of_a_shipped_code_is_on_purpose(tmp_path: Path, fallback, sets) -> None:
    body = {**EXTRA_RULES["CT150"], "enabled": False}
    off = load_rules([str(rule_file(tmp_path, "CT101", body))])
    r = compare(sets[1], analyzer=fallback, rules=off)
    base = compare(sets[1], analyzer=fallback)
    assert "CT101" not in {f.rule for f in r.findings}
    others = {r_.code for r_ in off} - {"CT101"}
    assert shipped_findings(r, others) == shipped_findings(base, others)
