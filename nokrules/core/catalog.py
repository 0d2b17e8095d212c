"""Load `catalog/` and `rules/` from a directory, validate them and cross-check every reference.

All problems are collected before failing, each with file, line, column and key path, so a curator fixes
a catalog in one pass instead of one error per run.
"""

from __future__ import annotations

import graphlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ValidationError

from nokrules.core.errors import CatalogError, Problem, SourceRef
from nokrules.core.lemmas import fold
from nokrules.core.messages import error_message
from nokrules.core.model import (
    Catalog,
    CorpusItem,
    Criterion,
    Deficiency,
    Form,
    Kind,
    Measure,
    Phrasing,
    Role,
    Rule,
    ScoresSpec,
    Settings,
    SimilaritySpec,
)
from nokrules.core.yamlsrc import Key, Located, load_located

Problems = list[Problem]

def default_root() -> Path:
    """The catalog folder used when none is named: $NOKRULES_CATALOG; else the copy a wheel ships inside the
    package (nokrules/default_catalog/, made by setup.py); else the checkout the package was imported from
    (a development install, where curators edit catalog/ and rules/ and each edit counts at once)."""
    env = os.environ.get("NOKRULES_CATALOG")
    if env:
        return Path(env)
    package = Path(__file__).resolve().parents[1]
    shipped = package / "default_catalog"
    return shipped if (shipped / "catalog").is_dir() else package.parent


def validate_model(model: type[BaseModel], data: Any, src: Located, base: Key, problems: Problems) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        for err in e.errors():
            loc = base + tuple(err["loc"])
            problems.append(Problem(src.ref(loc, at_key=err["type"] == "extra_forbidden"), error_message(err), "NOK002"))
        return None


def validate_list(
    src: Located, model: type[BaseModel], problems: Problems, key: str | None = None, siblings: tuple[str, ...] = ()
) -> list[tuple[Any, Key, Located]]:
    """Validate a file holding a list of entries (or a mapping with the list under `key`)."""
    data, base = src.data, cast(Key, ())
    if key is not None:
        if not isinstance(data, dict) or key not in data:
            problems.append(Problem(src.ref(()), f"ожидался ключ «{key}» со списком", "NOK002"))
            return []
        for k in sorted(set(data) - {key, *siblings}, key=str):
            unknown = error_message({"type": "extra_forbidden", "loc": (k,)})
            problems.append(Problem(src.ref((k,), at_key=True), unknown, "NOK002"))
        data, base = data[key], (key,)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(src.ref(base), "ожидался список записей (каждая начинается с «- »)", "NOK002"))
        return []
    out: list[tuple[Any, Key, Located]] = []
    for i, entry in enumerate(data):
        obj = validate_model(model, entry, src, base + (i,), problems)
        if obj is not None:
            out.append((obj, base + (i,), src))
    return out


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if not p.name.endswith(".test.yaml")) if folder.is_dir() else []


class Sources:
    """Where each catalog entry was written: ("deficiency" | "measure" | "rule" | "kind", id) → file and key path;
    ("scores", "scores.yaml") → catalog/scores.yaml."""

    def __init__(self) -> None:
        self._at: dict[tuple[str, str], tuple[Located, Key]] = {}

    def add(self, what: str, id: str, src: Located, path: Key) -> None:
        self._at.setdefault((what, id), (src, path))

    def ref(self, what: str, id: str, *sub: str | int) -> SourceRef | None:
        got = self._at.get((what, id))
        if got is None:
            return None
        src, path = got
        return src.ref(path + tuple(sub))


def name_key(name: str) -> str:
    """How a kind or form name is compared: case, «ё»/«е» and the spaces around it do not count."""
    return fold(name.strip())


class Names:
    """Kind and form names → ids: the one lookup for rules, profiles, protocols, the web form and the CLI.

    A kind is named by its id, title or an alias, a form by its id or title; when two kinds share a name,
    the first kind listed wins.
    """

    def __init__(self, kinds: Iterable[Kind], forms: Iterable[Form]):
        self._kinds: dict[str, str] = {}
        self._forms: dict[str, str] = {}
        for k in kinds:
            for name in (k.id, k.title, *k.aliases):
                self._kinds.setdefault(name_key(name), k.id)
        for f in forms:
            for name in (f.id, f.title):
                self._forms.setdefault(name_key(name), f.id)

    def kind(self, name: str) -> str | None:
        return self._kinds.get(name_key(name))

    def form(self, name: str) -> str | None:
        return self._forms.get(name_key(name))


