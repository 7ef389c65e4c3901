"""How every command fails: a known error is one stderr line and exit 2, never a traceback."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from checker.errors import CheckerError

F = TypeVar("F", bound=Callable[..., Any])


def guarded(fn: F) -> F:
    """Turn known errors into one stderr line and exit 2; never show a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CheckerError as exc:
            click.echo(f"checker: error: {exc}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
            from checker.outfile import _silence_stdout

            _silence_stdout()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("checker: interrupted", err=True)
            sys.exit(2)
        except Exception as exc:  # a bug: say so plainly, without a traceback
            if os.environ.get("CHECKER_DEBUG"):
                raise
            click.echo(
                f"checker: internal error: {type(exc).__name__}: {exc} (set CHECKER_DEBUG=1 for details)", err=True
            )
            sys.exit(2)

    return wrapper  # type: ignore[return-value]
