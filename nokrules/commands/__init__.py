"""Curator commands (lint, test, explain, catalog, diff, check), one module each, registered on the CLI group."""

from __future__ import annotations

import importlib

import click

COMMANDS = ["explain", "lint", "test", "catalog", "diff", "check"]


def register(group: click.Group) -> None:
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{name}")
        group.add_command(module.command)
