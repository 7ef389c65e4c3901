"""Output files: nothing at the output path is ever damaged (devices, pipes, links, modes, read-only)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.errors import OutputError
from checker.outfile import write_text

ROOT = Path(__file__).resolve().parent.parent
A = "قتل 5 أشخاص في انفجار ببغداد أمس."
B = "قتل 7 أشخاص في انفجار ببغداد أمس."


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "checker" in p.name)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child process (devices and signals behave as they do for a user)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_dev_null_stays_a_device(pair) -> None:
    before = os.stat("/dev/null")
    r = cli("compare", *pair, "--model", "none", "-o", "/dev/null", "--write-baseline", "/dev/null")
    assert r.returncode == 0, r.stderr  # the baseline run accepts what it found
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_rdev, after.st_mode) == (before.st_rdev, before.st_mode)
    write_text("x", "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_stdout_prints(pair) -> None:
    r = cli("compare", *pair, "--model", "none", "--format", "json", "-o", "/dev/stdout", "--fail-on", "none")
    assert r.returncode == 0, r.stderr
    assert r.stdout.lstrip().startswith("{") and '"findings"' in r.stdout


def test_fifo_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_text("تقرير\n", str(fifo))
    reader.join(10)
    assert got == ["تقرير\n".encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_symlink_followed_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_text("new", str(link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "made.txt")
    write_text("made", str(dangling))
    assert dangling.is_symlink() and (tmp_path / "made.txt").read_text(encoding="utf-8") == "made"


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o664])
def test_existing_mode_kept(tmp_path: Path, mode: int) -> None:
    out = tmp_path / "r.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(mode)
    write_text("new", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == mode and out.read_text(encoding="utf-8") == "new"


def test_new_file_gets_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text("x", str(tmp_path / "new.txt"))
        os.umask(0o077)
        write_text("x", str(tmp_path / "private.txt"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_read_only_file_refused(tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    out.write_text("keep", encoding="utf-8")
    out.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        write_text("new", str(out))
    assert out.read_text(encoding="utf-8") == "keep" and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_read_only_folder_refused(tmp_path: Path, pair) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="read-only"):
            write_text("new", str(folder / "r.txt"))
        r = CliRunner().invoke(main, ["compare", *pair, "--model", "none", "-o", str(folder / "r.txt")])
        assert r.exit_code == 2 and "[E400]" in r.output and "Traceback" not in r.output
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_folder_and_empty_path_refused(tmp_path: Path, pair) -> None:
    with pytest.raises(OutputError, match="folder"):
        write_text("x", str(tmp_path))
    for bad in ("", "  "):
        r = CliRunner().invoke(main, ["compare", *pair, "--model", "none", "-o", bad])
        assert r.exit_code == 2 and "empty" in r.output and "[E400]" in r.output


def test_input_refused_through_hard_link(tmp_path: Path, pair) -> None:
    link = tmp_path / "same.txt"
    os.link(pair[0], link)
    r = CliRunner().invoke(main, ["compare", *pair, "--model", "none", "-o", str(link)])
    assert r.exit_code == 2 and "refusing" in r.output
    assert Path(pair[0]).read_text(encoding="utf-8") == A


def test_error_leaves_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "r.txt"
    out.write_text("old", encoding="utf-8")

    def full(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError, match="no space left"):
        write_text("new", str(out))
    assert out.read_text(encoding="utf-8") == "old" and leftovers(tmp_path) == []


def test_signal_removes_temporary(tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    out.write_text("old", encoding="utf-8")
    script = (
        "import os, signal\n"
        "from checker import outfile\n"
        "real = os.fsync\n"
        "def kill(fd):\n"
        "    real(fd); os.kill(os.getpid(), signal.SIGTERM)\n"
        "os.fsync = kill\n"
        f"outfile.write_text('new', {str(out)!r})\n"
    )
    r = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert r.returncode == -signal.SIGTERM
    assert out.read_text(encoding="utf-8") == "old" and leftovers(tmp_path) == []


def test_baseline_follows_the_same_rules(tmp_path: Path, pair) -> None:
    base = tmp_path / "base.json"
    base.write_text('{"accepted": []}\n', encoding="utf-8")
    base.chmod(0o444)
    r = CliRunner().invoke(main, ["compare", *pair, "--model", "none", "--write-baseline", str(base)])
    assert r.exit_code == 2 and "[E400]" in r.output
    base.chmod(0o644)
    r = CliRunner().invoke(main, ["compare", *pair, "--model", "none", "--write-baseline", str(base)])
    assert r.exit_code == 0 and stat.S_IMODE(base.stat().st_mode) == 0o644 and "accepted" in base.read_text()
