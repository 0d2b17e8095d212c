"""The protocol as data: YAML or JSON, a list of institutions (or `{"institutions": [...]}`, which is what a
`Protocol` dumps to, so a protocol read once can be saved and read again).

Keys are those of `ProtocolInstitution` (number, name, kind, score, rank, findings, findings_line,
human_plan), and also what curators wrote before the model existed — institution, integral_score, plan —
or Russian keys, found by the same keywords as table columns. `findings` may be text (taken as is) or a
list (one finding per element, written «- …» one per line). Unknown keys are ignored: the files carry
notes; but a record without a name or without findings is an error, since a misspelt «findigs» would
otherwise draft an empty plan without a word.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from nokrules.core.errors import InputError
from nokrules.core.messages import json_problem, yaml_problem
from nokrules.core.model import ProtocolInstitution
from nokrules.core.yamlsrc import UnsafeYaml, compose, safe_load
from nokrules.protocols.readers.common import (
    NotThisFormat,
    clean,
    clean_item,
    findings_text,
    group_items,
    identify_columns,
    parse_int,
    parse_score,
)

_LINE_KEYS = ("findings_line", "line")


def read(content: str, name: str, flavour: str) -> tuple[str, list[ProtocolInstitution]]:
    """A YAML or JSON protocol (decoded by `parse_bytes`) → (yaml or json, its institutions). `flavour` is the
    parser to try first; the format returned is the one that parsed, so a .yaml file holding JSON reports json."""
    parsed, loaded = _load(content, flavour, name)
    records = loaded.get("institutions") if isinstance(loaded, dict) else loaded
    if not isinstance(records, list):
        raise NotThisFormat("не список учреждений (ожидался список объектов с полями name/institution и findings)")
    if not records:
        raise NotThisFormat("список учреждений пуст")
    if parsed == "json":
        keys = {k for r in records if isinstance(r, dict) for k in r if isinstance(k, str)}
        lines = _json_findings_lines(content, sorted(k for k in keys if _is_findings_key(k)))
    else:
        lines = _findings_lines(content)
    # a national file is ~200 MB of text: let each parsed record go as soon as its model is made, so the models
    # are not built on top of a second full copy of the protocol (the text itself parse_bytes keeps for the
    # other readers, should these records turn out to be no protocol)
    del content, loaded
    records.reverse()
    out = []
    for i in range(1, len(records) + 1):
        try:
            out.append(_institution(records.pop(), lines.get(i - 1, 1)))
        except (ValueError, TypeError) as e:
            raise NotThisFormat(f"запись {i}: {e}") from None
    return parsed, out


def _parse(content: str, flavour: str, name: str) -> Any:
    """One parser's reading. What no parser should build (a YAML bomb, JSON nested past its parser's depth)
    is an InputError: the file is refused, not tried as another format."""
    try:
        return json.loads(content) if flavour == "json" else safe_load(content)
    except UnsafeYaml as e:
        raise InputError(f"{name}: строка {e.line}, столбец {e.column}: {e}") from None
    except RecursionError:
        raise InputError(
            f"{name}: вложенность списков и объектов JSON глубже, чем может разобрать читатель (около 1000 уровней); "
            "в протоколе их два: список учреждений и список недостатков"
        ) from None


def _load(content: str, flavour: str, name: str) -> tuple[str, Any]:
    """Parse with `flavour`, then with the other one; the error names the first parser's line."""
    try:
        return flavour, _parse(content, flavour, name)
    except (ValueError, yaml.YAMLError) as e:
        other = "yaml" if flavour == "json" else "json"
        try:
            return other, _parse(content, other, name)
        except (ValueError, yaml.YAMLError):
            pass
        where = ""
        mark = getattr(e, "problem_mark", None)
        if mark is not None:
            where = f" (строка {mark.line + 1}, столбец {mark.column + 1}: {yaml_problem(getattr(e, 'problem', None))})"
        elif isinstance(e, json.JSONDecodeError):
            where = f" (строка {e.lineno}, столбец {e.colno}: {json_problem(e.msg)})"
        raise NotThisFormat(f"не разбирается как {flavour.upper()}{where}") from None


def _roles(record: dict[Any, Any]) -> dict[str, Any]:
    """A record's keys → roles (name, findings, …), by exact field name first, then by keywords."""
    keys = [str(k) for k in record]
    out: dict[str, Any] = {}
    fields = {"number", "name", "kind", "score", "rank", "findings", "human_plan"}
    for k, v in record.items():
        if str(k) in fields:
            out["plan" if k == "human_plan" else str(k)] = v
        elif str(k) in _LINE_KEYS:
            out["line"] = v
    rest = [k for k in keys if k not in fields and k not in _LINE_KEYS]
    for role, index in identify_columns(rest).items():
        out.setdefault(role, record[_original_key(record, rest[index])])
    return out


