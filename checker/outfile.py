"""Write a report or a baseline without ever damaging what is at the output path.

Every file checker writes goes through :func:`write_text`:

* ``-`` (and ``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``) is standard output, written as
  UTF-8 whatever the locale; ``/dev/stderr`` likewise;
* a character device, a FIFO or a socket (``/dev/null``, a named pipe) is opened and written
  directly: it is never replaced by a regular file;
* a symbolic link is followed and its target written;
* a regular file, or a path that does not exist yet, is replaced atomically: a temporary file in the
  same folder, flushed and fsynced, then renamed over the target. An existing file keeps its
  permission bits (and owner, where we may set it); a new file gets the umask's mode, like a shell
  redirection. The temporary file is removed on any error and on SIGINT, SIGTERM and SIGHUP;
* a read-only file, a read-only folder, a folder and an empty path are refused with an
  :class:`~checker.errors.OutputError` (exit 2), never replaced;
* an input file is never overwritten (same device and inode, so hard links and symlinks count).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from checker.errors import OutputError

#: names that mean "the standard stream", whatever they resolve to
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
STDERR_NAMES = frozenset({"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"})
_CLEANUP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))


class _Interrupted(BaseException):
    """Raised from a signal handler while a temporary file exists, so that it is removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _describe(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or type(exc).__name__


def _write_stream(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)
    stream.flush()


def _same_file(a: os.stat_result, path: str) -> bool:
    try:
        b = os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _check_not_input(target: os.stat_result, output: str, inputs: Sequence[str]) -> None:
    for p in inputs:
        if p != "-" and _same_file(target, p):
            raise OutputError(f"refusing to overwrite the input file {p} with the output", path=output)


def _writable(st: os.stat_result, path: str) -> bool:
    """Writable by permission bits, for root too (root bypasses them, but a 0444 file means "keep")."""
    return bool(st.st_mode & 0o222) and os.access(path, os.W_OK)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While the block runs, SIGINT/SIGTERM/SIGHUP raise instead of killing the process at once."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: FrameType | None) -> None:
        raise _Interrupted(signum)

    old = {s: signal.signal(s, handler) for s in _CLEANUP_SIGNALS}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _replace_atomically(target: Path, data: bytes, old: os.stat_result | None, output: str) -> None:
    folder = target.parent
    tmp: str | None = None
    try:
        with _signals_raise():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".checker-tmp", dir=str(folder))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if old is not None:
                os.chmod(tmp, stat.S_IMODE(old.st_mode))
                with contextlib.suppress(OSError):  # only root may give a file away; keep ours otherwise
                    os.chown(tmp, old.st_uid, old.st_gid)
            else:
                os.chmod(tmp, _umask_mode())
            os.replace(tmp, target)
            tmp = None
            with contextlib.suppress(OSError):  # make the rename durable where the platform allows it
                dfd = os.open(str(folder), os.O_RDONLY)
                try:
                    os.fsync(dfd)
                finally:
                    os.close(dfd)
    except _Interrupted as sig:
        _remove(tmp)
        signal.signal(sig.signum, signal.SIG_DFL)
        os.kill(os.getpid(), sig.signum)
        raise OutputError("interrupted while writing; the old file is unchanged", path=output) from None
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"cannot write: {_describe(exc)}", path=output) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: str | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_special(path: str, data: bytes, output: str) -> None:
    """A device, FIFO or socket: open it and write; never unlink or rename it."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write: {_describe(exc)}", path=output) from None


def write_stdout(text: str) -> None:
    """Standard output as UTF-8 bytes (an ASCII locale cannot fail us). A reader that went away
    (``| head``) is not an error: the run keeps its exit code. A closed or full standard output is
    an :class:`OutputError`: the report would be lost."""
    if sys.stdout is None:
        raise OutputError("standard output is closed; write the report with -o FILE", path="<stdout>")
    try:
        _write_stream(sys.stdout.buffer, text.encode("utf-8", "surrogateescape"))
    except BrokenPipeError:
        _silence_stdout()
    except ValueError:  # closed from inside the process
        raise OutputError("standard output is closed; write the report with -o FILE", path="<stdout>") from None
    except OSError as exc:
        _silence_stdout()
        if exc.errno == errno.EBADF:
            raise OutputError("standard output is closed; write the report with -o FILE", path="<stdout>") from None
        raise OutputError(f"cannot write: {_describe(exc)}", path="<stdout>") from None


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)


def write_text(text: str, output: str | None, inputs: Sequence[str] = ()) -> None:
    """Write ``text`` to ``output`` (``None`` or ``-``: standard output) under the rules above."""
    if output is None or output in STDOUT_NAMES:
        write_stdout(text)
        return
    if output == "" or not output.strip():
        raise OutputError("the output path is empty", path=repr(output))
    data = text.encode("utf-8", "surrogateescape")
    if output in STDERR_NAMES:
        sys.stderr.flush()
        _write_stream(sys.stderr.buffer, data)
        return
    target = Path(os.path.realpath(output))  # a symlink is followed: its target is what we write
    try:
        st: os.stat_result | None = os.stat(output)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot use this output path: {_describe(exc)}", path=output) from None
    if st is not None:
        _check_not_input(st, output, inputs)
        if stat.S_ISDIR(st.st_mode):
            raise OutputError("is a folder; give a file name", path=output)
        if not stat.S_ISREG(st.st_mode):
            _write_special(output, data, output)
            return
        if not _writable(st, output):
            raise OutputError("the file is read-only; refusing to replace it", path=output)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError("the output folder does not exist", path=output)
    fst = folder.stat()
    if not (fst.st_mode & 0o222) or not os.access(folder, os.W_OK | os.X_OK):
        if st is not None:  # the file may be written in place although no new file can be made beside it
            _write_in_place(str(target), data, output)
            return
        raise OutputError("the output folder is read-only", path=output)
    _replace_atomically(target, data, st, output)


def _write_in_place(path: str, data: bytes, output: str) -> None:
    try:
        with open(path, "r+b") as fh:
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise OutputError(f"cannot write: {_describe(exc)}", path=output) from None
