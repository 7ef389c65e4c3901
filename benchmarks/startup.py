"""Start-up cost of one two-article ``checker compare`` without a model (issue 8, item 6).

    python -m benchmarks.startup [--runs 9]
    python -m benchmarks.startup --callgrind [--reference CHECKOUT]   # instructions, needs valgrind
    python -m benchmarks.startup --paired CHECKOUT [--runs 15]       # CPU, alternating with CHECKOUT

Runs ``python -m checker compare`` on the two seed articles in fresh processes (CPU seconds of
each child, the median over ``--runs``), then times the same compare inside one warm process (the
work itself, the median of as many runs). Set-up is the difference: interpreter start, imports,
reading the compiled caches, first use of every table. Each figure is given with byte-code caching
on (the normal case: ``pip install`` compiles the package) and with ``PYTHONDONTWRITEBYTECODE=1``
and no ``__pycache__`` (every module compiled from source at each start). The bare interpreter
(``python -c pass``) is given for scale: it is part of the set-up and beyond the project's reach.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


def child_cpu(cmd: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(cmd: list[str], env: dict[str, str], runs: int) -> float:
    child_cpu(cmd, env)  # warm-up: caches written, pages in memory
    return statistics.median(child_cpu(cmd, env) for _ in range(runs))


def warm_work(runs: int) -> float:
    from checker.api import compare, make_article, render

    arts = [make_article(Path(p).stem, Path(p).read_text(encoding="utf-8")) for p in SEEDS]
    render(compare(arts, model="none"), "json")
    times = []
    for _ in range(runs):
        t = time.process_time()
        render(compare(arts, model="none"), "json")
        times.append(time.process_time() - t)
    return statistics.median(times)


def clear_bytecode() -> None:
    for d in (ROOT / "checker").rglob("__pycache__"):
        shutil.rmtree(d, ignore_errors=True)


SCRIPT = """
import sys
from pathlib import Path
from checker.api import compare, make_article, render
arts = [make_article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path("seeds").glob("*.txt"))]
for _ in range(int(sys.argv[1])):
    render(compare(arts, model="none"), "json")
"""


def instructions(root: Path, compares: int) -> int:
    """Instructions (valgrind's callgrind, deterministic) of a process that imports the checkout at
    *root* and runs *compares* two-article compares."""
    import re
    import tempfile

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(root)}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "run.py"
        script.write_text(SCRIPT, encoding="utf-8")
        cmd = [sys.executable, str(script), str(compares)]
        subprocess.run(cmd, cwd=root, env=env, check=True, capture_output=True)  # caches written
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", *cmd],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))  # type: ignore[union-attr]


def callgrind(reference: Path | None) -> dict[str, float]:
    """Set-up in instructions (one compare's process minus the second compare's work), and against
    a reference checkout (e.g. checker 1.0) when given: a ratio no machine noise moves."""
    out: dict[str, float] = {}
    for name, root in (("this", ROOT), ("reference", reference)):
        if root is None:
            continue
        one, two = instructions(root, 1), instructions(root, 2)
        out[f"{name}_process_ginstr"] = one / 1e9
        out[f"{name}_setup_ginstr"] = (2 * one - two) / 1e9
    if reference is not None:
        out["setup_ratio_to_reference"] = out["this_setup_ginstr"] / out["reference_setup_ginstr"]
    return out


WORK_SCRIPT = """
import statistics, sys, time
from pathlib import Path
from checker.api import compare, make_article
from checker.report import render
texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path("seeds").glob("*.txt"))]
def once(n):
    arts = [make_article(i, t + "\\n\\nملاحظة رقم %d." % n) for i, t in texts]  # no per-text cache helps
    try:
        report = compare(arts, model="none")
    except TypeError:
        report = compare(arts, analyzer=None)  # an older API
    render(report, "text")
once(0)
times = []
for n in range(1, int(sys.argv[1]) + 1):
    t = time.process_time()
    once(n)
    times.append(time.process_time() - t)
print(statistics.median(times))
"""


def paired(reference: Path, runs: int) -> dict[str, float]:
    """Set-up timed against a reference checkout (checker 1.0), the two processes alternating so
    that the machine's drift moves both: process CPU (median) minus the work of one compare in a
    warm process (new text each time, so no per-text cache helps), for each, and their ratio. No
    output file is given (checker 1.0 replaced ``-o /dev/null``)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cmds = {root: [sys.executable, "-m", "checker", "compare", "--model", "none", *SEEDS] for root in (ROOT, reference)}
    times: dict[Path, list[float]] = {ROOT: [], reference: []}

    def cpu(root: Path) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmds[root], cwd=root, env=env, check=False, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    for root in times:
        cpu(root)  # caches written, pages in memory
    for _ in range(runs):
        for root in times:
            times[root].append(cpu(root))
    work: dict[Path, list[float]] = {ROOT: [], reference: []}
    for _ in range(5):  # the warm-process work alternates too
        for root in work:
            done = subprocess.run(
                [sys.executable, "-c", WORK_SCRIPT, "5"], cwd=root, env=env, check=True, capture_output=True, text=True
            )
            work[root].append(float(done.stdout.split()[-1]))
    out: dict[str, float] = {}
    for name, root in (("this", ROOT), ("reference", reference)):
        out[f"{name}_process"] = statistics.median(times[root])
        out[f"{name}_work"] = statistics.median(work[root])
        out[f"{name}_setup"] = out[f"{name}_process"] - out[f"{name}_work"]
    out["setup_ratio"] = out["this_setup"] / out["reference_setup"]
    out["setup_at_issue_reference_1.45s"] = 1.45 * out["setup_ratio"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--json", dest="json_out", type=Path)
    ap.add_argument("--callgrind", action="store_true", help="count instructions with valgrind instead of timing")
    ap.add_argument("--reference", type=Path, help="with --callgrind: another checkout to compare with")
    ap.add_argument("--paired", type=Path, metavar="CHECKOUT", help="time set-up against another checkout, alternating")
    args = ap.parse_args(argv)
    if args.paired:
        for k, v in paired(args.paired, args.runs).items():
            print(f"| {k.replace('_', ' ')} | {v:.3f} |")
        return 0
    if args.callgrind:
        figures = callgrind(args.reference)
        for k, v in figures.items():
            print(f"| {k.replace('_', ' ')} | {v:.3f} |")
        return 0
    cli = [sys.executable, "-m", "checker", "compare", *SEEDS, "--model", "none", "-f", "json", "-o", os.devnull]
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    source = {**cached, "PYTHONDONTWRITEBYTECODE": "1"}
    work = warm_work(args.runs)
    out: dict[str, float] = {"work_in_warm_process": work}
    out["bare_interpreter"] = median_cpu([sys.executable, "-c", "pass"], cached, args.runs)
    out["compare_bytecode_cached"] = median_cpu(cli, cached, args.runs)
    clear_bytecode()
    out["compare_compiled_from_source"] = median_cpu(cli, source, args.runs)
    out["setup_bytecode_cached"] = out["compare_bytecode_cached"] - work
    out["setup_compiled_from_source"] = out["compare_compiled_from_source"] - work
    print("| figure | CPU s (median) |")
    print("|---|---|")
    for k, v in out.items():
        print(f"| {k.replace('_', ' ')} | {v:.3f} |")
    if args.json_out:
        args.json_out.write_text(json.dumps({k: round(v, 4) for k, v in out.items()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