def load_catalog(root: str | os.PathLike[str] | None = None) -> Catalog:
    """Load and cross-check the catalog under `root` (a folder with catalog/ and rules/)."""
    return load_catalog_with_sources(root)[0]


def load_catalog_with_sources(root: str | os.PathLike[str] | None = None) -> tuple[Catalog, Sources]:
    """Like load_catalog, and also where every entry stands, for messages that point into the YAML.
    Three passes, each raising with every problem it found: read the files, validate each entry, then
    cross-check the references between entries."""
    base = Path(root) if root is not None else default_root()
    if not (base / "catalog").is_dir():
        raise CatalogError(
            [Problem(None, f"в папке «{base}» нет подпапки catalog/ (ожидалась папка каталога с catalog/ и rules/)", "NOK003")]
        )
    entries = _validate(base, _read_singles(base))
    rules = _cross_check(entries)
    catalog = Catalog(
        root=str(base),
        settings=entries.settings,
        criteria=entries.criteria,
        forms=entries.forms,
        kinds=[k for k, _, _ in entries.kinds],
        roles=entries.roles,
        deficiencies=[d for d, _, _ in entries.deficiencies],
        measures=[m for m, _, _ in entries.measures],
        rules=rules,
        scores=entries.scores,
        similarity=entries.similarity,
        phrasings=[Phrasing(text=i.text, expect=i.expect, where=_line_of(src, path)) for i, path, src in entries.phrasings],
    )
    return catalog, entries.sources()


Entries = list[tuple[Any, Key, Located]]  # validated entries with where each stands
SINGLES = ("catalog.yaml", "criteria.yaml", "kinds.yaml", "roles.yaml")
SCORES = "scores.yaml"
SIMILARITY = "similarity.yaml"


@dataclass
class _Validated:
    """Every entry of the catalog, each valid on its own; references between them not yet checked."""

    settings: Settings
    criteria: list[Criterion]
    forms: list[Form]
    kinds: Entries
    roles: list[Role]
    deficiencies: Entries
    measures: Entries
    rules: Entries
    scores: ScoresSpec | None = None
    scores_src: Located | None = None
    similarity: SimilaritySpec | None = None
    similarity_src: Located | None = None
    phrasings: Entries = field(default_factory=list)  # CorpusItem entries of the similarity stage's folders

    def sources(self) -> Sources:
        sources = Sources()
        by_what: list[tuple[str, Entries]] = [
            ("deficiency", self.deficiencies),
            ("measure", self.measures),
            ("rule", self.rules),
            ("kind", self.kinds),
        ]
        for what, entries in by_what:
            for obj, path, src in entries:
                sources.add(what, obj.id, src, path)
        if self.scores_src is not None:
            sources.add("scores", SCORES, self.scores_src, ())
        return sources


def _read(base: Path, paths: list[Path], problems: Problems) -> list[Located]:
    """The files that parse as YAML; the others' problems go to `problems`."""
    out = []
    for path in paths:
        folder = path.parent.name
        root_name = folder if folder in ("rules", "deficiencies", "measures") else ""  # shown before list indexes: rules[3]
        try:
            out.append(load_located(path, path.relative_to(base).as_posix(), root_name))
        except CatalogError as e:
            problems.extend(e.problems)
    return out


def _read_singles(base: Path) -> dict[str, Located]:
    """catalog/catalog.yaml, criteria.yaml, kinds.yaml and roles.yaml: without any of them nothing else can be checked."""
    problems: Problems = []
    singles = {}
    for name in SINGLES:
        path = base / "catalog" / name
        if not path.is_file():
            problems.append(Problem(None, f"нет файла catalog/{name}", "NOK003"))
            continue
        got = _read(base, [path], problems)
        if got:
            singles[name] = got[0]
    if problems:
        raise CatalogError(problems)
    return singles


