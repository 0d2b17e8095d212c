"""Characters a document can hold: the one rule every writer (DOCX, XLSX, HTML) and the line cleaner apply.

Word and Excel files are XML, and XML 1.0 forbids most control characters (a vertical tab from a Word
paste, a form feed from a PDF, NUL, ESC), the non-characters U+FFFE and U+FFFF and unpaired surrogates
(which JSON can smuggle in as «\\ud800»). One such character made python-docx and openpyxl fail the whole
document. Each is replaced by a space rather than removed, so the words on either side stay apart and no
text is lost.
"""

from __future__ import annotations

import re

# Not allowed in XML 1.0, plus the C1 controls (U+007F–U+009F), which are allowed but print as nothing.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """`text` with every character a document cannot hold replaced by a space; tab and line breaks kept."""
    return _UNPRINTABLE.sub(" ", text)
