"""The user's cache folder of nokrules, where what is slow to work out and depends only on its inputs is kept
between runs (normal forms of catalog words, trained models). Everything kept there is named after what it was
made from, so it is never stale; a folder that cannot be read or written only costs the time to work it out."""

from __future__ import annotations

import os
from pathlib import Path


def folder() -> Path:
    """$XDG_CACHE_HOME/nokrules, or ~/.cache/nokrules."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nokrules"
