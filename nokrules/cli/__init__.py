"""The `nokrules` command: `main` parses the command line, calls the core and the other parts, and is the
one place that turns errors into a Russian line and an exit code."""

from nokrules.cli.russian import speak_russian

speak_russian()  # before any command is built: click's types name themselves when constructed

from nokrules.cli.main import main  # noqa: E402

__all__ = ["main"]
