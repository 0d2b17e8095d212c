"""`nokrules batch`: every institution of one or more protocols → a plan file each, `unrecognized.csv`,
and the ministry's summary (summary.md, summary.html), with counts that must add up."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import click

from nokrules.cli.common import parse_date
from nokrules.core.engine import Engine
from nokrules.core.errors import CheckFailed, InputError, UsageError
from nokrules.core.model import Approver, ProtocolInstitution
from nokrules.documents.cells import csv_cell
from nokrules.documents.layout import report_date
from nokrules.documents.output import write_atomically
from nokrules.protocols.batch import (
    EXTENSIONS,
    REPORTS,
    BatchOptions,
    Failure,
    Job,
    Workers,
    file_names,
    leftover_temporaries,
)
from nokrules.protocols.summary import PlanExtract, RegionalSummary, render_html, render_markdown, summarize


def _tables(inputs: tuple[str, ...], columns: str | None) -> list[bool]:
    """Which inputs are scores tables rather than protocols: told apart by their columns, or by --columns."""
    from nokrules.protocols.readers.scores import load_column_map, looks_like_scores

    mapping = load_column_map(Path(columns)) if columns else None
    return [bool(mapping) or looks_like_scores(Path(name).read_bytes(), name) for name in inputs]


def _read(inputs: tuple[str, ...], tables: list[bool], engine: Engine, columns: str | None) -> list[ProtocolInstitution]:
    """Protocols and scores tables (`tables`: which is which) → every institution."""
    from nokrules.protocols.readers import read_protocol
    from nokrules.protocols.readers.scores import read_scores_file

    entries: list[ProtocolInstitution] = []
    for name, table in zip(inputs, tables, strict=True):
        path = Path(name)
        if table:
            entries.extend(read_scores_file(path, engine.catalog.scores, Path(columns) if columns else None))
        else:
            entries.extend(read_protocol(path).institutions)
    if not entries:
        raise InputError("во входных файлах не найдено ни одного учреждения")
    return entries


def _unrecognized_csv(extracts: list[PlanExtract]) -> bytes:
    """institution; line; text; suggestions — UTF-8 with BOM and «;», as Russian Excel opens it, every text cell
    kept inert (`csv_cell`: a finding beginning with «=» is not a formula). The line is
    the one in the institution's plan file; «начало в протоколе» is where its findings start in the source."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["учреждение", "файл плана", "строка", "текст", "похожие недостатки (сходство)", "начало в протоколе"])
    for d in extracts:
        for line, text, suggestions in d.unrecognised:
            w.writerow(map(csv_cell, [d.entry.name, d.file, line, text, "; ".join(suggestions), d.entry.findings_line]))
    return buf.getvalue().encode("utf-8-sig")


