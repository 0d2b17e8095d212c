"""NOK312: the labelled findings the similarity stage learns from contradict the catalog or each other."""

from __future__ import annotations

from collections.abc import Iterator

from nokrules.core.errors import SourceRef
from nokrules.curate.lint.base import Check, Context, Message


def _ref(where: str) -> SourceRef:
    file, _, line = where.rpartition(":")
    return SourceRef(file, int(line), 3, "expect")


class PhrasingContradicts(Check):
    """Размеченная находка, на которой учится распознавание по сходству (папки ``learn_from`` в
    catalog/similarity.yaml), противоречит каталогу или другой такой же находке: она названа контрпримером
    недостатка, к которому отнесена, или тот же текст размечен в двух местах по-разному. Сходство тогда
    голосует само против себя, и решение зависит от того, какая строка окажется ближе.

    **Anti-pattern**: в corpus/dev строка «пандус есть, поручней нет» размечена ``[ramp_missing]``, а у
    ``ramp_missing`` она же стоит в ``counterexamples``.

    **Best practice**: решить, что значит строка, и разметить её одинаково везде: исправить ``expect`` или
    убрать строку из контрпримеров.
    """

    code, name, severity = "NOK312", "phrasing-contradicts", "error"

    def run(self, ctx: Context) -> Iterator[Message]:
        cat = ctx.catalog
        counter = {(text, d.id) for d in cat.deficiencies for text in d.counterexamples}
        first: dict[str, tuple[list[str], str]] = {}
        for p in cat.phrasings:
            for did in p.expect:
                if (p.text, did) in counter:
                    yield self.msg(_ref(p.where), f"«{p.text}» размечена как «{did}», а у этого недостатка она — контрпример")
            seen = first.setdefault(p.text, (sorted(p.expect), p.where))
            if seen[0] != sorted(p.expect):
                said = ", ".join(seen[0]) or "без недостатков"
                yield self.msg(_ref(p.where), f"«{p.text}» размечена иначе, чем в {seen[1]} ({said})")
