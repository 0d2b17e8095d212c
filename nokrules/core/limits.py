"""Every bound nokrules puts on what it reads, in one place (the README lists them for users).

Each limit is far above any real protocol, form or catalog and far below what exhausts memory or time, so
a compressed or self-referencing file («бомба») is refused at once with a Russian message instead of
taking minutes and gigabytes. It is in the core so every layer (readers, documents, the web) can import
it: a new bound belongs here, with a line saying why it is that size.
"""

from __future__ import annotations

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