def _original_key(record: dict[Any, Any], text: str) -> Any:
    return next(k for k in record if str(k) == text)


def _items(value: Any, what: str) -> list[str]:
    """A list (one item per element) or one text (one item per line, wrapped lines joined) → clean items."""
    if value is None:
        return []
    if isinstance(value, list):
        return [item for item in (clean_item(str(v)) for v in value if v is not None) if item]
    if isinstance(value, str):
        return [t for _, t in group_items(list(enumerate(value.split("\n"), start=1)), wrapped=True)]
    raise TypeError(f"{what}: ожидался список строк или текст, а не {type(value).__name__}")


def _institution(record: Any, line: int) -> ProtocolInstitution:
    if not isinstance(record, dict):
        raise TypeError(f"ожидался объект с полями name и findings, а не {type(record).__name__}")
    r = _roles(record)
    name = clean(str(r.get("name") or ""))
    if not name:
        raise ValueError("нет названия учреждения (поле name или institution)")
    if "findings" not in r:
        raise ValueError(f"«{name}»: нет поля findings (недостатки)")
    raw = r["findings"]
    if isinstance(raw, str):
        findings = raw.strip()
    else:
        findings = findings_text(_items(raw, "findings"))
    score = r.get("score")
    if isinstance(score, str):
        parsed = parse_score(score) if score.strip() else None
        if score.strip() and parsed is None:
            raise ValueError(f"«{name}»: балл «{score}» — не число")
        score = parsed
    elif score is not None and (isinstance(score, bool) or not isinstance(score, int | float)):
        raise TypeError(f"«{name}»: балл должен быть числом")
    explicit = r.get("line")
    return ProtocolInstitution(
        number=_whole(r.get("number"), name, "номер"),
        name=name,
        kind=clean(str(r["kind"])) if r.get("kind") else None,
        score=float(score) if score is not None else None,
        rank=_whole(r.get("rank"), name, "место"),
        findings=findings,
        findings_line=_whole(explicit, name, "findings_line") or line,
        human_plan=_items(r.get("plan"), "human_plan"),
    )


def _whole(value: Any, name: str, what: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise TypeError(f"«{name}»: {what} должно быть целым числом")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    parsed = parse_int(str(value))
    if parsed is None:
        raise ValueError(f"«{name}»: {what} «{value}» — не целое число")
    return parsed


def _json_findings_lines(content: str, keys: list[str]) -> dict[int, int]:
    """For JSON, the line of each record's findings key, by a scan of the text for just those keys:
    composing a national-size file (150,000 records) as YAML nodes only to learn line numbers would cost
    more than drafting the plans."""
    if not keys:
        return {}
    pattern = re.compile("(?:" + "|".join(re.escape(json.dumps(k, ensure_ascii=False)) for k in keys) + r")\s*:")
    out: dict[int, int] = {}
    line, last = 1, 0
    for m in pattern.finditer(content):
        line += content.count("\n", last, m.start())
        last = m.start()
        out[len(out)] = line
    return out


def _findings_lines(content: str) -> dict[int, int]:
    """Record index → the 1-based line of the source where its findings start, from the YAML node marks
    (JSON parses as YAML too); empty when the layout is not the expected list of mappings."""
    try:
        root = compose(content)
    except (yaml.YAMLError, UnsafeYaml):
        return {}
    if isinstance(root, yaml.MappingNode):
        root = next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "institutions"), None)
    if not isinstance(root, yaml.SequenceNode):
        return {}
    out: dict[int, int] = {}
    for i, item in enumerate(root.value):
        if not isinstance(item, yaml.MappingNode):
            continue
        for key, value in item.value:
            if not (isinstance(key, yaml.ScalarNode) and _is_findings_key(str(key.value))):
                continue
            if isinstance(value, yaml.SequenceNode) and value.value:
                out[i] = value.value[0].start_mark.line + 1
            elif isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
                out[i] = value.start_mark.line + 2  # a block scalar starts on the line after «|»
            else:
                out[i] = value.start_mark.line + 1
            break
    return out


def _is_findings_key(key: str) -> bool:
    return key == "findings" or (key not in _LINE_KEYS and identify_columns([key]).get("findings") == 0)
