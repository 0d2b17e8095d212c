"""Curator and service commands (batch, lint, test, explain, catalog, diff, check, serve), one module each,
loaded only when called so that `nokrules plan` does not pay for hypothesis, FastAPI, python-docx and the lint
checks at start-up."""

from __future__ import annotations

import importlib
from typing import Any

import click

COMMANDS = ["batch", "explain", "lint", "test", "eval", "catalog", "diff", "check", "serve"]


class LazyGroup(click.Group):
    """A click group whose curator commands are imported on first use (click's documented lazy pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            command: Any = importlib.import_module(f"{__name__}.{cmd_name}").command
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)
