"""Hooks the web tests pass to drafting workers (`Drafters(hook=...)`); nothing in nokrules sets one, and no
request can. A worker imports this module by name, so it stays small and loads nothing."""

from __future__ import annotations

import os
import time

CRASH = "ЗАВЕРШИТЬ-РАБОЧИЙ-ПРОЦЕСС-АВАРИЙНО"
STALL = "ЗАДЕРЖАТЬ-РАБОЧИЙ-ПРОЦЕСС"


def crash_or_stall(text: str) -> None:
    """Abort the worker (as a segfault in the C extension would end it) or hang it, when the text asks."""
    if CRASH in text:
        os.abort()
    if STALL in text:
        time.sleep(3600)
