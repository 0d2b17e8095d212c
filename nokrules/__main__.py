"""`python -m nokrules` runs the CLI."""

from .cli import main

main()
