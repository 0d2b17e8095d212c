"""Recognition measured on a labelled corpus: how many findings are recognised, how many of the deficiencies
they name are found (recall), and how many found deficiencies are about something else.

The corpus is split once into a dev half (tune on it) and a held-out half (only measure): figures on the
held-out half are what the README reports. A finding is judged as a whole line, the way a user pastes it:
the core may cut it into several findings, and the union of their recognitions counts.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path

from pydantic import BaseModel

from nokrules.core.catalog import validate_list
from nokrules.core.engine import Engine
from nokrules.core.errors import CatalogError, InputError, Problem, SourceRef
from nokrules.core.model import CorpusItem, Recognition
from nokrules.core.yamlsrc import load_located


def corpus_files(paths: list[Path]) -> list[Path]:
    """YAML files named, or found (recursively, sorted) in the folders named."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.rglob("*.yaml")))
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{p}: нет такого файла или папки корпуса")
    if not out:
        raise InputError(f"{', '.join(map(str, paths))}: в корпусе нет ни одного файла .yaml")
    return out


def load_corpus(paths: list[Path]) -> list[tuple[CorpusItem, SourceRef]]:
    """Every labelled finding with where it stands; all problems of all files reported together."""
    out: list[tuple[CorpusItem, SourceRef]] = []
    problems: list[Problem] = []
    for path in corpus_files(paths):
        src = load_located(path, str(path), "corpus")
        out.extend((item, src.ref(pos)) for item, pos, _ in validate_list(src, CorpusItem, problems))
    if problems:
        raise CatalogError(problems)
    return out


class Miss(BaseModel):
    """One line the recogniser got wrong: what it should name and what it named."""

    where: str
    text: str
    expected: list[str]
    found: list[str]


class DeficiencyScore(BaseModel):
    id: str
    title: str
    expected: int  # lines that name it
    found: int  # of those, lines where it was found
    wrong: int  # lines where it was found but not named

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.wrong) if self.found + self.wrong else 1.0


class Evaluation(BaseModel):
    lines: int
    labelled: int  # lines that name at least one deficiency
    recognised: int  # labelled lines with at least one deficiency found
    named: int  # (line, deficiency) pairs the corpus expects
    found: int  # expected pairs found
    produced: int  # pairs the recogniser gave
    wrong: int  # pairs given that the line does not name
    negatives: int  # lines that name nothing
    negatives_clean: int  # of those, lines given nothing
    states: tuple[int, int] = (0, 0)  # lines of one found deficiency with a state label: (state right, all)
    places: tuple[int, int] = (0, 0)  # likewise for lines that name only one place
    by_deficiency: list[DeficiencyScore]
    by_style: dict[str, tuple[int, int]]  # style → (expected pairs, found)
    misses: list[Miss]
    set_aside: int = 0  # labelled findings the similarity stage learns from that were evaluated: it did not see them

    @property
    def recognised_share(self) -> float:
        return self.recognised / self.labelled if self.labelled else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.named if self.named else 1.0

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.produced if self.produced else 0.0


def recognise_line(engine: Engine, text: str) -> list[str]:
    """The deficiencies found in one pasted line, in catalog order (a line may be cut into several findings)."""
    return _ids(engine, engine.recognize(engine.findings(text)))


def _ids(engine: Engine, recs: list[Recognition]) -> list[str]:
    found = {r.deficiency for r in recs}
    return [d.id for d in engine.catalog.deficiencies if d.id in found]


def _said(item: CorpusItem, recs: list[Recognition]) -> tuple[str | None, list[str]] | None:
    """For a line naming one deficiency that was found: the state and places recognised with it."""
    if len(item.expect) != 1:
        return None
    mine = [r for r in recs if r.deficiency == item.expect[0]]
    if not mine:
        return None
    return mine[0].state, sorted({p for r in mine for p in r.places})


def unseen(engine: Engine, corpus: list[tuple[CorpusItem, SourceRef]]) -> tuple[Engine, int]:
    """An engine whose similarity stage has not learnt the lines about to be evaluated, and how many it had:
    a line that votes for itself would measure memory, not recognition. Evaluating corpus/dev, which the
    stage learns from, thus measures it on lines it has never seen, as corpus/heldout does."""
    texts = {item.text for item, _ in corpus}
    kept = [p for p in engine.catalog.phrasings if p.text not in texts]
    aside = len(engine.catalog.phrasings) - len(kept)
    return (Engine(engine.catalog.model_copy(update={"phrasings": kept})), aside) if aside else (engine, 0)


