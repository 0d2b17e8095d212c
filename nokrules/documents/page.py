"""The head of every standalone HTML page nokrules writes (plan, summary): Russian, UTF-8, inline CSS."""

from __future__ import annotations

from html import escape


def page_head(title: str, css: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="ru">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="nokrules">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{css}</style>",
    ]
