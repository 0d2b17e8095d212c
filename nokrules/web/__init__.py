"""The local web page for inspectors and the HTTP API for other tools (`nokrules serve`)."""

from nokrules.web.app import create_app

__all__ = ["create_app"]
