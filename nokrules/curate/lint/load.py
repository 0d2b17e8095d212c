"""Problems the catalog loader itself finds; lint reports them under these codes."""

from __future__ import annotations

from nokrules.curate.lint.base import Check


class YamlSyntax(Check):
    """Файл каталога не читается как YAML.

    **Anti-pattern**: ``examples: [нет пандуса: у входа]`` — двоеточие с пробелом внутри значения без кавычек.

    **Best practice**: значения с двоеточием, кавычками «» в начале или символами ``#``, ``[``, ``{``
    заключать в кавычки: ``- "нет пандуса: у входа"``.
    """

    code, name, severity, at_load = "NOK001", "yaml-syntax", "error", True


class Schema(Check):
    """Запись не соответствует схеме: неизвестный ключ, не тот тип, недопустимое значение.

    **Anti-pattern**: ``respons: director`` (опечатка в ключе) или ``due: 2 месяца``.

    **Best practice**: ключи и значения — как в docs/catalog.md: ``responsible: director``, ``due: +2 months``.
    """

    code, name, severity, at_load = "NOK002", "schema", "error", True


class MissingFile(Check):
    """Нет обязательного файла каталога (catalog.yaml, criteria.yaml, kinds.yaml, roles.yaml).

    **Anti-pattern**: папка каталога без ``catalog/roles.yaml``.

    **Best practice**: начинать новый каталог с копии поставляемого и менять записи, а не удалять файлы.
    """

    code, name, severity, at_load = "NOK003", "missing-file", "error", True


class DuplicateId(Check):
    """Один и тот же id объявлен дважды (в одном или разных файлах).

    **Anti-pattern**: ``- id: publish_faq`` в ``measures/1-information.yaml`` и в ``measures/3-accessibility.yaml``.

    **Best practice**: один id — одна запись во всём каталоге; для варианта мероприятия — новый id
    (``publish_faq_easy_read``).
    """

    code, name, severity, at_load = "NOK101", "duplicate-id", "error", True


class UnknownReference(Check):
    """Ссылка на несуществующий недостаток, мероприятие, роль, показатель, группу или значение.

    **Anti-pattern**: ``then: [publish_fak]`` при мероприятии ``publish_faq``.

    **Best practice**: копировать id из каталога; ``nokrules catalog`` показывает все id справочника.
    """

    code, name, severity, at_load = "NOK102", "unknown-reference", "error", True


class MeasureOrder(Check):
    """``after`` не упорядочивает мероприятия: мероприятие следует само за собой, за постоянным
    мероприятием (или само постоянное), или мероприятия следуют друг за другом по кругу.

    **Anti-pattern**: ``after: [do_repair_works]`` у ``inspect_premises_and_estimate``, когда у
    ``do_repair_works`` уже ``after: [inspect_premises_and_estimate]``.

    **Best practice**: ``after`` — у работ, которые опираются на обследование, смету или проект
    (``do_repair_works: after: [inspect_premises_and_estimate]``); срок работ в плане тогда всегда позже.
    """

    code, name, severity, at_load = "NOK103", "measure-order", "error", True


LOAD = [YamlSyntax, Schema, MissingFile, DuplicateId, UnknownReference, MeasureOrder]
