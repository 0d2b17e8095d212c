"""Files built to exhaust memory or time are refused at once with a Russian message (issue 13, item 7):
a DOCX that unpacks to 50 MB, «billion laughs» and recursive aliases in every YAML nokrules reads,
JSON nested 100,000 deep, lone surrogates in a JSON protocol, a form with 2,000 columns. The bounds are
those of nokrules.core.limits; expectations are written by hand."""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from nokrules.core.errors import CatalogError, InputError
from nokrules.core.limits import FORM_COLUMNS_MAX, NESTING_MAX, OFFICE_UNPACKED_MAX, YAML_ALIAS_NODES_MAX
from nokrules.core.yamlsrc import UnsafeYaml, safe_load
from nokrules.documents.layout import load_layout
from nokrules.protocols.readers import parse_bytes

from .conftest import MINI
from .test_cli import run

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)  # 9 ** 9 = 387,420,489 strings once expanded
RECURSIVE = "name: &a [*a]\n"


def _office(member: str, size: int) -> bytes:
    """A ZIP that looks like a DOCX or XLSX, its `member` `size` bytes of empty paragraphs."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        body = b"<w:p/>" * (size // 6)
        z.writestr(member, b'<w:document xmlns:w="x"><w:body>' + body + b"</w:body></w:document>")
    return buf.getvalue()


def test_limits_are_far_above_real_files_and_far_below_harm() -> None:
    assert 10 * 1024 * 1024 < OFFICE_UNPACKED_MAX < 100 * 1024 * 1024
    assert 6 < NESTING_MAX <= 100
    assert YAML_ALIAS_NODES_MAX <= 100_000
    assert 10 <= FORM_COLUMNS_MAX <= 50


@pytest.mark.parametrize(("member", "name"), [("word/document.xml", "p.docx"), ("xl/workbook.xml", "p.xlsx")])
def test_an_office_file_unpacking_to_50_mb_is_refused_before_parsing(member: str, name: str) -> None:
    data = _office(member, 50 * 1024 * 1024)
    assert len(data) < 200_000  # the 110 KB bomb
    started = time.monotonic()
    with pytest.raises(InputError) as e:
        parse_bytes(data, name)
    assert time.monotonic() - started < 5  # not the 86 s and 2.3 GB of parsing it
    assert str(e.value).startswith(f"{name}: документ распаковывается в 50 МБ, больше предела 48 МБ")


def test_safe_load_refuses_billion_laughs_and_recursive_aliases_but_keeps_modest_ones() -> None:
    with pytest.raises(UnsafeYaml, match="разворачиваются больше чем в 10000 узлов"):
        safe_load(LAUGHS)
    with pytest.raises(UnsafeYaml, match="внутри своего же якоря") as e:
        safe_load(RECURSIVE)
    assert (e.value.line, e.value.column) == (1, 7)
    assert safe_load("base: &b {due: +1 month}\none: *b\ntwo: *b\n") == {
        "base": {"due": "+1 month"},
        "one": {"due": "+1 month"},
        "two": {"due": "+1 month"},
    }


def test_nesting_deeper_than_the_limit_is_refused_in_yaml() -> None:
    deep = "x:\n" + "".join("  " * i + "- \n" for i in range(1, NESTING_MAX + 2))
    assert yaml.safe_load(deep) is not None  # plain PyYAML builds it
    with pytest.raises(UnsafeYaml, match=f"глубже {NESTING_MAX} уровней"):
        safe_load(deep)


@pytest.mark.parametrize("bomb", [LAUGHS, RECURSIVE])
def test_profile_form_and_catalog_refuse_yaml_bombs(tmp_path: Path, bomb: str) -> None:
    (tmp_path / "bomb.yaml").write_text(bomb, encoding="utf-8")
    r = run("plan", "-", "--catalog", str(MINI), "--profile", str(tmp_path / "bomb.yaml"), stdin="- нет пандуса\n".encode())
    assert r.returncode == 2 and "bomb.yaml:" in r.stderr and "ссылк" in r.stderr, r.stderr
    with pytest.raises(CatalogError, match="ссылк"):
        load_layout(str(tmp_path / "bomb.yaml"))
    catalog = tmp_path / "catalog"
    shutil.copytree(MINI, catalog)
    (catalog / "catalog" / "catalog.yaml").write_text(bomb, encoding="utf-8")
    r = run("kinds", "--catalog", str(catalog))
    assert r.returncode == 2 and "catalog/catalog.yaml:1:" in r.stderr and "ссылк" in r.stderr, r.stderr


@pytest.mark.parametrize("bomb", [LAUGHS, RECURSIVE])
@pytest.mark.parametrize("name", ["p.yaml", "p"])
def test_a_yaml_bomb_protocol_is_refused(bomb: str, name: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=f"^{name}: строка 1, столбец \\d+: ссылк"):
        parse_bytes(bomb.encode(), name)
    assert time.monotonic() - started < 5


def test_json_nested_100000_deep_is_refused_in_russian() -> None:
    with pytest.raises(InputError, match="^p.json: вложенность списков и объектов JSON глубже"):
        parse_bytes(("[" * 100_000 + "]" * 100_000).encode(), "p.json")


def test_a_lone_surrogate_in_a_json_name_becomes_a_space_and_the_plan_is_written(tmp_path: Path) -> None:
    src = tmp_path / "p.json"
    src.write_bytes(b'[{"name": "\\u0426\\u0435\\u043d\\u0442\\u0440\\ud800 1", "findings": "- \\u043d\\u0435\\u0442\\udfff x"}]')
    out = tmp_path / "out"
    r = run("batch", str(src), "--out", str(out), "--catalog", str(MINI), "--date", "2027-01-15", "--format", "json")
    assert r.returncode == 0, r.stderr
    plan = json.loads((out / "tsentr-1.json").read_text("utf-8"))
    assert plan["institution"]["name"] == "Центр 1"
    assert plan["unrecognized"][0]["text"] == "нет x"


def test_a_form_with_2000_columns_is_refused_at_once(tmp_path: Path) -> None:
    form = tmp_path / "wide.yaml"
    columns = "".join(f"  - {{title: Графа {i}, field: empty}}\n" for i in range(2000))
    form.write_text(f"id: wide\nname: Широкая\ntitle: ПЛАН\ncolumns:\n{columns}", encoding="utf-8")
    started = time.monotonic()
    r = run(
        "plan", "-", "--catalog", str(MINI), "--format", "docx", "-o", str(tmp_path / "p.docx"), "--form", str(form), stdin=b"x\n"
    )
    assert time.monotonic() - started < 30
    assert r.returncode == 2, r.stderr
    assert f"{form}:5:3 columns: " in r.stderr and "в форме 2000 граф — больше 30" in r.stderr
