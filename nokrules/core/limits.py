"""Every bound nokrules puts on what it reads, in one place (the README lists them for users).

Each limit is far above any real protocol, form or catalog and far below what exhausts memory or time, so
a compressed or self-referencing file («бомба») is refused at once with a Russian message instead of
taking minutes and gigabytes. It is in the core so every layer (readers, documents, the web) can import
it: a new bound belongs here, with a line saying why it is that size.

One plan is bounded too, by every caller (CLI `plan`, the web page and API, `batch` per institution)
through `check_lines` and `check_joined`, which Engine.trace calls: drafting is linear in the lines of a
plan except for rules with `all: [a, b, …]`, which fire once per combination of recognitions, and a single
plan of tens of thousands of lines is a region's protocol pasted whole, which `nokrules batch` splits by
institution. So a plan over these bounds is refused at once, before the rule engine runs, naming `nokrules
batch`, rather than drafted for minutes and gigabytes.
"""

from __future__ import annotations

from math import prod

from nokrules.core.errors import UsageError
from nokrules.core.model import Recognition, Rule

# DOCX and XLSX are ZIP archives: a 110 KB file may unpack to gigabytes. The sum of the sizes its members
# declare is checked before anything is parsed (zipfile never returns more than a member declares). The
# Kemerovo protocol unpacks to under 1 MB; a region of 500 institutions to about 10 MB.
OFFICE_UNPACKED_MAX = 48 * 1024 * 1024

# Levels of lists and mappings in YAML (a form, a profile, a catalog file, a protocol); JSON protocols are
# limited by their parser, which refuses beyond about 1,000 levels. Real files use at most 6.
NESTING_MAX = 64

# Nodes YAML may reach through anchors and aliases (&a, *a) beyond the nodes written in the file: the
# «billion laughs» doubles a list with each line, and a recursive alias (`&a [*a]`) is endless. A curator's
# file repeating a block with aliases stays far below this; a cycle is refused whatever its size.
YAML_ALIAS_NODES_MAX = 10_000

# Columns of a document form (leaf columns, after splitting): the federal form has 6, regional ones up to
# 10; a landscape A4 page cannot show more than 30 legible columns.
FORM_COLUMNS_MAX = 30

# Lines in one plan: 30,000 draft in about 15 s and 600 MB (make bench); a real institution has under 100.
MAX_PLAN_LINES = 30_000

# Combinations rules with `all: [a, b, …]` may fire on in one plan (n findings of a and m of b: n × m): a real
# plan has a handful; 100,000 still check and plan in seconds.
MAX_JOINED = 100_000

# the web service (nokrules/web): a request body is refused past MAX_BODY (413), a draft past TIME_LIMIT (422)
MAX_BODY = 1024 * 1024  # bytes of a request body
TIME_LIMIT = 120.0  # seconds one request may draft for before its worker process is stopped and replaced
START_LIMIT = 300.0  # seconds a new worker process may take to load the catalog
WORKERS = 2  # worker processes drafting plans, each with the catalog loaded (~80 MB idle)

BATCH_HINT = "разделите протокол по организациям и составьте планы командой «nokrules batch»"


class PlanTooLarge(UsageError):
    """A plan over MAX_PLAN_LINES lines or MAX_JOINED combinations: refused before drafting."""


def check_lines(text: str) -> None:
    """PlanTooLarge when the text has more lines than one plan takes (counted before anything else runs)."""
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines > MAX_PLAN_LINES:
        raise PlanTooLarge(f"в тексте {lines} строк, а в одном плане их может быть не больше {MAX_PLAN_LINES}: {BATCH_HINT}")


def check_joined(rules: list[Rule], recognitions: list[Recognition]) -> None:
    """PlanTooLarge when rules with `all: [a, b, …]` could fire on more than MAX_JOINED combinations (counted
    from how many recognitions each deficiency has: an upper bound, cheap)."""
    count: dict[str, int] = {}
    for r in recognitions:
        count[r.deficiency] = count.get(r.deficiency, 0) + 1
    joined = sum(prod(count.get(d, 0) for d in r.when.all) for r in rules if r.when.all and r.when.all[0] in count)
    if joined > MAX_JOINED:
        raise PlanTooLarge(
            f"в тексте так много повторов одних и тех же недостатков, что правила, объединяющие недостатки, дали бы "
            f"больше {MAX_JOINED} сочетаний: {BATCH_HINT}"
        )
