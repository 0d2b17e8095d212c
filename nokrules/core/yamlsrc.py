"""Read YAML safely and remember where every value stood, so catalog errors can name file, line and column.

PyYAML's composed node tree carries marks; we construct plain Python values from it ourselves and keep a
map from key path (a tuple of keys and list indexes) to the mark of the value at that path.

Every YAML nokrules reads (catalog, profile, form, scenarios, a protocol) is composed and checked
(`check_nodes`) before anything is built from it: composing is cheap even for a «billion laughs», since an
alias is a shared node, but building or walking the values expands it. So a tree deeper than NESTING_MAX,
an alias that contains itself, or aliases reaching more than YAML_ALIAS_NODES_MAX nodes are refused first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
import yaml.constructor

from nokrules.core.errors import CatalogError, Problem, SourceRef
from nokrules.core.limits import NESTING_MAX, YAML_ALIAS_NODES_MAX
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


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML is built with it: fast at national size


class UnsafeYaml(ValueError):
    """A YAML tree nokrules refuses to build; the message (Russian) says why, `line` and `column` where."""

    def __init__(self, message: str, node: yaml.Node):
        super().__init__(message)
        self.line = node.start_mark.line + 1
        self.column = node.start_mark.column + 1


def check_nodes(root: yaml.Node) -> None:
    """Refuse a composed tree that is too deep or whose aliases loop or expand past the bound (see the module
    docstring). Iterative, so a deep tree cannot exhaust Python's stack while it is being checked."""
    seen: set[int] = set()
    path: set[int] = set()
    expanded = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, leaving = stack.pop()
        if leaving:
            path.discard(id(node))
            continue
        if not isinstance(node, yaml.CollectionNode):
            continue
        if id(node) in path:
            raise UnsafeYaml("ссылка YAML (*имя) внутри своего же якоря (&имя): такая структура бесконечна", node)
        if depth > NESTING_MAX:
            raise UnsafeYaml(f"вложенность списков и словарей глубже {NESTING_MAX} уровней", node)
        if id(node) in seen:
            expanded += 1
            if expanded > YAML_ALIAS_NODES_MAX:
                raise UnsafeYaml(
                    f"ссылки YAML (&якорь и *ссылка) разворачиваются больше чем в {YAML_ALIAS_NODES_MAX} узлов — "
                    "так устроены файлы-«бомбы»; напишите значения без ссылок",
                    node,
                )
        seen.add(id(node))
        path.add(id(node))
        stack.append((node, depth, True))
        children = node.value if isinstance(node, yaml.SequenceNode) else [x for pair in node.value for x in pair]
        stack.extend((child, depth + 1, False) for child in reversed(children))


def compose(text: str) -> yaml.Node | None:
    """The checked node tree of one YAML document (None for an empty one). Raises yaml.YAMLError for bad
    syntax and UnsafeYaml for a tree `check_nodes` refuses."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is not None:
        check_nodes(node)
    return node


def safe_load(text: str) -> Any:
    """`yaml.safe_load` that refuses what `check_nodes` refuses before building anything."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_nodes(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


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
        node = compose(text)
    except UnsafeYaml as e:
        raise CatalogError([Problem(SourceRef(shown_as, e.line, e.column), str(e), "NOK001")]) from None
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
