"""NOK310: the catalog changed since its last release tag (`catalog-v*`) while its version stayed.

Plans carry the catalog version, so two different catalogs under one version make two different plans
look alike. The check asks git; it stays silent outside a git checkout, without git, or before the first
`catalog-v*` tag, because there is then no release to compare with.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import yaml

from nokrules.core.yamlsrc import UnsafeYaml, load_located, safe_load
from nokrules.curate.lint.base import Check, Context, Message

TAGS = "catalog-v*"
# What the catalog is made of: the loader reads these (a rule file's tests are not the catalog), and the
# labelled findings the similarity stage learns from (catalog/similarity.yaml, `learn_from`)
CATALOG_FILES = ("catalog", "rules", ":(exclude,glob)rules/*.test.yaml")
# Variables a git hook sets for its own repository: the check asks the repository that holds the catalog
_HOOK_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")


class VersionNotBumped(Check):
    """Каталог изменился после последнего выпуска (git-метки ``catalog-v*``), а ``version`` в
    catalog/catalog.yaml осталась прежней: планы по разным каталогам получат одну и ту же версию.

    **Anti-pattern**: поправить формулировку мероприятия или условие правила после выпуска
    ``catalog-v1.0.0`` и опубликовать каталог с ``version: 1.0.0``.

    **Best practice**: при каждом изменении каталога поднимать ``version`` (major — переименованы или
    удалены id, minor — новые записи, patch — формулировки) и ставить метку ``catalog-vX.Y.Z`` при выпуске.
    Вне git-репозитория и до первой такой метки проверка молчит.
    """

    code, name, severity = "NOK310", "version-not-bumped", "warning"

    def run(self, ctx: Context) -> Iterator[Message]:
        root = Path(ctx.catalog.root)
        version = ctx.catalog.settings.version
        tag = _git_out(root, "describe", "--tags", "--abbrev=0", f"--match={TAGS}")
        if tag is None or _released_version(root, tag) != version or not _changed_since(root, tag):
            return
        ref = load_located(root / "catalog" / "catalog.yaml", "catalog/catalog.yaml").ref(("version",))
        yield self.msg(ref, f"каталог изменён после выпуска «{tag}», а версия осталась {version}: поднимите version")


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    """Run git in `root`; None when git is missing or cannot run there."""
    env = {k: v for k, v in os.environ.items() if k not in _HOOK_VARIABLES}
    try:
        return subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


def _git_out(root: Path, *args: str) -> str | None:
    """git's output, or None when it failed (not a checkout, no such tag or file)."""
    done = _git(root, *args)
    return done.stdout.strip() if done is not None and done.returncode == 0 else None


def _released_version(root: Path, tag: str) -> str | None:
    """catalog/catalog.yaml's version at the tag; None when the catalog was not there then."""
    text = _git_out(root, "show", f"{tag}:./catalog/catalog.yaml")
    if text is None:
        return None
    try:
        data = safe_load(text)
    except (yaml.YAMLError, UnsafeYaml):
        return None
    return str(data.get("version")) if isinstance(data, dict) else None


def _catalog_files(root: Path) -> tuple[str, ...]:
    """CATALOG_FILES and the `learn_from` folders of catalog/similarity.yaml: what they say changes recognition."""
    try:
        data = safe_load((root / "catalog" / "similarity.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnsafeYaml):
        return CATALOG_FILES
    folders = data.get("learn_from") if isinstance(data, dict) else None
    return CATALOG_FILES + tuple(str(f) for f in folders if isinstance(f, str)) if isinstance(folders, list) else CATALOG_FILES


def _changed_since(root: Path, tag: str) -> bool:
    """Do the catalog's files differ from the tag: a tracked file edited, added or removed, or a new one
    not yet added? (`git diff --quiet` exits 1 for a difference; anything else is no answer.)"""
    files = _catalog_files(root)
    diff = _git(root, "diff", "--quiet", tag, "--", *files)
    if diff is None or diff.returncode not in (0, 1):
        return False
    new = _git_out(root, "ls-files", "--others", "--exclude-standard", "--", *files)
    return diff.returncode == 1 or bool(new)