def evaluate(engine: Engine, corpus: list[tuple[CorpusItem, SourceRef]]) -> Evaluation:
    """Recognition of every labelled line against its labels, by an engine that did not learn those lines."""
    engine, aside = unseen(engine, corpus)
    per_expected: Counter[str] = Counter()
    per_found: Counter[str] = Counter()
    per_wrong: Counter[str] = Counter()
    styles: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[Miss] = []
    labelled = recognised = named = found = produced = wrong = negatives = clean = 0
    states, places = [0, 0], [0, 0]
    for item, ref in corpus:
        recs = engine.recognize(engine.findings(item.text))
        said = _said(item, recs) if item.state or item.places else None
        if said is not None and item.state:
            states[0] += said[0] == item.state
            states[1] += 1
        if said is not None and item.places:
            places[0] += said[1] == sorted(item.places)
            places[1] += 1
        expected = set(item.expect)
        got = _ids(engine, recs)
        hit = expected & set(got)
        extra = [d for d in got if d not in expected]
        named += len(expected)
        found += len(hit)
        produced += len(got)
        wrong += len(extra)
        styles[item.style][0] += len(expected)
        styles[item.style][1] += len(hit)
        per_expected.update(expected)
        per_found.update(hit)
        per_wrong.update(extra)
        if expected:
            labelled += 1
            recognised += bool(got)
        else:
            negatives += 1
            clean += not got
        if hit != expected or extra:
            misses.append(Miss(where=str(ref), text=item.text, expected=sorted(expected), found=got))
    order = {d.id: k for k, d in enumerate(engine.catalog.deficiencies)}
    ids = sorted(set(per_expected) | set(per_wrong), key=lambda d: (order.get(d, len(order)), d))
    titles = {d.id: d.title for d in engine.catalog.deficiencies}
    return Evaluation(
        lines=len(corpus), labelled=labelled, recognised=recognised, named=named, found=found, produced=produced,
        wrong=wrong, negatives=negatives, negatives_clean=clean, states=(states[0], states[1]), places=(places[0], places[1]),
        by_deficiency=[
            DeficiencyScore(id=d, title=titles.get(d, d), expected=per_expected[d], found=per_found[d], wrong=per_wrong[d])
            for d in ids
        ],
        by_style={s: (v[0], v[1]) for s, v in sorted(styles.items())},
        misses=misses,
        set_aside=aside,
    )


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %".replace(".", ",")


def render(ev: Evaluation, engine: Engine, show_misses: bool = True) -> str:
    """The evaluation as a Russian report: totals, then per deficiency, then the lines it got wrong."""
    out = [
        f"строк: {ev.lines}; с недостатками: {ev.labelled}; без недостатков: {ev.negatives}",
        f"распознано строк: {ev.recognised} из {ev.labelled} ({_pct(ev.recognised_share)})",
        f"найдено названных недостатков (полнота): {ev.found} из {ev.named} ({_pct(ev.recall)})",
        f"лишних недостатков (о другом): {ev.wrong} из {ev.produced} ({_pct(ev.wrong_share)})",
        f"строки без недостатков остались без них: {ev.negatives_clean} из {ev.negatives}",
        f"состояние предмета указано верно: {ev.states[0]} из {ev.states[1]}; место верно: {ev.places[0]} из {ev.places[1]}",
        *(
            [f"сходство проверено без этих строк: из размеченных находок, на которых оно учится, отложено {ev.set_aside}"]
            if ev.set_aside
            else []
        ),
        "",
        "По стилям (найдено из названных):",
    ]
    out += [f"  {style}: {f} из {n}" for style, (n, f) in ev.by_style.items()]
    out += ["", "По недостаткам (названо / найдено / лишних; полнота, точность):"]
    for s in ev.by_deficiency:
        out.append(f"  {s.title[:90]}: {s.expected} / {s.found} / {s.wrong}; {_pct(s.recall)}, {_pct(s.precision)}")
    if show_misses and ev.misses:
        titles = {d.id: d.title for d in engine.catalog.deficiencies}

        def names(ids: list[str]) -> str:
            return "; ".join(f"«{titles.get(i, i)[:60]}»" for i in ids) or "ничего"

        out += ["", f"Ошибки ({len(ev.misses)}):"]
        for m in ev.misses:
            out += [f"  {m.where}: {m.text}", f"    ожидалось: {names(m.expected)}", f"    найдено: {names(m.found)}"]
    return "\n".join(out) + "\n"


def default_corpus(root: str | os.PathLike[str]) -> Path:
    return Path(root) / "corpus"
