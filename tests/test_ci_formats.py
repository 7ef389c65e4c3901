"""CI formats: SARIF validated against the OASIS schema, JUnit XML, GitHub workflow commands and
GitLab Code Quality parsed back; every location points at the evidence in the source file."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture()
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The seed pair, the second with a changed figure and a changed place, as relative paths."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wire").mkdir()
    a = SEEDS[0].read_text(encoding="utf-8")
    b = SEEDS[1].read_text(encoding="utf-8").replace("ثلاثة أهداف", "أربعة أهداف").replace("في بروكسل", "في روما")
    (tmp_path / "wire" / "أ.txt").write_text(a, encoding="utf-8")
    (tmp_path / "wire" / "b.txt").write_text(b, encoding="utf-8")
    return ["wire/أ.txt", "wire/b.txt"]


def run(files: list[str], fmt: str, *extra: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["compare", *files, "--model", "none", "--format", fmt, *extra])
    return r.exit_code, r.output


def file_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def at_line_col(text: str, line: int, col: int) -> int:
    lines = text.splitlines(keepends=True)
    return sum(len(x) for x in lines[: line - 1]) + col - 1


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="the OASIS SARIF schema is in ../shared/schemas")
def test_sarif_is_valid_and_points_at_the_evidence(story: list[str]) -> None:
    code, out = run(story, "sarif")
    assert code == 1
    sarif = json.loads(out)
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"CT101", "CT103", "LN101"} <= {r["id"] for r in rules}
    for r in rules:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run_["results"]
    assert {"CT101", "CT103"} <= {r["ruleId"] for r in results}
    assert len({r["partialFingerprints"]["checkerFindingId/v1"] for r in results}) == len(results)
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        for loc in r["locations"] + r.get("relatedLocations", []):
            phys = loc["physicalLocation"]
            text = file_text(unquote(phys["artifactLocation"]["uri"]))
            region = phys["region"]
            snippet = text[region["charOffset"] : region["charOffset"] + region["charLength"]]
            assert snippet == region["snippet"]["text"]
            assert at_line_col(text, region["startLine"], region["startColumn"]) == region["charOffset"]
            assert at_line_col(text, region["endLine"], region["endColumn"]) == region["charOffset"] + len(snippet)
    ct = next(r for r in results if r["ruleId"] == "CT101")
    assert ct["relatedLocations"] and ct["level"] == "error"


def test_junit_has_a_case_per_article_and_failures_at_the_threshold(story: list[str]) -> None:
    code, out = run(story, "junit")
    assert code == 1
    root = ET.fromstring(out)
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == ["أ", "b"]
    failed = {c.get("name"): [f.get("type") for f in c.findall("failure")] for c in cases}
    assert "CT101" in failed["b"] and "CT101" in failed["أ"]
    assert all(t.startswith(("CT", "LN")) for ts in failed.values() for t in ts)  # errors only by default
    assert int(root.get("failures")) == 2
    _, strict = run(story, "junit", "--fail-on", "info")
    assert len(ET.fromstring(strict).findall(".//failure")) > sum(len(v) for v in failed.values())
    _, none = run(story, "junit", "--fail-on", "none")
    assert not ET.fromstring(none).findall(".//failure")


def test_github_commands(story: list[str]) -> None:
    code, out = run(story, "github")
    assert code == 1
    lines = out.splitlines()
    pattern = re.compile(
        r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=(\w+)::(.+)$"
    )
    parsed = [pattern.match(line) for line in lines]
    assert lines and all(parsed), [x for x, m in zip(lines, parsed, strict=True) if not m][:2]
    ct = [m for m in parsed if m and m.group(5) == "CT101"]
    assert ct and ct[0].group(1) == "error"
    m = ct[0]
    text = file_text(m.group(2))
    start = at_line_col(text, int(m.group(3)), int(m.group(4)))
    assert text[start:].startswith(("ثلاثة", "أربعة"))
    assert "%0A" in m.group(6)  # the other evidence, on its own line, escaped


def test_gitlab_code_quality(story: list[str]) -> None:
    _, out = run(story, "gitlab")
    issues = json.loads(out)
    assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
    for i in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
        assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert Path(i["location"]["path"]).is_file() and i["location"]["positions"]["begin"]["line"] >= 1
    assert any(i["check_name"] == "CT101" and i["severity"] == "critical" for i in issues)


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "gitlab"])
def test_ci_formats_are_deterministic_and_neutralise(tmp_path: Path, fmt: str) -> None:
    bad = "\x1b[2J\u202e<x>"
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps({"id": f"a{bad}", "text": "قتل 5 أشخاص في انفجار ببغداد.", "published": "2020-01-01"}))
    b.write_text(json.dumps({"id": "b", "text": f"قتل 7 أشخاص {bad} في انفجار ببغداد.", "published": "2020-01-01"}))
    _, one = run([str(a), str(b)], fmt)
    _, two = run([str(a), str(b)], fmt)
    assert one == two
    assert "\x1b" not in one and "\u202e" not in one
