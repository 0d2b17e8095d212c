"""Normal forms of catalog words kept between runs of the command, in the user's cache folder.

Compiling a catalog parses every one of its few thousand words, which is most of a cold `nokrules plan`. A
normal form depends only on the word and the dictionary, so a file named after the dictionary's version can
never hold a wrong one. The cache is an optimisation: a folder that cannot be read or written is ignored.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from nokrules.core import cachedir, lemmas


def _path() -> Path:
    return cachedir.folder() / f"normal-forms-{re.sub(r'[^0-9A-Za-z.]+', '-', lemmas.DICTIONARY)}.json"


def load() -> int:
    """Take the normal forms kept by earlier runs; how many there were."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if not isinstance(data, dict):
        return 0
    lemmas.remember({k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)})
    return len(data)


def save(known: int) -> None:
    """Keep this run's normal forms when it worked out new ones."""
    forms = lemmas.normal_forms()
    if len(forms) <= known:
        return
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(forms, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
