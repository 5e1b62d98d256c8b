"""Build the Datasette app over an eduwatch database, and serve it (`eduwatch serve`).

Read-only by construction: Datasette opens a file it may see change with `mode=ro`, so the
crawler can go on writing (WAL) while people browse, and nothing in this configuration writes
(no writable canned queries; custom SQL runs on the read-only connections).
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
from collections.abc import Callable
from pathlib import Path

import uvicorn
from datasette.app import Datasette
from datasette.plugins import pm

from crawler.web import plugin
from crawler.web.metadata import DATABASE_NAME, build_metadata

PLUGIN_NAME = "eduwatch"
# Reports read as entries (title, place, date, addresses, text), not as a grid of 18 columns.
TEMPLATES = Path(__file__).parent / "templates"
SETTINGS = {
    # Lists show the start of a report's text; the report's own page shows all of it.
    "truncate_cells_html": 240,
    "default_page_size": 50,
    # The project chose the facets (crawler/web/metadata.py); suggestions cost a query per
    # column on every table page.
    "suggest_facets": False,
    "allow_download": False,
}

__all__ = ["DATABASE_NAME", "make_datasette", "register_plugin", "serve"]


def register_plugin() -> None:
    """Add the eduwatch hooks to Datasette's plugin manager (once per process)."""
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(plugin, name=PLUGIN_NAME)


def _table_names(db_path: Path) -> list[str]:
    # mode=ro: looking must not create the file, nor anything beside it.
    with sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return [name for (name,) in rows]


def make_datasette(db_path: Path) -> Datasette:
    """A read-only Datasette over the eduwatch database at `db_path`, served as DATABASE_NAME.

    Raises sqlite3.Error when the file is missing or is not a database.
    """
    register_plugin()
    metadata = build_metadata(DATABASE_NAME, _table_names(db_path))
    datasette = Datasette(
        files=[str(db_path)], metadata=metadata, settings=SETTINGS, template_dir=str(TEMPLATES)
    )
    # Datasette names a database after its file; the project's URLs and metadata use one name.
    database = datasette.get_database()
    datasette.remove_database(database.name)
    datasette.add_database(database, name=DATABASE_NAME)
    return datasette


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family)


def serve(
    datasette: Datasette,
    host: str = "127.0.0.1",
    port: int = 8001,
    *,
    on_ready: Callable[[str], None] = print,
) -> None:
    """Serve until interrupted. Port 0 picks a free port; `on_ready` gets the URL to open.

    The socket is bound here, before the server starts, so a taken port is an OSError the
    caller can explain, and the URL names the real port.
    """
    listener = _listen(host, port)
    with listener:
        bound_port = listener.getsockname()[1]
        asyncio.run(datasette.invoke_startup())
        shown_host = f"[{host}]" if ":" in host else host
        on_ready(f"http://{shown_host}:{bound_port}/")
        config = uvicorn.Config(datasette.app(), log_level="warning", lifespan="on")
        uvicorn.Server(config).run(sockets=[listener])
