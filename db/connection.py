"""Opening the SQLite database with the settings eduwatch relies on, and write transactions.

WAL lets the web UI and the CLI read while a crawl writes; `busy_timeout` makes a second writer
wait for the lock instead of failing at once; foreign keys keep `pages`/`report_urls` pointing at
real reports.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from db.errors import StorageError

BUSY_TIMEOUT_MS = 5000
MEMORY = ":memory:"


def describe(target: str | Path | sqlite3.Connection) -> str:
    """How to name the database in a message: its path, or what kind of thing it is."""
    if isinstance(target, sqlite3.Connection):
        return "sqlite3 connection"
    return "in-memory database" if str(target) == MEMORY else str(target)


def connect(target: str | Path | sqlite3.Connection) -> Database:
    """A configured `Database` over a path (parent folders created), ":memory:" or a connection."""
    location = describe(target)
    try:
        if isinstance(target, sqlite3.Connection):
            db = Database(target)
        elif str(target) == MEMORY:
            db = Database(memory=True)
        else:
            path = Path(target)
            path.parent.mkdir(parents=True, exist_ok=True)
            db = Database(path)
        configure(db)
    except sqlite3.DatabaseError as error:
        raise StorageError(
            f"{location}: cannot open as an SQLite database ({error}); "
            "point storage.db at an eduwatch database or at a new file"
        ) from error
    except OSError as error:
        raise StorageError(
            f"{location}: cannot create the database folder ({error.strerror}); "
            "choose a writable storage.db path"
        ) from error
    return db


def configure(db: Database) -> None:
    """Connection settings; all of them must be set outside a transaction."""
    if db.conn.in_transaction:
        raise StorageError("cannot configure a connection with an open transaction; commit first")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.enable_wal()  # a no-op for in-memory databases, which keep their own journal
    # In WAL mode NORMAL cannot corrupt the database; at worst a power cut loses the last
    # commits, which the next crawl fetches again. It saves an fsync per saved page.
    db.execute("PRAGMA synchronous = NORMAL")


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """All-or-nothing writes; nested use becomes a savepoint of the outer transaction.

    A top-level transaction starts with BEGIN IMMEDIATE: it takes the write lock up front
    (waiting up to busy_timeout), so its first read cannot go stale and fail with "database is
    locked" when it later writes, as a deferred BEGIN can in WAL mode.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.commit()
    except BaseException:
        db.rollback()
        raise
