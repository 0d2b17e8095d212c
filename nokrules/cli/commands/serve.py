"""`nokrules serve`: the inspector's page and the HTTP API on this computer (uvicorn + FastAPI)."""

from __future__ import annotations

import socket

import click

from nokrules.core.engine import Engine
from nokrules.core.errors import UsageError


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="адрес; по умолчанию только этот компьютер")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="порт")
@click.option("--catalog", "catalog_dir", type=click.Path(file_okay=False), help="папка каталога (с catalog/ и rules/)")
def command(host: str, port: int, catalog_dir: str | None) -> None:
    """Веб-страница для инспектора и HTTP API: http://127.0.0.1:8000/ (API — /docs)."""
    import uvicorn

    from nokrules.web import create_app

    engine = Engine.load(catalog_dir)  # a broken catalog fails here, with its file and line, before listening
    try:  # a taken port is the usual mistake: say so in Russian rather than as uvicorn's traceback
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as e:
        raise UsageError(f"не удалось занять {host}:{port} ({e.strerror}); укажите другой --port или --host") from None
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"nokrules: страница http://{shown}:{port}/ , API http://{shown}:{port}/docs ; остановка — Ctrl+C", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo("nokrules: внимание: сервис доступен не только с этого компьютера, входа по паролю в нём нет", err=True)
    uvicorn.run(create_app(engine), host=host, port=port, log_level="warning", access_log=False)
