"""What a filed plan document needs beyond the Plan: the form's layout, the plan year, who approves it,
and indicator titles (for forms with a column of indicators). Built by the CLI from options and profile."""

from __future__ import annotations

from dataclasses import dataclass, field

from nokrules.core.model import Approver, Catalog, Plan
from nokrules.documents.layout import Layout, load_layout

DOCUMENTS = ("docx", "xlsx", "html")  # formats rendered in a form's layout (the others need only the Plan)
APPROVE = "УТВЕРЖДАЮ"
SIGNATURE = "_______________"
DATE_LINE = "«___» ____________ 20__ г."


@dataclass(frozen=True)
class DocContext:
    layout: Layout
    year: int
    approver: Approver = field(default_factory=Approver)
    founder: str = ""
    indicator_titles: dict[str, str] = field(default_factory=dict)
    appendix: bool = False  # DOCX: the scores table as an appendix, when the plan has scores

    @classmethod
    def of(
        cls,
        plan: Plan,
        catalog: Catalog,
        form: str = "pp457",
        year: int | None = None,
        approver: Approver | None = None,
        founder: str = "",
        appendix: bool = False,
    ) -> DocContext:
        titles: dict[str, str] = {str(i.id): i.title for c in catalog.criteria for i in c.indicators}
        return cls(load_layout(form), year or plan.year, approver or Approver(), founder, titles, appendix)

    def approval_lines(self) -> list[str]:
        """The «УТВЕРЖДАЮ» block: position and name from the profile, else blank lines to fill by hand."""
        position = self.approver.position or "(должность руководителя органа-учредителя)"
        name = self.approver.name or "(Ф. И. О.)"
        return [APPROVE, position, f"{SIGNATURE} {name}", DATE_LINE]

    def year_line(self) -> str:
        return f"на {self.year} год"


def render_document(
    fmt: str,
    plan: Plan,
    catalog: Catalog,
    form: str = "pp457",
    year: int | None = None,
    approver: Approver | None = None,
    founder: str = "",
    appendix: bool = False,
) -> bytes:
    """A filed document (DOCX, XLSX, HTML) in the chosen form; each renderer is imported only when used.
    `appendix`: a DOCX ends with the table of scores, when the plan was drafted from them."""
    import importlib

    ctx = DocContext.of(plan, catalog, form, year, approver, founder, appendix)
    out = importlib.import_module(f"nokrules.documents.{fmt}").render(plan, ctx)
    return out if isinstance(out, bytes) else str(out).encode("utf-8")