def _validate(base: Path, singles: dict[str, Located]) -> _Validated:
    problems: Problems = []

    def listed(folder: Path, model: type[BaseModel]) -> Entries:
        return [x for src in _read(base, _yaml_files(folder), problems) for x in validate_list(src, model, problems)]

    settings = validate_model(Settings, singles["catalog.yaml"].data, singles["catalog.yaml"], (), problems)
    criteria = [c for c, _, _ in validate_list(singles["criteria.yaml"], Criterion, problems, "criteria")]
    kinds_src = singles["kinds.yaml"]
    forms = [f for f, _, _ in validate_list(kinds_src, Form, problems, "forms", ("kinds",))]
    kinds = validate_list(kinds_src, Kind, problems, "kinds", ("forms",))
    roles = [r for r, _, _ in validate_list(singles["roles.yaml"], Role, problems, "roles")]
    deficiencies = listed(base / "catalog" / "deficiencies", Deficiency)
    measures = listed(base / "catalog" / "measures", Measure)
    rules = listed(base / "rules", Rule)
    scores, scores_src = None, None
    scores_path = base / "catalog" / SCORES
    if scores_path.is_file():  # optional: a catalog without it drafts plans from text only
        got = _read(base, [scores_path], problems)
        if got:
            scores_src = got[0]
            scores = validate_model(ScoresSpec, scores_src.data, scores_src, (), problems)
    similarity, similarity_src, phrasings = _read_similarity(base, problems)
    if problems or settings is None:
        raise CatalogError(problems)
    return _Validated(
        settings,
        criteria,
        forms,
        kinds,
        roles,
        deficiencies,
        measures,
        rules,
        scores,
        scores_src,
        similarity,
        similarity_src,
        phrasings,
    )


def _line_of(src: Located, path: Key) -> str:
    ref = src.ref(path)
    return f"{ref.file}:{ref.line}"


def _read_similarity(base: Path, problems: Problems) -> tuple[SimilaritySpec | None, Located | None, Entries]:
    """catalog/similarity.yaml (optional: without it recognition is patterns and concepts only) and the labelled
    findings of its `learn_from` folders, each a corpus file of the same form as corpus/dev."""
    path = base / "catalog" / SIMILARITY
    if not path.is_file():
        return None, None, []
    got = _read(base, [path], problems)
    if not got:
        return None, None, []
    spec = validate_model(SimilaritySpec, got[0].data, got[0], (), problems)
    if spec is None:
        return None, got[0], []
    phrasings: Entries = []
    for j, folder in enumerate(spec.learn_from):
        files = _yaml_files(base / folder)
        if not files:
            msg = f"в папке «{folder}» нет размеченных находок (*.yaml), а similarity.yaml учится на ней"
            problems.append(Problem(got[0].ref(("learn_from", j)), msg, "NOK102"))
        phrasings += [x for src in _read(base, files, problems) for x in validate_list(src, CorpusItem, problems)]
    return spec, got[0], phrasings


@dataclass(frozen=True)
class _Known:
    """The ids and names that entries may refer to."""

    indicators: set[str]
    deficiencies: set[str]
    measures: set[str]
    roles: set[str]
    names: Names  # kind and form names → ids
    values: dict[str, str | None]  # deficiency id → the name of the value it reads


def _known(v: _Validated) -> _Known:
    return _Known(
        indicators={i.id for c in v.criteria for i in c.indicators},
        deficiencies={d.id for d, _, _ in v.deficiencies},
        measures={m.id for m, _, _ in v.measures},
        roles={r.id for r in v.roles},
        names=Names((k for k, _, _ in v.kinds), v.forms),
        values={d.id: d.value for d, _, _ in v.deficiencies},
    )