def _institutions_csv(summary: RegionalSummary) -> bytes:
    """Every institution with its counts (the summary lists the first 1000 of a national run)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["№", "учреждение", "вид", "балл", "место", "находок", "распознано", "не распознано", "мероприятий", "файл плана"]
               + (["итог по баллам", "К1", "К2", "К3", "К4", "К5"] if summary.scores else []))
    scored = {x.file: x for x in summary.scores.ranking} if summary.scores else {}
    for r in summary.institutions:
        got = scored.get(r.file)
        extra = [] if not summary.scores else ["", "", "", "", "", ""] if got is None else [
            _num(got.total), *(_num(x) for x in got.criteria)
        ]
        w.writerow(
            [
                "" if r.number is None else r.number,
                csv_cell(r.name),  # the texts of the protocol; the rest are numbers nokrules wrote
                csv_cell(r.kind),
                "" if r.score is None else r.score,
                "" if r.rank is None else r.rank,
                r.findings,
                r.recognised,
                r.unrecognised,
                r.measures,
                csv_cell(r.file),
                *extra,
            ]
        )
    return buf.getvalue().encode("utf-8-sig")


def _num(x: float | None) -> str:
    """A score as Russian Excel reads it: «87,79»; empty when not assessed."""
    return "" if x is None else f"{x:g}".replace(".", ",")


@click.command(name="batch")
@click.argument("inputs", nargs=-1, required=True, metavar="ПРОТОКОЛ…")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="папка для планов и сводки")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(EXTENSIONS)),
    default="html",  # the summary links each institution to its plan: a page a person reads, not JSON
    show_default=True,
    help="формат файлов планов (json — для программ и национального прогона)",
)
@click.option("--date", "plan_date", help="дата планов ГГГГ-ММ-ДД (по умолчанию сегодня)")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="число процессов")
@click.option("--force", is_flag=True, help="перезаписывать существующие файлы")
@click.option(
    "--form", default="pp457", show_default=True, help="форма документа для docx/html: pp457, vladimir2019 или путь к YAML"
)
@click.option("--year", type=click.IntRange(2000, 2100), help="год для строки «на 20__ год»")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
@click.option(
    "--columns", "columns_file", type=click.Path(dir_okay=False), help="файл соответствия столбцов таблицы баллов (YAML)"
)
@click.option("--founder", default="", help="учредитель: строка над заголовком каждого плана (docx, xlsx, html)")
@click.option(
    "--approver",
    "approver_position",
    default="",
    help="должность руководителя органа-учредителя, утверждающего планы (блок «УТВЕРЖДАЮ»)",
)
@click.option("--approver-name", default="", help="его Ф. И. О. (без него — строка для подписи)")
def command(
    inputs: tuple[str, ...],
    out_dir: str,
    fmt: str,
    plan_date: str | None,
    jobs: int,
    force: bool,
    form: str,
    year: int | None,
    catalog_dir: str | None,
    columns_file: str | None,
    founder: str,
    approver_position: str,
    approver_name: str,
) -> None:
    """Протоколы НОК (текст, DOCX, CSV, XLSX, YAML, JSON) или таблицы баллов (чек-лист и опрос) → план для
    каждого учреждения и сводка для министерства."""
    when = parse_date(plan_date)
    for name in inputs:  # before any worker starts
        if Path(name).is_dir():
            raise InputError(f"{name}: это папка, а нужен файл протокола")
        if not Path(name).exists():
            raise InputError(f"{name}: файл не найден")
    # the catalog is loaded here first: a broken one fails now with its message, not in every worker
    engine = Engine.load(catalog_dir, on_demand=True)  # its recognizer only if the summary reads an own plan's text
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: это файл, а нужна папка")
    tables = _tables(inputs, columns_file)
    options = BatchOptions(
        catalog_dir,
        str(out),
        fmt,
        when,
        form,
        year,
        Approver(position=approver_position, name=approver_name),
        founder,
        report_date(form),
        text=not all(tables),  # a protocol: the workers build their recognizers while it is read
    )

    from tqdm import tqdm

    try:
        with Workers(options, jobs) as workers:  # they load their engines while the protocol is being read
            entries = _read(inputs, tables, engine, columns_file)
            out.mkdir(parents=True, exist_ok=True)
            names = file_names(entries, EXTENSIONS[fmt])
            taken = [n for n in [*names, *REPORTS] if (out / n).exists()]
            if taken and not force:
                more = f" и ещё {len(taken) - 5}" if len(taken) > 5 else ""
                raise UsageError(f"в {out} уже есть {', '.join(taken[:5])}{more}; чтобы перезаписать, добавьте --force")
            job_list = [Job(i, e, n) for i, (e, n) in enumerate(zip(entries, names, strict=True))]
            del entries  # the jobs hold them now, and run() lets each go once it is drafted
            bar = tqdm(total=len(job_list), unit="учр.", desc="планы", disable=not sys.stderr.isatty(), leave=False)
            try:
                outcomes = workers.run(job_list, progress=bar.update)
            finally:
                bar.close()
    except BaseException:  # Ctrl-C, a crashed worker: the workers are stopped by now, nothing writes any more,
        if out.is_dir():  # and a worker killed mid-write may have left its temporary file
            for tmp in leftover_temporaries(out):
                tmp.unlink(missing_ok=True)
        raise
    extracts = [o for o in outcomes if isinstance(o, PlanExtract)]
    failures = [o for o in outcomes if isinstance(o, Failure)]
    write_atomically(out / "unrecognized.csv", _unrecognized_csv(extracts))
    summary = summarize(engine, extracts)
    write_atomically(out / "institutions.csv", _institutions_csv(summary))
    write_atomically(out / "summary.md", render_markdown(summary).encode("utf-8"))
    write_atomically(out / "summary.html", render_html(summary).encode("utf-8"))
    t = summary.totals
    click.echo(
        f"учреждений: {t.institutions}; недостатков: {t.findings} (распознано {t.recognised}, не распознано {t.unrecognised}); "
        f"мероприятий в планах: {t.measures}; файлы в {out}"
    )
    if not summary.consistent or t.findings != t.recognised + t.unrecognised:
        raise CheckFailed("счёт в сводке не сходится: это ошибка nokrules, сообщите разработчикам")
    if failures:
        for f in failures:
            click.echo(f"nokrules: план не составлен: {f.message}", err=True)
        raise CheckFailed(
            f"планы {len(failures)} из {len(outcomes)} учреждений не составлены (причины выше); остальные планы и сводка записаны"
        )
