"""The database schema, as an ordered list of migrations.

Each migration is a decorated function recorded in `_sqlite_migrations` once applied
(sqlite-utils `Migrations`). An applied migration is never edited: a change of schema is a new
function at the bottom. `SCHEMA_VERSION` is how many migrations this code knows; a database that
has applied one this code does not know was written by a newer eduwatch and is refused.

The schema in words: `sources` are the configured portals; `pages` remember every canonical URL
fetched and what came of it; `reports` hold each distinct education report once (by
`content_hash`), `report_urls` every URL and source where it was seen; `crawl_runs` log each
crawl; `reports_fts` indexes the folded (lower case, diacritic-free) title and text of reports
and `search_vocabulary` lists the words it holds (both explained in db/fts.py).
`alert_channels`, `alerts` (the outbox) and `source_health` belong to alerting (db/outbox.py,
db/source_health.py).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from cleaners.vietnamese import fold
from db.connection import write_transaction
from db.errors import SchemaTooNewError
from db.fts import add_words

MIGRATIONS = Migrations("eduwatch")
_NAMES: list[str] = []


def _migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    _NAMES.append(fn.__name__)
    return MIGRATIONS()(fn)


def _run(db: Database, statements: tuple[str, ...]) -> None:
    for statement in statements:
        db.execute(statement)


@_migration
def m001_initial_schema(db: Database) -> None:
    _run(
        db,
        (
            """
            CREATE TABLE sources (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                level TEXT NOT NULL,
                province TEXT NOT NULL DEFAULT '',
                district TEXT NOT NULL DEFAULT '',
                urls TEXT NOT NULL DEFAULT '[]',
                updated_at TEXT NOT NULL
            )
            """,
            # AUTOINCREMENT: a report id is never reused, so alerts and links that remember an id
            # can never come to point at another report after a deletion.
            # effective_date = published, else the UTC day first seen: what date filters and
            # "newest" read. facets = the facet tokens the report is indexed with (db/fts.py).
            """
            CREATE TABLE reports (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                content_hash TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                published TEXT,
                byline TEXT,
                platform TEXT,
                url TEXT NOT NULL,
                source_id TEXT NOT NULL,
                province TEXT NOT NULL DEFAULT '',
                district TEXT NOT NULL DEFAULT '',
                level TEXT NOT NULL,
                score REAL,
                signals TEXT NOT NULL DEFAULT '[]',
                first_seen TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                effective_date TEXT NOT NULL,
                facets TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX idx_reports_effective_date ON reports (effective_date)",
            "CREATE INDEX idx_reports_first_seen ON reports (first_seen)",
            "CREATE INDEX idx_reports_province ON reports (province, effective_date)",
            "CREATE INDEX idx_reports_district ON reports (district, effective_date)",
            "CREATE INDEX idx_reports_level ON reports (level, effective_date)",
            "CREATE INDEX idx_reports_source_id ON reports (source_id)",
            """
            CREATE TABLE report_urls (
                report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                source_id TEXT NOT NULL,
                first_seen TEXT NOT NULL,
                PRIMARY KEY (report_id, url)
            )
            """,
            "CREATE INDEX idx_report_urls_source_id ON report_urls (source_id, report_id)",
            """
            CREATE TABLE pages (
                url TEXT PRIMARY KEY,
                source_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                status INTEGER,
                etag TEXT,
                last_modified TEXT,
                content_hash TEXT,
                outcome TEXT NOT NULL,
                report_id INTEGER REFERENCES reports (id) ON DELETE SET NULL,
                reason TEXT NOT NULL DEFAULT '',
                score REAL,
                signals TEXT NOT NULL DEFAULT '[]',
                first_seen TEXT NOT NULL,
                last_fetched TEXT NOT NULL,
                fetch_count INTEGER NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX idx_pages_source_outcome ON pages (source_id, outcome)",
            "CREATE INDEX idx_pages_content_hash ON pages (content_hash)",
            "CREATE INDEX idx_pages_report_id ON pages (report_id)",
            """
            CREATE TABLE crawl_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                source_id TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                status TEXT NOT NULL DEFAULT 'running',
                pages_fetched INTEGER NOT NULL DEFAULT 0,
                new_reports INTEGER NOT NULL DEFAULT 0,
                duplicates INTEGER NOT NULL DEFAULT 0,
                non_reports INTEGER NOT NULL DEFAULT 0,
                skipped_budget INTEGER NOT NULL DEFAULT 0,
                errors INTEGER NOT NULL DEFAULT 0,
                requests INTEGER NOT NULL DEFAULT 0,
                stats TEXT NOT NULL DEFAULT '{}',
                error TEXT
            )
            """,
            "CREATE INDEX idx_crawl_runs_started ON crawl_runs (source_id, started_at)",
            "CREATE INDEX idx_crawl_runs_finished ON crawl_runs (source_id, status, finished_at)",
            # Layout (rowid = day key, facet tokens, contentless): see db/fts.py; ranking
            # weights: db/search.py.
            """
            CREATE VIRTUAL TABLE reports_fts USING fts5 (
                title, text, facets, content='', tokenize='unicode61 remove_diacritics 2'
            )
            """,
        ),
    )


@_migration
def m002_alert_outbox(db: Database) -> None:
    _run(
        db,
        (
            # The alert channels of the config, synced like sources. Only what the database
            # needs to queue alerts is kept (filters, digest, operator); URLs and paths stay in
            # the config file, since they can hold credentials and the database is browsable.
            # A channel that leaves the config is disabled, not deleted: its alerts still name it.
            """
            CREATE TABLE alert_channels (
                name TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                filters TEXT NOT NULL DEFAULT '{}',
                digest INTEGER NOT NULL DEFAULT 0,
                operator INTEGER NOT NULL DEFAULT 0,
                reports INTEGER NOT NULL DEFAULT 1,
                enabled INTEGER NOT NULL DEFAULT 1,
                updated_at TEXT NOT NULL
            )
            """,
            # The outbox: one row per (channel, report) or per source-health notice, written in
            # the transaction that stores the report, so an alert exists exactly when its report
            # does. Unique (channel, report_id) makes a second alert for a report impossible.
            """
            CREATE TABLE alerts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                channel TEXT NOT NULL REFERENCES alert_channels (name),
                report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE,
                notice TEXT,
                status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error TEXT,
                idempotency_key TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                sent_at TEXT,
                CHECK ((report_id IS NULL) <> (notice IS NULL))
            )
            """,
            "CREATE UNIQUE INDEX idx_alerts_channel_report ON alerts (channel, report_id)",
            "CREATE INDEX idx_alerts_due ON alerts (status, next_attempt_at)",
            "CREATE INDEX idx_alerts_channel_created ON alerts (channel, created_at)",
            # Per source: is it considered down, how many bad cycles in a row, has it ever
            # yielded articles (an empty crawl is only a problem for a source that used to).
            """
            CREATE TABLE source_health (
                source_id TEXT PRIMARY KEY,
                state TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'down')),
                bad_cycles INTEGER NOT NULL DEFAULT 0,
                problem TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                productive INTEGER NOT NULL DEFAULT 0,
                since TEXT,
                updated_at TEXT NOT NULL
            )
            """,
        ),
    )


@_migration
def m003_search_vocabulary(db: Database) -> None:
    # Every word in the index, for prefix searches (db/fts.py); filled from existing reports.
    db.execute("CREATE TABLE search_vocabulary (term TEXT PRIMARY KEY) WITHOUT ROWID")
    for title, text in db.conn.execute("SELECT title, text FROM reports"):
        add_words(db.conn, fold(f"{title}\n{text}"))


@_migration
def m004_near_duplicates(db: Database) -> None:
    # MinHash signatures of report bodies and their LSH band keys (cleaners.near_duplicates):
    # a republished copy with small edits joins the report it copies instead of making a new one.
    _run(
        db,
        (
            "ALTER TABLE reports ADD COLUMN signature TEXT",
            """
            CREATE TABLE report_bands (
                band TEXT NOT NULL,
                report_id INTEGER NOT NULL REFERENCES reports(id),
                PRIMARY KEY (band, report_id)
            ) WITHOUT ROWID
            """,
        ),
    )


MIGRATION_NAMES: tuple[str, ...] = tuple(_NAMES)
SCHEMA_VERSION = len(MIGRATION_NAMES)


def applied_migrations(db: Database) -> list[str]:
    """Names of the eduwatch migrations this database has applied, oldest first."""
    return [migration.name for migration in MIGRATIONS.applied(db)]


def migrate(db: Database, location: str) -> None:
    """Refuse a database from a newer eduwatch, then apply whatever migrations are pending."""
    unknown = [name for name in applied_migrations(db) if name not in MIGRATION_NAMES]
    if unknown:
        raise SchemaTooNewError(location, unknown)
    if not MIGRATIONS.pending(db):
        return
    # The write lock is taken before Migrations re-reads what is pending, so two processes
    # opening a new database at once cannot both run the same migration; Migrations nests each
    # migration in a savepoint of this transaction.
    with write_transaction(db):
        MIGRATIONS.apply(db)
