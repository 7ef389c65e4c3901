"""Byte-identical reports whatever the hash seed: sets and dicts must never decide an order or a
float sum (a tie broken differently changed findings on real stories)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = (
    Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
    / "data/dev/saudinewsnet/stories_gold_2015-08-02.jsonl"
)


def story_files(tmp_path: Path) -> list[list[str]]:
    sets = [[str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]]
    if GOLD.is_file():
        stories = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
        for k, story in enumerate(stories[10:16]):
            paths = []
            for i, a in enumerate(story["articles"]):
                p = tmp_path / f"s{k}_{i}.json"
                text = f"{a['title']}\n\n{a['content']}"
                p.write_text(
                    json.dumps({"id": f"a{i}", "text": text, "published": a["date_extracted"][:10]}), encoding="utf-8"
                )
                paths.append(str(p))
            sets.append(paths)
    return sets


@pytest.mark.parametrize("model", ["none"])
def test_reports_do_not_depend_on_the_hash_seed(tmp_path: Path, model: str) -> None:
    code = (
        "import sys, json\n"
        "from checker.api import compare, render\n"
        "out = [render(compare(paths, model=sys.argv[1]), 'json') for paths in json.loads(sys.argv[2])]\n"
        "sys.stdout.write(''.join(out))\n"
    )
    sets = json.dumps(story_files(tmp_path))
    outs = set()
    for seed in ("0", "1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        r = subprocess.run(
            [sys.executable, "-c", code, model, sets], capture_output=True, text=True, env=env, timeout=600
        )
        assert r.returncode == 0, r.stderr[-2000:]
        outs.add(r.stdout)
    assert len(outs) == 1
