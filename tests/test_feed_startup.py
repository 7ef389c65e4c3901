"""Start-up: libyaml's loader and the compiled lexicon cache (checker.lexicons.load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import lexicons


def test_lexicon_cache_is_written_once_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    lexicons.load.cache_clear()
    first = lexicons.load("stopwords")
    files = list(tmp_path.glob("lexicon-stopwords-*.json"))
    assert len(files) == 1
    lexicons.load.cache_clear()
    monkeypatch.setattr(lexicons, "_load_validated", lambda name: pytest.fail("validated again"))
    assert lexicons.load("stopwords") == first
    lexicons.load.cache_clear()


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    lexicons.load.cache_clear()
    good = lexicons.load("currencies")
    (cached,) = tmp_path.glob("lexicon-currencies-*.json")
    cached.write_text("{not json", encoding="utf-8")
    lexicons.load.cache_clear()
    assert lexicons.load("currencies") == good
    lexicons.load.cache_clear()


def test_cache_off_and_c_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKER_CACHE_DIR", "")
    assert lexicons.cache_dir() is None
    import yaml

    if yaml.__with_libyaml__:
        assert lexicons.yaml_loader() is yaml.CSafeLoader


def test_stale_entries_of_the_same_kind_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    old = tmp_path / "lexicon-currencies-0123.json"
    recent = tmp_path / "lexicon-currencies-4567.json"
    other = tmp_path / "lexicon-dates-89ab.json"
    for p in (old, recent, other):
        p.write_text("{}", encoding="utf-8")
    week = lexicons.STALE_SECONDS + 60
    for p in (old, other):
        os.utime(p, (p.stat().st_mtime - week, p.stat().st_mtime - week))
    lexicons.load.cache_clear()
    lexicons.load("currencies")
    lexicons.load.cache_clear()
    assert not old.exists()  # a week older than the fresh entry of its kind
    assert recent.exists() and other.exists()  # recent, or of another kind


def test_a_warm_start_imports_no_parser_validator_or_word_list(tmp_path: Path) -> None:
    """With the caches written, comparing two articles needs neither PyYAML, jsonschema, babel nor
    wordfreq: their import and data loading was most of the start-up."""
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    code = (
        "import sys\n"
        "from checker.api import compare, make_article, render\n"
        "arts = [make_article('a', 'قال وزير الدفاع في باريس أمس إن 7 دول شاركت.'),"
        " make_article('b', 'قال وزير الدفاع في باريس إن ثماني دول شاركت في الاجتماع.')]\n"
        "render(compare(arts, model='none'), 'text')\n"
        "heavy = ('yaml', 'jsonschema', 'babel', 'wordfreq')\n"
        "print(__import__('json').dumps(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    env = {**os_environ(), "CHECKER_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True) for _ in "12"
    ]
    assert all(r.returncode == 0 for r in runs), runs[-1].stderr
    assert json.loads(runs[0].stdout) != []  # the cold start parsed, validated and built
    assert json.loads(runs[1].stdout) == []


def os_environ() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_compiled_regexes_come_back_from_the_cache_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import regex

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    patterns = [r"(?<![\p{L}\p{N}])(?P<x>أمس|اليوم)\s+(?P<d>\d+)", r"(?<=بتاريخ\s*\(?\s*)(?P<y>\d{4})"]
    first = lexicons.compiled_regexes("test-regex", patterns)
    (entry,) = tmp_path.glob("test-regex-*.json")
    again = lexicons.compiled_regexes("test-regex", patterns)
    text = "قال اليوم 12 بتاريخ (2015)"
    for a, b, p in zip(first, again, patterns, strict=True):
        fresh = regex.compile(p)
        assert [m.groupdict() for m in b.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
    entry.write_text('[["broken"]]', encoding="utf-8")  # a damaged entry compiles anew
    damaged = lexicons.compiled_regexes("test-regex", patterns)
    assert [p.pattern for p in damaged] == patterns
    assert damaged[0].search(text).group("d") == "12"


def test_the_name_model_is_read_only_for_an_article_with_a_name_to_judge() -> None:
    """The name model (pycrfsuite and an 8 MB model) is loaded only when an article has a name of two
    words or more for it to end (a name running into a verb: نايف هزازي يتابع) or a titled name
    to judge; a name that starts with a known given name is a name whatever the model says."""
    import subprocess
    import sys

    from checker.extract.person_checks import known_name

    assert known_name("آشتون كارتر") and known_name("جان إيف لودريان") and known_name("فيصل")
    assert not known_name("يزور مصلحة الجمارك") and not known_name("مات")
    root = Path(__file__).resolve().parent.parent
    code = (
        "import sys\n"
        "from checker.api import compare, make_article, render\n"
        "one = 'وقال وزير الدفاع إن الاجتماع كان مثمرا في {}.'\n"
        "arts = [make_article('a', one.format('باريس')), make_article('b', one.format('لندن'))]\n"
        "render(compare(arts, model='none'), 'text')\n"
        "print('pycrfsuite' in sys.modules)\n"
        "arts = [make_article('c', 'وقال وزير الدفاع الأمريكي آشتون كارتر إن الاجتماع كان مثمرا.')]\n"
        "render(compare(arts, model='none'), 'text')\n"
        "print('pycrfsuite' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "True"]
