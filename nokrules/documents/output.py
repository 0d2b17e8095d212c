"""Writing result files: never over an existing file without --force, always atomically (a temporary file
in the same folder, then os.replace), so Ctrl-C or a full disk never leaves a half-written document."""

from __future__ import annotations

import itertools
import os
import secrets
from pathlib import Path

from nokrules.core.errors import UsageError

_TOKEN = secrets.token_hex(4)  # per process; with the pid and a counter, temporary names never collide
_serial = itertools.count()


def check_output(path: Path, force: bool) -> None:
    """Refuse before any work is done: a folder, a missing parent, an existing file without --force."""
    if path.is_dir():
        raise UsageError(f"{path}: это папка, укажите имя файла")
    if not path.parent.is_dir():
        raise UsageError(f"{path}: папка «{path.parent}» не существует")
    if path.exists() and not force:
        raise UsageError(f"{path}: файл уже существует; чтобы перезаписать его, добавьте --force")


def write_atomically(path: Path | str, data: bytes) -> None:
    """Write via a temporary file in the same folder and os.replace, so readers see the old file or the new one."""
    target = os.fspath(path)
    head, name = os.path.split(target)
    tmp = os.path.join(head, f".{name}.{os.getpid()}.{next(_serial)}.{_TOKEN}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies, as for any new file
        try:
            view = memoryview(data)
            while view:  # no fsync: the rename is what keeps readers from a half-written file, and a
                view = view[os.write(fd, view) :]  # national run writes 150,000 of them
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as e:  # Ctrl-C included: never leave the temporary file behind
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise UsageError(f"{path}: не удалось записать файл ({e.strerror or e})") from None
        raise
