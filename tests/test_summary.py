"""The ministry's regional summary on the mini catalog: three institutions, expectations counted by hand.

Institutions (findings → deficiencies of the mini catalog):
- 1 «Ветеран» (дом-интернат): пандус; жалобы (сайт); «грубый охранник» (не распознано); поручни + пандус.
  Its own plan names only the complaint procedure → findings 1 and 4 are left without a measure.
- 2 КЦСОН (надомная форма): пандус (→ кнопка вызова); FAQ; укомплектованность 40 %. Its own plan covers all three.
- 3 «Надежда» (вид не из каталога): жалобы (стенды); пандус; two unrecognised lines. No plan of its own.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from nokrules import Engine
from nokrules.core.model import ProtocolInstitution
from nokrules.protocols.summary import (
    BatchResult,
    RegionalSummary,
    Sharing,
    Totals,
    extract_plan,
    render_html,
    render_markdown,
    summarize,
)

from .conftest import MINI

D = date(2027, 1, 15)
VETERAN = "ГБУ «Дом-интернат „Ветеран“»"
KCSON = "КЦСОН Северного района"
NADEZHDA = "Приют «Надежда»"
RENOVATE = "Реконструировать входную группу (пандус и поручни)"
RAMP = "Установить пандус у входа"

ENTRIES = [
    (
        ProtocolInstitution(
            number=1,
            name=VETERAN,
            kind="дома-интернаты",
            score=80.5,
            rank=2,
            findings="- нет пандуса\n- нет порядка подачи жалоб на сайте\n- грубый охранник\n"
            "- частично оборудована входная зона (нет поручней и пандуса)",
            human_plan=["Разместить на сайте порядок подачи жалоб", "Провести собрание коллектива"],
        ),
        "care_home",
        "01 Дом-интернат.md",
    ),
    (
        ProtocolInstitution(
            number=2,
            name=KCSON,
            kind="Центры социального обслуживания населения",
            score=92,
            rank=1,
            findings="- нет пандуса\n- отсутствует раздел «Часто задаваемые вопросы»\n- укомплектована кадрами на 40 %",
            human_plan=["Установить пандус", "Создать раздел «Часто задаваемые вопросы» на сайте", "Укомплектовать штат"],
        ),
        "kcson",
        "02-kcson.md",
    ),
    (
        ProtocolInstitution(
            number=3,
            name=NADEZHDA,
            kind="Специальный дом",
            findings="- нет порядка подачи жалоб на стендах\n- нет пандуса\n- плохая еда\n- температура в коридорах < 18 °C",
        ),
        None,
        "03-nadezhda.md",
    ),
]


@pytest.fixture(scope="module")
def results(mini: Engine) -> list[BatchResult]:
    assert mini.catalog.root == str(MINI)
    out = []
    for entry, kind_id, file in ENTRIES:
        plan = mini.draft_plan(entry.findings, mini.institution(entry.name, kind_id), date=D)
        out.append(BatchResult(entry=entry, plan=plan, file=file, kind_id=kind_id))
    return out


@pytest.fixture(scope="module")
def summary(mini: Engine, results: list[BatchResult]) -> RegionalSummary:
    return summarize(mini, results)


# ---------------------------------------------------------------- Recognizer.mentions


def test_mentions_needs_no_cue_word(mini: Engine) -> None:
    assert mini.recognizer.mentions("разместить порядок подачи жалоб на сайте") == ["complaint_procedure_missing"]
    assert mini.recognizer.mentions("разместить информацию о порядке подачи жалобы на сайте") == ["complaint_procedure_missing"]
    assert mini.recognizer.mentions("установить пандус") == ["ramp_missing"]
    assert mini.recognizer.mentions("провести собрание") == []


def test_mentions_lists_every_deficiency_in_catalog_order(mini: Engine) -> None:
    assert mini.recognizer.mentions("установить поручни и пандус") == ["ramp_missing", "handrails_missing"]


def test_mentions_leaves_recognition_unchanged(mini: Engine) -> None:
    # the same positive statement is still not a finding
    assert mini.recognize(mini.findings("порядок подачи жалоб размещён на сайте")) == []


# ---------------------------------------------------------------- numbers


def test_counts_add_up(summary: RegionalSummary) -> None:
    assert summary.totals == Totals(
        institutions=3, findings=11, recognised=8, unrecognised=3, deficiencies=9, measures=9, manual=0
    )
    assert summary.consistent
    assert summary.catalog_version == "1.0.0"


def test_institutions_sorted_by_findings_then_name(summary: RegionalSummary) -> None:
    rows = [(r.number, r.name, r.findings, r.measures, r.unrecognised, r.file) for r in summary.institutions]
    assert rows == [
        (1, VETERAN, 4, 3, 1, "01 Дом-интернат.md"),  # renovate_entrance, install_ramp, publish_complaint_procedure
        (3, NADEZHDA, 4, 2, 2, "03-nadezhda.md"),
        (2, KCSON, 3, 4, 0, "02-kcson.md"),  # call button, FAQ, urgent recruiting, monitoring
    ]
    assert [(r.kind, r.score, r.rank) for r in summary.institutions] == [
        ("Дом-интернат для престарелых и инвалидов", 80.5, 2),
        ("Специальный дом", None, None),
        ("Комплексный центр социального обслуживания населения", 92.0, 1),
    ]


def test_deficiencies_by_indicator_and_section(summary: RegionalSummary) -> None:
    assert [i.id for i in summary.indicators] == [f"{c}.{k}" for c in range(1, 6) for k in range(1, 4)]
    nonzero = {i.id: (i.deficiencies, i.institutions) for i in summary.indicators if i.deficiencies}
    assert nonzero == {"1.1": (2, 2), "1.2": (1, 1), "3.1": (5, 3), "4.2": (1, 1)}
    assert summary.indicators[6].title.startswith("Оборудование помещений организации")
    assert [(s.section, s.deficiencies, s.institutions) for s in summary.sections] == [
        ("I", 3, 3),
        ("II", 0, 0),
        ("III", 5, 3),
        ("IV", 1, 1),
        ("V", 0, 0),
    ]


def test_by_kind_catalog_titles_first_then_as_written(summary: RegionalSummary) -> None:
    assert [(k.title, k.known, k.institutions, k.findings, k.deficiencies, k.measures) for k in summary.kinds] == [
        ("Дом-интернат для престарелых и инвалидов", True, 1, 4, 4, 3),
        ("Комплексный центр социального обслуживания населения", True, 1, 3, 3, 4),
        ("Специальный дом", False, 1, 4, 2, 2),
    ]


def test_most_frequent_deficiencies(summary: RegionalSummary) -> None:
    top = summary.frequent[0]
    assert (top.id, top.title, top.indicator, top.institutions, top.share, top.occurrences) == (
        "ramp_missing",
        "Нет пандуса",
        "3.1",
        3,
        1.0,
        4,
    )
    # ties (one institution each) are ordered by indicator
    assert [(f.id, f.institutions) for f in summary.frequent] == [
        ("ramp_missing", 3),
        ("complaint_procedure_missing", 2),
        ("faq_missing", 1),
        ("handrails_missing", 1),
        ("staffing_shortage", 1),
    ]
    assert summary.frequent[1].share == pytest.approx(2 / 3)


def test_unrecognised_lines(summary: RegionalSummary) -> None:
    assert [(u.institution, u.line, u.text) for u in summary.unrecognised] == [
        (VETERAN, 3, "грубый охранник"),
        (NADEZHDA, 3, "плохая еда"),
        (NADEZHDA, 4, "температура в коридорах < 18 °C"),
    ]
    for u in summary.unrecognised:
        assert u.suggestion is None  # nothing in the mini catalog is close enough to these lines to suggest


def test_uncovered_findings_of_institutions_with_their_own_plan(summary: RegionalSummary) -> None:
    assert [(c.institution, c.human_lines, c.recognised, c.covered) for c in summary.comparisons] == [
        (VETERAN, 2, 3, 1),
        (KCSON, 3, 3, 3),
    ]
    veteran = summary.comparisons[0]
    assert [(u.line, u.text, list(u.deficiencies), list(u.measures)) for u in veteran.uncovered] == [
        (1, "нет пандуса", ["Нет пандуса"], [RENOVATE, RAMP]),
        (
            4,
            "частично оборудована входная зона (нет поручней и пандуса)",
            ["Нет пандуса", "Нет поручней"],
            [RENOVATE, RAMP],
        ),
    ]
    assert summary.comparisons[1].uncovered == ()


def test_empty_batch(mini: Engine) -> None:
    s = summarize(mini, [])
    assert s.totals == Totals(0, 0, 0, 0, 0, 0, 0)
    assert s.consistent and s.frequent == () and s.comparisons == ()
    assert "Учреждений: 0" in render_markdown(s)
    assert "<svg" in render_html(s)


# ---------------------------------------------------------------- Markdown


def test_markdown(summary: RegionalSummary) -> None:
    md = render_markdown(summary)
    assert md.startswith("# Сводка по результатам независимой оценки качества условий оказания услуг\n")
    assert "- Находок (строк с недостатками): 11\n  - распознано: 8\n  - не распознано: 3\n" in md
    assert (
        "**Проверка: находок 11 = распознанных 8 + нераспознанных 3; недостатков 9 = сумма по показателям 9 "
        "= сумма по разделам 9 = сумма по видам 9 — сходится.**"
    ) in md
    assert (
        "| 1 | [ГБУ «Дом-интернат „Ветеран“»](<01 Дом-интернат.md>) | Дом-интернат для престарелых и инвалидов "
        "| 80,5 | 2 | 4 | 3 | 1 |"
    ) in md
    assert "| 3.1 | Оборудование помещений организации" in md and "инвалидов | 5 | 3 |" in md
    assert "| 1 | Нет пандуса | 3.1 | 3 | 100,0 % |" in md  # titles, no ids
    assert "| 2 | Нет порядка подачи жалоб | 1.1 | 2 | 66,7 % |" in md
    assert "| Специальный дом (не из каталога) | 1 | 4 | 2 | 2 |" in md
    assert f"| 1 | нет пандуса | Нет пандуса | {RENOVATE}<br>{RAMP} |" in md
    # every compared institution once in a table; the explanation of a fully covered one is said once
    assert "| [ГБУ «Дом-интернат „Ветеран“»](<01 Дом-интернат.md>) | 2 | 3 | 2 |" in md
    assert md.count("«0» в последней графе: каждая распознанная находка учреждения имеет мероприятие в его плане.") == 1
    assert "### ГБУ «Дом-интернат „Ветеран“»: распознанных находок без мероприятия — 2 из 3" in md
    assert "`" not in md and "ramp_missing" not in md and "Стр." not in md and "nokrules" not in md
    assert "| строка | Находка |" in md


# ---------------------------------------------------------------- HTML


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tables = self.captions = 0
        self.th_without_scope = 0
        self.hrefs: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tables += tag == "table"
        self.captions += tag == "caption"
        self.th_without_scope += tag == "th" and "scope" not in a
        if tag == "a":
            self.hrefs.append(a.get("href") or "")
        if tag not in {"meta", "br", "path", "use", "col"}:  # void / self-closed SVG elements
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> after {self.stack[-3:]}")
            return
        self.stack.pop()


def test_html_is_standalone_accessible_and_escaped(summary: RegionalSummary) -> None:
    page = render_html(summary)
    assert page.startswith('<!DOCTYPE html>\n<html lang="ru">\n')
    assert "<style>" in page and "<link" not in page and "<script" not in page
    # the chart is inline SVG: no external file, no network
    assert page.count("<svg") == 1 and "<?xml" not in page
    assert "src=" not in page and 'href="http' not in page
    assert '<svg role="img" aria-label="Недостатки по показателям НОК: 1.1 — 2; 1.2 — 1;' in page
    tags = _Tags()
    tags.feed(page)
    assert tags.errors == [] and tags.stack == []
    # institutions, indicators, sections, kinds, most frequent, unrecognised, and «Ветеран»'s uncovered findings
    assert tags.tables == tags.captions == 8
    assert tags.th_without_scope == 0
    # plan links are relative and percent-encoded
    assert "01%20%D0%94%D0%BE%D0%BC-%D0%B8%D0%BD%D1%82%D0%B5%D1%80%D0%BD%D0%B0%D1%82.md" in tags.hrefs
    assert "температура в коридорах &lt; 18 °C" in page and "< 18" not in page
    assert '<a href="01%20%D0%94' in page and f">{VETERAN}</a>" in page


def test_rendering_is_deterministic(mini: Engine, results: list[BatchResult]) -> None:
    a, b = summarize(mini, results), summarize(mini, list(results))
    assert a == b
    assert render_html(a).encode() == render_html(b).encode()
    assert render_markdown(a).encode() == render_markdown(b).encode()


def test_extracts_kept_by_a_batch_share_what_repeats_and_sum_up_the_same(mini: Engine, results: list[BatchResult]) -> None:
    import pickle

    share = Sharing()
    # as they come back from a worker: each pickled apart, so nothing is shared to begin with
    kept = [share(pickle.loads(pickle.dumps(extract_plan(mini, r)))) for r in [*results, *results]]
    assert kept[:3] == [extract_plan(mini, r) for r in results]  # equal, field by field
    assert kept[0].entry == (VETERAN, "дома-интернаты", 1, 80.5, 2, 1)
    ramp = next(f for f in kept[0].findings if f[1] == ("ramp_missing",))
    again = next(f for f in kept[3].findings if f[1] == ("ramp_missing",))
    assert ramp is again  # one finding's (line, ids), held once for both institutions
    assert summarize(mini, kept[:3]) == summarize(mini, results)
