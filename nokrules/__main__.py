"""`python -m nokrules` runs the CLI."""

from nokrules.cli.main import main

main()
