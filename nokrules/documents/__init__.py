"""Documents: a finished Plan → json | md | text (str) and docx | xlsx | html (bytes, `document.py`), in the
form layouts of `layout.py` and the official table of `table.py`. Renderers return their output; only
`output.py` writes a file, atomically, for the faces and the batch run."""

from __future__ import annotations

from collections.abc import Callable

from nokrules.core.model import Plan
from nokrules.documents import json as json_
from nokrules.documents import markdown
from nokrules.documents import plaintext as text

FORMATS: dict[str, Callable[[Plan], str]] = {"json": json_.render, "md": markdown.render, "text": text.render}