def _cross_check(v: _Validated) -> list[Rule]:
    """Check every reference between entries; the rules with kind and form names resolved to ids."""
    problems: Problems = []
    _unique(v.deficiencies, "недостаток", problems)
    _unique(v.measures, "мероприятие", problems)
    _unique(v.rules, "правило", problems)
    _unique(v.kinds, "вид организации", problems)
    known = _known(v)
    for k, path, src in v.kinds:
        for f in k.forms:
            if known.names.form(f) != f:  # a kind's forms are ids: institutions of the kind take them as they are
                problems.append(Problem(src.ref(path + ("forms",)), _unknown_form(f, known.names), "NOK102"))
    for d, path, src in v.deficiencies:
        _check_deficiency(d, path, src, known, problems)
    indicator_of = {d.id: d.indicator for d, _, _ in v.deficiencies}
    for c in v.criteria:
        for i in c.indicators:
            if i.result is not None and indicator_of.get(i.result) != i.id:
                problems.append(
                    Problem(None, f"criteria.yaml, показатель {i.id}: result «{i.result}» — не недостаток этого показателя", "NOK102")
                )
    signals = v.settings.signals
    if signals is not None and signals.waiting_indicator is not None and signals.waiting_indicator not in known.indicators:
        msg = f"catalog.yaml, signals.waiting_indicator: показатель «{signals.waiting_indicator}» не описан в criteria.yaml"
        problems.append(Problem(None, msg, "NOK102"))
    for m, path, src in v.measures:
        if m.responsible not in known.roles:
            ref = src.ref(path + ("responsible",))
            problems.append(Problem(ref, f"роль «{m.responsible}» не описана в roles.yaml", "NOK102"))
        _check_refs(m.excludes, known.measures, "мероприятие", src, path + ("excludes",), problems)
        _check_refs(m.after, known.measures, "мероприятие", src, path + ("after",), problems)
    _check_order(v.measures, problems)
    rules = [_check_rule(r, path, src, known, v.settings, problems) for r, path, src in v.rules]
    if v.scores is not None and v.scores_src is not None:
        _check_scores(v.scores, v.scores_src, v, known, problems)
    for item, path, src in v.phrasings:
        _check_refs(item.expect, known.deficiencies, "недостаток", src, path + ("expect",), problems)
    if problems:
        raise CatalogError(problems)
    return rules


def _check_order(measures: Entries, problems: Problems) -> None:
    """`after` must order dated measures without a cycle: the planner sorts a plan's measures by it."""
    by_id = {m.id: (m, path, src) for m, path, src in measures}
    for m, path, src in measures:
        for k, p in enumerate(m.after):
            other = by_id.get(p)
            if other is None:
                continue  # reported as an unknown reference
            if p == m.id:
                why = f"мероприятие «{m.id}» не может следовать само за собой"
            elif "permanent" in (m.due, other[0].due):
                why = f"«{m.id}» и «{p}»: у постоянного мероприятия (срок permanent) нет срока, за которым следовать"
            else:
                continue
            problems.append(Problem(src.ref(path + ("after", k)), f"after: {why}", "NOK103"))
    graph = {m.id: [p for p in m.after if p in by_id and p != m.id] for m, _, _ in measures}
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as e:
        cycle = e.args[1]
        m, path, src = by_id[cycle[0]]
        problems.append(
            Problem(src.ref(path + ("after",)), "after: мероприятия следуют друг за другом по кругу: " + " → ".join(cycle), "NOK103")
        )


def _check_deficiency(d: Deficiency, path: Key, src: Located, known: _Known, problems: Problems) -> None:
    if d.indicator not in known.indicators:
        ref = src.ref(path + ("indicator",))
        problems.append(Problem(ref, f"показатель «{d.indicator}» не описан в criteria.yaml", "NOK102"))
    _check_refs(d.unless, known.deficiencies, "недостаток", src, path + ("unless",), problems)
    for j, p in enumerate(d.patterns):
        for part in ("all", "any", "none"):
            for k, el in enumerate(getattr(p, part)):
                if not el.strip() or any(not alt.strip() for alt in el.split("|")):
                    problems.append(Problem(src.ref(path + ("patterns", j, part, k)), "пустой элемент шаблона", "NOK002"))


def _check_rule(r: Rule, path: Key, src: Located, known: _Known, settings: Settings, problems: Problems) -> Rule:
    """Check one rule's references; the rule with its kind and form names resolved to ids."""
    w = r.when
    trig_key = "deficiency" if w.deficiency else "all"
    for j, d in enumerate(w.deficiencies):
        if d not in known.deficiencies:
            sub = (trig_key,) if w.deficiency else (trig_key, j)
            problems.append(Problem(src.ref(path + ("when",) + sub), f"недостаток «{d}» не найден в каталоге", "NOK102"))
    kinds = _resolve(w.kind, known.names.kind, "вид организации", src.ref, path + ("when", "kind"), problems)
    forms = _resolve(w.form, known.names.form, "форма обслуживания", src.ref, path + ("when", "form"), problems)
    declared = {known.values.get(d) for d in w.deficiencies}
    for name in w.value:
        if name not in declared:
            ref = src.ref(path + ("when", "value", name))
            problems.append(Problem(ref, f"значение «{name}» не объявлено (value:) ни у одного недостатка из when", "NOK102"))
    if r.group is not None and r.group not in settings.groups:
        ref = src.ref(path + ("group",))
        problems.append(Problem(ref, f"группа «{r.group}» не объявлена в catalog/catalog.yaml (groups)", "NOK102"))
    for part in ("then", "replaces"):
        _check_refs(getattr(r, part), known.measures, "мероприятие", src, path + (part,), problems)
    return r.model_copy(update={"when": w.model_copy(update={"kind": sorted(set(kinds)), "form": sorted(set(forms))})})


