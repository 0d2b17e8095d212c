"""Curator and service commands (batch, lint, test, explain, catalog, diff, check, serve), one module each,
loaded only when called so that `nokrules plan` does not pay for hypothesis, FastAPI, python-docx and the lint
checks at start-up."""

from __future__ import annotations

import importlib
from typing import Any

import click

COMMANDS = ["batch", "explain", "lint", "test", "eval", "catalog", "diff", "check", "serve"]


OPTIONS_METAVAR = "[ПАРАМЕТРЫ]"


class LazyGroup(click.Group):
    """A click group whose curator commands are imported on first use (click's documented lazy pattern).
    Every command it hands out shows its usage line in Russian (click's own words: nokrules.cli.russian)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", "КОМАНДА [АРГУМЕНТЫ]…")
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command: click.Command | None
        if cmd_name in COMMANDS:
            command = importlib.import_module(f"{__name__}.{cmd_name}").command
            assert isinstance(command, click.Command)
        else:
            command = super().get_command(ctx, cmd_name)
        if command is not None:
            command.options_metavar = OPTIONS_METAVAR
        return command
