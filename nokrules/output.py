"""Writing result files: never over an existing file without --force, always atomically (a temporary file
in the same folder, then os.replace), so Ctrl-C or a full disk never leaves a half-written document."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .errors import UsageError


def check_output(path: Path, force: bool) -> None:
    """Refuse before any work is done: a folder, a missing parent, an existing file without --force."""
    if path.is_dir():
        raise UsageError(f"{path}: это папка, укажите имя файла")
    if not path.parent.is_dir():
        raise UsageError(f"{path}: папка «{path.parent}» не существует")
    if path.exists() and not force:
        raise UsageError(f"{path}: файл уже существует; чтобы перезаписать его, добавьте --force")


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and os.replace, so readers see the old file or the new one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies, as for any new file
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:  # Ctrl-C included: never leave the temporary file behind
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise UsageError(f"{path}: не удалось записать файл ({e.strerror or e})") from None
        raise