def _check_scores(spec: ScoresSpec, src: Located, v: _Validated, known: _Known, problems: Problems) -> None:
    """scores.yaml against the rest: survey deficiencies exist and belong to their indicator, checklist items
    named by deficiencies exist in scores.yaml, item numbers and column words are unique per indicator."""
    indicator_of = {d.id: d.indicator for d, _, _ in v.deficiencies}
    items: set[str] = set()
    for ind, spec_i in spec.indicators.items():
        at = ("indicators", ind)
        if ind not in known.indicators:
            problems.append(Problem(src.ref(at, at_key=True), f"показатель «{ind}» не описан в criteria.yaml", "NOK102"))
        d = spec_i.deficiency
        if d is not None and d not in known.deficiencies:
            problems.append(Problem(src.ref(at + ("deficiency",)), f"недостаток «{d}» не найден в каталоге", "NOK102"))
        elif d is not None and indicator_of[d] != ind:
            msg = f"недостаток «{d}» относится к показателю {indicator_of[d]}, а не {ind}"
            problems.append(Problem(src.ref(at + ("deficiency",)), msg, "NOK102"))
        seen: set[str] = set()
        for k, item in enumerate(spec_i.items):
            items.add(f"{ind}.{item.n}")
            for word in (str(item.n), item.key, *item.aliases):
                if fold(word) in seen:
                    problems.append(Problem(src.ref(at + ("items", k)), f"пункт «{word}» показателя {ind} назван дважды", "NOK101"))
                seen.add(fold(word))
            if set(item.places) - set(spec_i.places):
                problems.append(Problem(src.ref(at + ("items", k, "places")), "место пункта не из мест показателя", "NOK002"))
    for d, path, dsrc in v.deficiencies:
        for j, item_id in enumerate(d.checklist):
            if item_id not in items:
                msg = f"пункта чек-листа «{item_id}» нет в catalog/{SCORES}"
                problems.append(Problem(dsrc.ref(path + ("checklist", j)), msg, "NOK102"))


def _check_refs(ids: list[str], known: set[str], what: str, src: Located, at: Key, problems: Problems) -> None:
    for j, x in enumerate(ids):
        if x not in known:
            found = "найдено" if what == "мероприятие" else "найден"
            problems.append(Problem(src.ref(at + (j,)), f"{what} «{x}» не {found} в каталоге", "NOK102"))


def _unknown_form(name: str, names: Names) -> str:
    found = names.form(name)
    return f"форма «{name}» не описана в forms" + (f" (у вида пишется её id: {found})" if found else "")


def _resolve(
    names: list[str], lookup: Callable[[str], str | None], what: str, ref: Callable[[Key], SourceRef], at: Key, problems: Problems
) -> list[str]:
    """Kind or form names (ids, titles, aliases) → ids; an unknown one means the rule never fires (NOK201)."""
    out = []
    for j, name in enumerate(names):
        found = lookup(name)
        if found is not None:
            out.append(found)
        else:
            problems.append(Problem(ref(at + (j,)), f"{what} «{name}» не описан(а) в kinds.yaml: правило не сработает", "NOK201"))
    return out


def _unique(entries: list[tuple[Any, Key, Located]], what: str, problems: Problems) -> None:
    seen: dict[str, SourceRef] = {}
    for obj, path, src in entries:
        ref = src.ref(path + ("id",))
        if obj.id in seen:
            problems.append(Problem(ref, f"{what} «{obj.id}» уже объявлен в {seen[obj.id]}", "NOK101"))
        else:
            seen[obj.id] = ref
