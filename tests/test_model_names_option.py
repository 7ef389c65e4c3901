"""The trained name model's setting (names-model): by default (crf) it judges the names the rules
propose; crf-untitled also adds untitled people; none leaves names to the rules alone."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.api import extract_facts, make_article
from checker.extract import model_names
from checker.names import load

TEXT = "وقال تيدروس أدهانوم غيبريسوس إن المنظمة تتابع الوضع في المنطقة."
RUN_ON = "اللاعب نايف هزازي غادر إلى ألمانيا"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def setting():
    yield model_names.configure
    model_names.configure(None)


def _people(fallback, text: str) -> list[tuple[str, str]]:
    facts = extract_facts(make_article("a", text, published=dt.date(2015, 8, 2)), fallback)
    return [(f.text, f.extractor) for f in facts if f.type == "person"]


@pytest.mark.skipif(load() is None, reason="the name model or python-crfsuite is missing")
def test_untitled_people_only_when_asked(fallback, setting) -> None:
    assert model_names.ENABLED is False and model_names.JUDGE is True  # the default: crf
    assert not [p for p, how in _people(fallback, TEXT) if how == "model.names"]
    setting("crf-untitled")
    found = [p for p, how in _people(fallback, TEXT) if how == "model.names"]
    assert found and all(len(p.split()) >= 2 for p in found) and all(p in TEXT for p in found)


@pytest.mark.skipif(load() is None, reason="the name model or python-crfsuite is missing")
def test_none_leaves_names_to_the_rules(fallback, setting) -> None:
    assert [p for p, _ in _people(fallback, RUN_ON)] == ["نايف هزازي"]
    setting("none")
    assert [p for p, _ in _people(fallback, RUN_ON)] == ["نايف هزازي غادر"]  # the rules alone run on
    with pytest.raises(ValueError, match="names-model"):
        setting("spacy")


@pytest.mark.skipif(load() is None, reason="the name model or python-crfsuite is missing")
@pytest.mark.parametrize(("setting", "loaded"), [("none", "False"), ("crf", "True")])
def test_the_setting_reaches_the_feed(tmp_path: Path, setting: str, loaded: str) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": f"a{i}", "source": s, "published": "2015-08-02", "title": "هزازي", "text": RUN_ON + " منذ أسبوع."}
        for i, s in enumerate(("one", "two"))
    ]
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    args = [str(feed), "--model", "none", "--no-store", "--jobs", "1", "--names-model", setting]
    args += ["-o", str(tmp_path / "out.txt")]
    code = (
        "import sys\n"
        "from checker.cli import main\n"
        f"sys.argv = ['checker', 'feed', *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pycrfsuite' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[-1] == loaded
