"""Where the checker keeps what it compiles between runs."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """Where compiled data are kept: ``$CHECKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/checker``, else
    ``~/.cache/checker``; ``CHECKER_CACHE_DIR=''`` (empty) turns the cache off."""
    env = os.environ.get("CHECKER_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "checker"
