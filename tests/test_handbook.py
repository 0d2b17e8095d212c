"""`nokrules catalog`: the handbook for curators. Expectations are written by hand from tests/fixtures/mini."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Mm

from nokrules.cli.commands.catalog import command
from nokrules.core.catalog import load_catalog
from nokrules.core.errors import CatalogError, UsageError
from nokrules.core.model import Catalog, Measure
from nokrules.curate.handbook import due_spec_text, render_docx, render_markdown
from tests.conftest import MINI, ROOT

SECTIONS = [
    "I. Открытость и доступность информации об организации",
    "II. Комфортность условий предоставления услуг",
    "III. Доступность услуг для инвалидов",
    "IV. Доброжелательность, вежливость работников организации",
    "V. Удовлетворённость условиями оказания услуг",
]
AHO = "Заместитель директора по административно-хозяйственной работе"


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(MINI)


@pytest.fixture(scope="module")
def md(cat: Catalog) -> str:
    return render_markdown(cat)


def between(text: str, start: str, end: str | None) -> str:
    """The part of `text` from `start` up to `end` (or to the end): what a heading covers."""
    i = text.index(start)
    return text[i : text.index(end, i) if end else len(text)]


def variant(cat: Catalog, **update: Any) -> Catalog:
    """The catalog with some fields replaced, built anew (no cached lookups carried over)."""
    return Catalog.model_validate({name: getattr(cat, name) for name in Catalog.model_fields} | update)


# ---------------------------------------------------------------- Markdown


def test_header_names_catalog_version_and_counts(md: str) -> None:
    head = md.split("\n## ", 1)[0]
    assert head.startswith("# Справочник каталога недостатков и типовых мероприятий НОК\n")
    assert "**Каталог:** Каталог недостатков и типовых мероприятий НОК (социальное обслуживание)" in head
    assert "**Версия:** 1.0.0 от 25.11.2026" in head
    assert "**Состав:** недостатков — 5, мероприятий — 9, правил — 8" in head
    assert "не выходят за 12 месяцев" in head


def test_sections_in_order_with_official_titles(md: str) -> None:
    assert re.findall(r"^## (.*)$", md, re.M) == SECTIONS
    sec1 = between(md, "## I.", "## II.")
    assert "Открытость и доступность информации об организации или о федеральном учреждении медико-социальной экспертизы" in sec1
    assert re.findall(r"^### (\d\.\d) ", md, re.M) == [f"{s}.{i}" for s in range(1, 6) for i in range(1, 4)]
    assert "### 3.1 Оборудование помещений организации и прилегающей к ней территории с учётом доступности для инвалидов" in md


def test_deficiencies_sit_under_their_indicator(md: str) -> None:
    ind31 = between(md, "### 3.1 ", "### 3.2 ")
    assert re.findall(r"^#### (.*)$", ind31, re.M) == ["Нет пандуса (`ramp_missing`)", "Нет поручней (`handrails_missing`)"]
    assert re.findall(r"^#### (.*)$", between(md, "### 4.2 ", "### 4.3 "), re.M) == [
        "Недостаточная укомплектованность кадрами (`staffing_shortage`)"
    ]
    assert "_Недостатки не описаны._" in between(md, "### 1.3 ", "## II.")
    assert "Недостатки не описаны" not in ind31
    assert md.count("Недостатки не описаны") == 15 - 4  # 1.1, 1.2, 3.1, 4.2 have deficiencies


def test_deficiency_examples_rules_and_measures(md: str) -> None:
    ramp = between(md, "#### Нет пандуса", "#### Нет поручней")
    assert "Примеры формулировок:\n\n- нет пандуса\n" in ramp
    assert "Не считается недостатком" not in ramp  # the mini catalog has no counterexamples
    assert re.findall(r"^\*\*Правило `(.*)`\*\*", ramp, re.M) == ["ramp", "ramp-home-kcson", "entrance"]
    rule = between(ramp, "**Правило `ramp`**", "**Правило `ramp-home-kcson`**")
    assert "Условия: без дополнительных условий  \nОбоснование: СП 59.13330  \n" in rule
    assert "Приоритет" not in rule  # priority 0 is not shown
    assert (
        "1. Установить пандус у входа (`install_ramp`)\n"
        "   - срок: до конца года\n"
        f"   - ответственный: {AHO}\n"
        "   - результат: Пандус установлен\n"
        "   - не ставится в один план с: Установить кнопку вызова персонала (install_call_button)\n"
    ) in rule


def test_rule_conditions_use_kind_and_form_titles(md: str) -> None:
    rule = between(md, "**Правило `ramp-home-kcson`**", "**Правило `entrance`**")
    assert (
        "Условия: вид организации: Комплексный центр социального обслуживания населения; форма обслуживания: надомная  \n" in rule
    )
    assert "Приоритет: 5  \n" in rule
    assert "Обоснование: для надомного обслуживания достаточно кнопки вызова" in rule
    assert "1. Установить кнопку вызова персонала (`install_call_button`)\n   - срок: 1 месяц от даты плана\n" in rule
    # exclusions are declared on install_call_button only, but shown on both sides
    assert "не ставится в один план с: Установить пандус у входа (install_ramp)" in rule
    conditions = next(line for line in rule.splitlines() if line.startswith("Условия:"))
    assert "kcson" not in conditions and "home" not in conditions  # titles, not ids


def test_combined_rule_names_the_other_deficiency_and_replacements(md: str) -> None:
    under_ramp = between(md, "#### Нет пандуса", "#### Нет поручней")
    under_handrails = between(md, "#### Нет поручней", "### 3.2 ")
    assert "Условия: вместе с недостатками: Нет поручней (handrails_missing)" in under_ramp
    assert "Условия: вместе с недостатками: Нет пандуса (ramp_missing)" in under_handrails
    for part in (under_ramp, under_handrails):
        entrance = between(part, "**Правило `entrance`**", None)
        assert "Приоритет: 10" in entrance
        assert "Заменяет для той же находки: Установить поручни (install_handrails)" in entrance
        assert (
            "1. Реконструировать входную группу (пандус и поручни) (`renovate_entrance`)\n   - срок: до конца года\n   - ответственный: Директор\n"
            in entrance
        )


def test_value_condition_and_several_measures(md: str) -> None:
    staffing = between(md, "#### Недостаточная укомплектованность кадрами", "### 4.3 ")
    low = between(staffing, "**Правило `staffing-low`**", "**Правило `staffing`**")
    assert "Условия: значение staffing_percent < 50  \n" in low
    assert "Заменяет для той же находки: Укомплектовать штат (recruit_staff)" in low
    plain = between(staffing, "**Правило `staffing`**", None)
    assert (
        "1. Укомплектовать штат (`recruit_staff`)\n   - срок: до конца года\n   - ответственный: Специалист по кадрам\n" in plain
    )
    assert "2. Ежеквартально анализировать укомплектованность (`monitor_staffing`)\n   - срок: постоянно\n" in plain


def test_other_due_terms_and_place_placeholder(md: str) -> None:
    assert "Создать раздел «Часто задаваемые вопросы» (`publish_faq`)\n   - срок: 2 недели от даты плана\n" in md
    assert "Установить поручни (`install_handrails`)\n   - срок: до конца квартала\n" in md
    assert "Разместить {место} порядок подачи жалоб (`publish_complaint_procedure`)" in md
    assert "«на официальном сайте организации»" in md.split("\n## ", 1)[0]  # the note explaining {место}


def test_every_measure_is_used_so_no_unused_section(md: str) -> None:
    assert "не используемые ни одним правилом" not in md


def test_unused_measures_missing_rules_counterexamples_and_place(cat: Catalog) -> None:
    extra = Measure(id="paint_door", text="Покрасить дверь", due="+10 workdays", responsible="director", result="Дверь покрашена")
    ramp = cat.deficiency("ramp_missing").model_copy(update={"counterexamples": ["пандус есть"]})
    rule = cat.rules[4].model_copy(update={"when": cat.rules[4].when.model_copy(update={"place": "stand"})})
    assert rule.id == "complaint"
    other = variant(
        cat,
        measures=[*cat.measures, extra],
        deficiencies=[ramp if d.id == "ramp_missing" else d for d in cat.deficiencies],
        rules=[rule if r.id == "complaint" else r for r in cat.rules if r.id != "faq"],
    )
    md = render_markdown(other)
    assert "Не считается недостатком:\n\n- пандус есть\n" in between(md, "#### Нет пандуса", "#### Нет поручней")
    assert "Условия: место: стенд  \n" in between(md, "**Правило `complaint`**", "### 1.2 ")
    unused = between(md, "## Мероприятия, не используемые ни одним правилом", None)
    assert unused.endswith(
        "2. Покрасить дверь (`paint_door`)\n   - срок: 10 рабочих дней от даты плана\n"
        "   - ответственный: Директор\n   - результат: Дверь покрашена\n"
    )
    assert "_Правил нет: мероприятие формулируется вручную._" in between(md, "#### Нет раздела «Часто", "### 1.3 ")
    assert "1. Создать раздел «Часто задаваемые вопросы» (`publish_faq`)" in unused  # its only rule is gone
    assert "**Состав:** недостатков — 5, мероприятий — 10, правил — 7" in md


@pytest.mark.parametrize(
    "spec, text",
    [
        ("+2 months", "2 месяца от даты плана"),
        ("+1 month", "1 месяц от даты плана"),
        ("+11 months", "11 месяцев от даты плана"),
        ("+21 days", "21 день от даты плана"),
        ("+3 days", "3 дня от даты плана"),
        ("+5 workdays", "5 рабочих дней от даты плана"),
        ("+22 workdays", "22 рабочих дня от даты плана"),
        ("+1 week", "1 неделя от даты плана"),
        ("+12 weeks", "12 недель от даты плана"),
        ("end_of_month", "до конца месяца"),
        ("end_of_quarter", "до конца квартала"),
        ("end_of_next_quarter", "до конца следующего квартала"),
        ("end_of_half_year", "до конца полугодия"),
        ("end_of_year", "до конца года"),
        ("permanent", "постоянно"),
    ],
)
def test_due_spec_text(spec: str, text: str) -> None:
    assert due_spec_text(spec) == text


def test_markdown_is_deterministic(cat: Catalog, md: str) -> None:
    assert render_markdown(load_catalog(MINI)) == md == render_markdown(cat)


def test_shipped_catalog_renders_and_mentions_every_deficiency_and_rule() -> None:
    shipped = load_catalog(ROOT)
    md = render_markdown(shipped)
    assert re.findall(r"^## (.*)$", md, re.M)[:5] == [f"{c.section}. {c.short}" for c in shipped.criteria]
    for d in shipped.deficiencies:
        assert f"#### {d.title} (`{d.id}`)" in md, d.id
    for r in shipped.rules:
        assert f"**Правило `{r.id}`**" in md, r.id
    assert f"**Версия:** {shipped.settings.version} от {shipped.settings.effective_from:%d.%m.%Y}" in md


# ---------------------------------------------------------------- DOCX


def test_docx_headings_tables_and_fonts(cat: Catalog) -> None:
    doc = docx.Document(io.BytesIO(render_docx(cat)))
    by_style: dict[str, list[str]] = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name if p.style is not None else "", []).append(p.text)
    assert by_style["Title"] == ["Справочник каталога недостатков и типовых мероприятий НОК"]
    assert by_style["Heading 1"] == SECTIONS
    assert len(by_style["Heading 2"]) == 15 and by_style["Heading 2"][6].startswith("3.1 Оборудование помещений")
    assert by_style["Heading 3"] == [
        "Нет порядка подачи жалоб",
        "Нет раздела «Часто задаваемые вопросы»",
        "Нет пандуса",
        "Нет поручней",
        "Недостаточная укомплектованность кадрами",
    ]
    assert "нет пандуса" in by_style["List Bullet"]
    texts = [p.text for p in doc.paragraphs]
    assert "Версия: 1.0.0 от 25.11.2026" in texts
    assert "Условия: вид организации: Комплексный центр социального обслуживания населения; форма обслуживания: надомная" in texts
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert rows[0] == ["Мероприятие", "Срок", "Ответственный", "Результат", "Основание"]
    ramp = next(r for r in rows if r[0].startswith("Установить пандус у входа (install_ramp)"))
    assert ramp[1:] == ["до конца года", AHO, "Пандус установлен", "—"]
    assert "Не ставится в один план с: Установить кнопку вызова персонала (install_call_button)" in ramp[0]
    assert len(doc.tables) == 9  # one per rule shown under a deficiency: 8 rules, entrance under both of its deficiencies
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    sec = doc.sections[0]
    assert sec.page_width is not None and sec.page_height is not None
    assert (round(sec.page_width / Mm(1)), round(sec.page_height / Mm(1))) == (210, 297)
    assert doc.core_properties.created is not None and doc.core_properties.created.date().isoformat() == "2026-11-25"


def test_docx_is_byte_identical_across_renders(cat: Catalog) -> None:
    first = render_docx(cat)
    assert render_docx(load_catalog(MINI)) == first
    assert first[:2] == b"PK"


# ---------------------------------------------------------------- rule groups

PRIORITY = "срабатывает только правило с наибольшим приоритетом"
POLICIES = {
    "collect": "применяются все правила группы",
    "unique": "условия правил группы не должны пересекаться",
    "any": "пересечение допустимо при одинаковых мероприятиях",
    "priority": PRIORITY,
    "first": "срабатывает только правило, записанное первым",
}


def grouped(tmp_path: Path, policy: str = "priority") -> Catalog:
    """mini with the two staffing rules in group `staffing` under `policy`."""
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    settings = root / "catalog" / "catalog.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"groups:\n  staffing: {policy}\n", encoding="utf-8")
    rules = root / "rules" / "all.yaml"
    text = rules.read_text(encoding="utf-8")
    for rid in ("staffing-low", "staffing"):
        assert text.count(f"- id: {rid}\n") == 1
        text = text.replace(f"- id: {rid}\n", f"- id: {rid}\n  group: staffing\n")
    rules.write_text(text, encoding="utf-8")
    cat = load_catalog(root)
    assert [r.id for r in cat.rules if r.group == "staffing"] == ["staffing-low", "staffing"]
    return cat


def test_markdown_shows_rule_group_and_policy(tmp_path: Path) -> None:
    md = render_markdown(grouped(tmp_path))
    head = md.split("\n## ", 1)[0]
    assert f"**Группы правил:** staffing — {PRIORITY}  \n" in head
    staffing = between(md, "#### Недостаточная укомплектованность кадрами", "### 4.3 ")
    assert f"**Правило `staffing-low`**, группа staffing ({PRIORITY})  \nУсловия: значение staffing_percent < 50  \n" in staffing
    assert f"**Правило `staffing`**, группа staffing ({PRIORITY})  \nУсловия: без дополнительных условий  \n" in staffing
    assert md.count("группа staffing") == 2
    assert "**Правило `ramp`**  \n" in md  # rules outside a group are shown as before


def test_docx_shows_rule_group_and_policy(tmp_path: Path) -> None:
    doc = docx.Document(io.BytesIO(render_docx(grouped(tmp_path))))
    texts = [p.text for p in doc.paragraphs]
    assert f"Группы правил: staffing — {PRIORITY}" in texts
    for rid in ("staffing-low", "staffing"):
        para = next(p for p in doc.paragraphs if p.text.startswith(f"Правило {rid},"))
        assert para.text == f"Правило {rid}, группа staffing ({PRIORITY})"
        assert [(run.text, bool(run.bold)) for run in para.runs] == [
            (f"Правило {rid}", True),
            (f", группа staffing ({PRIORITY})", False),
        ]
    assert "Правило ramp" in texts
    assert sum("группа staffing" in t for t in texts) == 2


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_every_group_policy_is_spelled_out(tmp_path: Path, policy: str) -> None:
    cat = grouped(tmp_path, policy)
    md = render_markdown(cat)
    assert f"**Группы правил:** staffing — {POLICIES[policy]}  \n" in md
    assert f"**Правило `staffing`**, группа staffing ({POLICIES[policy]})  \n" in md
    texts = [p.text for p in docx.Document(io.BytesIO(render_docx(cat))).paragraphs]
    assert f"Правило staffing, группа staffing ({POLICIES[policy]})" in texts


def test_groups_output_is_deterministic(tmp_path: Path) -> None:
    cat = grouped(tmp_path)
    again = load_catalog(cat.root)
    assert render_markdown(again) == render_markdown(cat)
    assert render_docx(again) == render_docx(cat)


def test_no_groups_no_group_lines(md: str) -> None:
    assert "Группы правил" not in md and ", группа " not in md  # «Входная группа реконструирована» is a measure result


# ---------------------------------------------------------------- the command


def test_command_prints_markdown(md: str) -> None:
    result = CliRunner().invoke(command, ["--catalog", str(MINI)])
    assert result.exit_code == 0, result.output
    assert result.stdout == md


def test_command_default_catalog_is_the_shipped_one() -> None:
    result = CliRunner().invoke(command, [])
    assert result.exit_code == 0, result.output
    assert result.stdout == render_markdown(load_catalog(ROOT))


def test_command_writes_docx(tmp_path: Path, cat: Catalog) -> None:
    out = tmp_path / "справочник.docx"
    result = CliRunner().invoke(command, ["--catalog", str(MINI), "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == render_docx(cat)
    assert [p.name for p in tmp_path.iterdir()] == ["справочник.docx"]  # no temporary file left behind


def test_command_writes_markdown_file(tmp_path: Path, md: str) -> None:
    out = tmp_path / "handbook.md"
    result = CliRunner().invoke(command, ["--catalog", str(MINI), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == md
    assert result.stdout == ""


def test_command_refuses_to_overwrite_without_force(tmp_path: Path, md: str) -> None:
    out = tmp_path / "handbook.md"
    out.write_text("старый справочник", encoding="utf-8")
    result = CliRunner().invoke(command, ["--catalog", str(MINI), "-o", str(out)])
    assert isinstance(result.exception, UsageError)
    assert "уже существует" in str(result.exception) and "--force" in str(result.exception)
    assert out.read_text(encoding="utf-8") == "старый справочник"
    result = CliRunner().invoke(command, ["--catalog", str(MINI), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == md


def test_command_refuses_docx_without_output() -> None:
    result = CliRunner().invoke(command, ["--catalog", str(MINI), "--format", "docx"])
    assert isinstance(result.exception, UsageError)
    assert "docx" in str(result.exception) and "-o" in str(result.exception)
    assert result.stdout == ""


def test_command_refuses_missing_output_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, ["--catalog", str(MINI), "-o", str(tmp_path / "нет" / "h.md")])
    assert isinstance(result.exception, UsageError)
    assert "не существует" in str(result.exception)


def test_command_reports_a_folder_without_catalog(tmp_path: Path) -> None:
    result = CliRunner().invoke(command, ["--catalog", str(tmp_path)])
    assert isinstance(result.exception, CatalogError)
    assert "нет подпапки catalog/" in str(result.exception)


def test_a_control_character_in_a_catalog_text_does_not_fail_the_word_handbook(cat: Catalog) -> None:
    # YAML lets «\x0b» (a vertical tab from a Word paste) through in a double-quoted string; Word files cannot
    # hold it: it becomes a space, and the words on either side stay apart
    ramp = cat.deficiency("ramp_missing").model_copy(update={"examples": ["нет пандуса\x0bу входа"]})
    pasted = variant(cat, deficiencies=[ramp if d.id == "ramp_missing" else d for d in cat.deficiencies])
    texts = [p.text for p in docx.Document(io.BytesIO(render_docx(pasted))).paragraphs]
    assert "нет пандуса у входа" in texts
