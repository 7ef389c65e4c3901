"""The README's Python example runs as written (doctest)."""

from __future__ import annotations

import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_examples() -> None:
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 4 and result.failed == 0


def test_api_feed_groups_and_checks(fallback) -> None:
    from checker import check_feed, make_article

    a = make_article("a", "قتل 5 أشخاص في انفجار ببغداد أمس", title="انفجار ببغداد")
    b = make_article("b", "قتل 7 أشخاص في انفجار ببغداد أمس", title="انفجار ببغداد")
    result = check_feed([a, b], model="none")
    assert [[x.id for x in s.articles] for s in result.stories] == [["a", "b"]]
    assert [f.rule for f in result.stories[0].report.findings if f.kind == "contradiction"] == ["CT101"]


def test_the_packaged_model_is_found_without_configuration(monkeypatch) -> None:
    """The README's first command runs the real model: it ships inside the package."""
    from pathlib import Path

    from checker.text.tagger import PACKAGED_MODEL, resolve_model_path

    monkeypatch.delenv("CHECKER_UDPIPE_MODEL", raising=False)
    assert Path(PACKAGED_MODEL).is_file()
    assert resolve_model_path(None) == PACKAGED_MODEL
