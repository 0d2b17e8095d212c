"""The `nokrules` command: `main` parses the command line, calls the core and the other parts, and is the
one place that turns errors into a Russian line and an exit code."""

from nokrules.cli.main import main

__all__ = ["main"]
