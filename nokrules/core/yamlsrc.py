"""Read YAML and remember where every value stood, so catalog errors can name file, line and column.

PyYAML's composed node tree carries marks; we construct plain Python values from it ourselves and keep a
map from key path (a tuple of keys and list indexes) to the mark of the value at that path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
import yaml.constructor

from nokrules.core.errors import CatalogError, Problem, SourceRef
from nokrules.core.messages import key_path, yaml_problem

Key = tuple[str | int, ...]
KEY = "\0key"  # marks[(KEY, *path)]: where the key of a mapping entry stands


class Located:
    """Plain data from one YAML file plus the position of each value in it."""

    def __init__(self, file: str, data: Any, marks: dict[Key, tuple[int, int]], root_name: str = ""):
        self.file = file
        self.data = data
        self.marks = marks
        self.root_name = root_name  # shown before a top-level list index: rules[3].then[0]

    def ref(self, path: Key, at_key: bool = False) -> SourceRef:
        """The source of `path` (of its key, with `at_key`), or of its nearest ancestor that has one."""
        p = tuple(path)
        if at_key and (KEY,) + p in self.marks:
            line, col = self.marks[(KEY,) + p]
            return SourceRef(self.file, line, col, self._shown(path))
        while p and p not in self.marks:
            p = p[:-1]
        line, col = self.marks.get(p, (1, 1))
        return SourceRef(self.file, line, col, self._shown(path))

    def _shown(self, path: Key) -> str:
        shown = key_path(path)
        return self.root_name + shown if self.root_name and shown.startswith("[") else shown


class _Constructor(yaml.constructor.SafeConstructor):
    pass


def _build(node: yaml.Node, path: Key, marks: dict[Key, tuple[int, int]], ctor: _Constructor, file: str) -> Any:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            key = ctor.construct_object(knode, deep=True)
            if not isinstance(key, (str, int)):
                key = str(key)
            if key in out:
                ref = SourceRef(file, knode.start_mark.line + 1, knode.start_mark.column + 1, key_path(path + (key,)))
                raise CatalogError([Problem(ref, f"ключ «{key}» повторяется", "NOK001")])
            marks[(KEY, *path, key)] = (knode.start_mark.line + 1, knode.start_mark.column + 1)
            out[key] = _build(vnode, path + (key,), marks, ctor, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(v, path + (i,), marks, ctor, file) for i, v in enumerate(node.value)]
    return ctor.construct_object(node, deep=True)


def load_located(path: Path, shown_as: str, root_name: str = "") -> Located:
    """Parse one YAML file. Syntax errors become a CatalogError at the offending line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise CatalogError([Problem(SourceRef(shown_as, 1, 1), f"файл не в кодировке UTF-8 ({e.reason})", "NOK001")]) from None
    except OSError as e:
        raise CatalogError([Problem(SourceRef(shown_as, 1, 1), f"не удалось прочитать файл: {e.strerror}", "NOK001")]) from None
    return parse_located(text, shown_as, root_name)


def parse_located(text: str, shown_as: str, root_name: str = "") -> Located:
    """Parse YAML text (a file's, or one uploaded on the web page) with the line of every key."""
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when built with it
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise CatalogError(
            [Problem(SourceRef(shown_as, line, col), f"ошибка синтаксиса YAML: {yaml_problem(e.problem)}", "NOK001")]
        ) from None
    marks: dict[Key, tuple[int, int]] = {}
    if node is None:
        return Located(shown_as, None, marks, root_name)
    ctor = _Constructor()
    try:
        data = _build(node, (), marks, ctor, shown_as)
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise CatalogError([Problem(SourceRef(shown_as, line, col), f"неверное значение YAML: {e.problem}", "NOK001")]) from None
    return Located(shown_as, data, marks, root_name)
