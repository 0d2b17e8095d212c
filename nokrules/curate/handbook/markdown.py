"""The handbook as Markdown: `render_markdown` and the escaping of catalog text."""

from __future__ import annotations

import re

from nokrules.core.model import Catalog
from nokrules.curate.handbook.outline import NO_DEFICIENCIES, NO_RULES, TITLE, UNUSED, MeasureView, outline

MD_SPECIAL = re.compile(r"[\\`*\[\]]|<(?=[A-Za-z/!?])|(?<!\w)_|_(?!\w)")
MD_LEADING = re.compile(r"^(?:>|[+-](?=\s|$)|#+(?=\s|$)|\d+(?=[.)](?:\s|$)))")


def _md(s: str) -> str:
    """Catalog text as literal Markdown: only what would turn into markup is escaped, so the source stays readable."""
    out = MD_SPECIAL.sub(r"\\\g<0>", s.replace("\n", " "))
    return MD_LEADING.sub(lambda m: m.group(0) + "\\" if m.group(0)[0].isdigit() else "\\" + m.group(0), out)


def _md_measures(ms: list[MeasureView]) -> list[str]:
    out = []
    for i, m in enumerate(ms, 1):
        out.append(f"{i}. {_md(m.text)} (`{m.id}`)")
        out += [f"   - {label}: {_md(value)}" for label, value in m.fields]
    return out


def render_markdown(catalog: Catalog) -> str:
    """The handbook as Markdown (CommonMark): headings # title, ## section, ### indicator, #### deficiency."""
    o = outline(catalog)
    out = [f"# {TITLE}", "", *(f"**{k}:** {_md(v)}  " for k, v in o.meta), "", *(f"_{_md(n)}_\n" for n in o.notes)]
    for sec in o.sections:
        out += ["", f"## {_md(sec.heading)}", "", f"_Официальное наименование раздела:_ {_md(sec.title)}"]
        for ind in sec.indicators:
            out += ["", f"### {_md(ind.heading)}"]
            if not ind.deficiencies:
                out += ["", f"_{NO_DEFICIENCIES}._"]
            for d in ind.deficiencies:
                out += ["", f"#### {_md(d.title)} (`{d.id}`)"]
                if d.recognised:
                    out += ["", *(f"{_md(x)}.  " for x in d.recognised)]
                if d.examples:
                    out += ["", "Примеры формулировок:", "", *(f"- {_md(x)}" for x in d.examples)]
                if d.counterexamples:
                    out += ["", "Не считается недостатком:", "", *(f"- {_md(x)}" for x in d.counterexamples)]
                if not d.rules:
                    out += ["", f"_{NO_RULES}._"]
                for r in d.rules:
                    group = f", {_md(r.group)}" if r.group else ""
                    out += ["", f"**Правило `{r.id}`**{group}  ", *(f"{label.capitalize()}: {_md(v)}  " for label, v in r.lines)]
                    out += ["", *_md_measures(r.measures)]
    if o.unused:
        out += ["", f"## {UNUSED}", "", *_md_measures(o.unused)]
    return "\n".join(out) + "\n"
