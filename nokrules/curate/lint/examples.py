"""NOK203, NOK204, NOK205, NOK308: the phrasings kept beside each deficiency, recognised as the curator
says. Decided by the shared catalog suite (nokrules.curate.catalog_checks), which `nokrules test` and
pytest run too; here are their codes and what to write instead."""

from __future__ import annotations

from nokrules.curate.catalog_checks import AMBIGUOUS_EXAMPLE, COUNTEREXAMPLE_RECOGNISED, EXAMPLE_NOT_RECOGNISED, NO_EXAMPLES
from nokrules.curate.lint.base import SuiteCheck


class ExampleNotRecognised(SuiteCheck):
    """Пример формулировки не распознаётся как свой недостаток.

    **Anti-pattern**: шаблон ``all: [пандус]`` и пример «вход не оборудован подъёмной платформой».

    **Best practice**: каждому способу сказать о недостатке — свой шаблон (``any: [пандус, подъёмный платформа]``),
    а пример — дословно из протокола.
    """

    code, name, severity = EXAMPLE_NOT_RECOGNISED


class CounterexampleRecognised(SuiteCheck):
    """Контрпример распознаётся как недостаток, для которого он записан как «не считается».

    **Anti-pattern**: шаблон ``any: [жалоба]`` и контрпример «порядок подачи жалоб размещён на сайте».

    **Best practice**: сузить шаблон (``none: [размещён]``) или положиться на слова-сигналы (``cue: true``).
    """

    code, name, severity = COUNTEREXAMPLE_RECOGNISED


class DeficiencyWithoutExamples(SuiteCheck):
    """У недостатка нет ни одного примера формулировки: его шаблоны ничем не проверены.

    **Anti-pattern**: новый недостаток с ``patterns``, но без ``examples``.

    **Best practice**: хотя бы один пример — дословно из протокола; к спорным словам — ``counterexamples``.
    """

    code, name, severity = NO_EXAMPLES


class AmbiguousExample(SuiteCheck):
    """Пример распознаётся и как другой недостаток.

    **Anti-pattern**: пример «нет поручней у пандуса» у недостатка ``handrails_missing`` даёт ещё и ``ramp_missing``.

    **Best practice**: если в примере действительно два недостатка — выбрать пример без второго; если нет —
    сузить шаблон другого недостатка (``none``) или объявить ``unless``.
    """

    code, name, severity = AMBIGUOUS_EXAMPLE
