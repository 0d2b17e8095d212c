"""The whole catalog as a handbook for ministry curators: Markdown or DOCX, the same content, the same bytes.

Curators approve the catalog, not its YAML: per section and indicator they need to read which deficiencies
are recognised and which measures each rule gives, with conditions and due terms spelled out in Russian.
Both renderers walk one neutral outline (`outline`), so the two formats cannot say different things, and
output is byte-stable so a changed handbook always means a changed catalog.

The package is split by idea: `outline` (the format-neutral content and its Russian wording), `markdown`
(`render_markdown`) and `docx` (`render_docx`). Everything importers used from the former single module
is re-exported here.
"""

from __future__ import annotations

from nokrules.curate.handbook.docx import render_docx
from nokrules.curate.handbook.markdown import render_markdown
from nokrules.curate.handbook.outline import due_spec_text

__all__ = ["due_spec_text", "render_docx", "render_markdown"]
