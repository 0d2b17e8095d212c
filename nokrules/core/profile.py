"""The institution profile YAML (name, kind, forms, people by role, founder, approver): read the same way
from `nokrules plan --profile` and from a file uploaded on the web page, so both report a bad key or
value with the file, line and key."""

from __future__ import annotations

from nokrules.core.catalog import validate_model
from nokrules.core.errors import CatalogError, InputError, Problem
from nokrules.core.model import Profile
from nokrules.core.yamlsrc import parse_located


def parse_profile(data: bytes, shown_as: str) -> Profile:
    """The profile in a file's bytes (UTF-8); InputError in Russian naming `shown_as`, the line and the key."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{shown_as}:1:1 файл не в кодировке UTF-8 ({e.reason})") from None
    try:
        src = parse_located(text, shown_as)
    except CatalogError as e:
        raise InputError(str(e)) from None
    problems: list[Problem] = []
    prof = validate_model(Profile, src.data or {}, src, (), problems)
    if problems or not isinstance(prof, Profile):
        raise InputError("профиль учреждения: " + "; ".join(f"{pr.ref}: {pr.message}" for pr in problems))
    return prof
