"""`Store`: the one API through which eduwatch reads and writes its database.

Crawler pipelines record pages and save reports; the CLI, alerts and the web UI list, count and
search them. Nothing outside `db/` writes SQL. Every timestamp comes from the injected `now`.

Writes are transactions of their own (or savepoints inside a caller's), so a crash leaves either
all of a saved report (row, URLs, index entry, page, alert outbox) or none of it.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database

from cleaners.near_duplicates import NEAR_DUPLICATE_SIMILARITY, band_keys, similarity
from db.clock import from_text, to_text, utc_now
from db.connection import connect, describe, write_transaction
from db.errors import StorageError
from db.filters import filter_sql
from db.fts import facets_text, fts_rowid, index_report, unindex_report
from db.migrations import migrate
from db.outbox import queue_report_alerts
from db.records import (
    ARTICLE_OUTCOMES,
    REPORT_OUTCOMES,
    RUN_COUNTS,
    RUN_STATUSES,
    PageRecord,
    PageState,
    ReportFilter,
    ReportRecord,
    SaveResult,
    SearchHit,
    SourceRecord,
)
from db.search import search_reports

ReportHook = Callable[["Store", int, dict[str, Any]], None]

REPORT_ORDERS = {
    "newest": "r.effective_date DESC, r.id DESC",
    "oldest": "r.effective_date ASC, r.id ASC",
}
# What a fetch outcome says about the page's content, hence what record_page may overwrite:
# a 304 confirms the content (new validators, if sent, replace the old); a failed fetch says
# nothing (validators, hash, report link and classification stay as they were).
_REPLACE, _CONFIRMED, _UNKNOWN = 0, 1, 2
_CONTENT_NEWS = {"not_modified": _CONFIRMED, "error": _UNKNOWN}

_REPORT_COLUMNS = """
    r.id, r.content_hash, r.title, r.text, r.published, r.byline, r.platform, r.url,
    r.source_id AS source, s.name AS source_name, r.province, r.district, r.level, r.score,
    r.signals, r.first_seen, r.last_seen
"""
_REPORT_URLS = "(SELECT json_group_array(url) FROM report_urls u WHERE u.report_id = r.id)"

_UPSERT_PAGE = """
    INSERT INTO pages (
        url, source_id, kind, status, etag, last_modified, content_hash, outcome, report_id,
        reason, score, signals, first_seen, last_fetched, fetch_count
    ) VALUES (
        :url, :source_id, :kind, :status, :etag, :last_modified, :content_hash, :outcome,
        :report_id, :reason, :score, :signals, :now, :now, 1
    )
    ON CONFLICT (url) DO UPDATE SET
        source_id = excluded.source_id,
        kind = excluded.kind,
        status = excluded.status,
        outcome = excluded.outcome,
        reason = excluded.reason,
        etag = CASE :news WHEN :replace THEN excluded.etag
            WHEN :confirmed THEN coalesce(excluded.etag, pages.etag) ELSE pages.etag END,
        last_modified = CASE :news WHEN :replace THEN excluded.last_modified
            WHEN :confirmed THEN coalesce(excluded.last_modified, pages.last_modified)
            ELSE pages.last_modified END,
        content_hash = CASE :news WHEN :replace THEN excluded.content_hash
            ELSE pages.content_hash END,
        report_id = CASE :news WHEN :replace THEN excluded.report_id ELSE pages.report_id END,
        score = CASE :news WHEN :replace THEN excluded.score ELSE pages.score END,
        signals = CASE :news WHEN :replace THEN excluded.signals ELSE pages.signals END,
        last_fetched = excluded.last_fetched,
        fetch_count = pages.fetch_count + 1
"""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _nfc(text: str) -> str:
    # One spelling per character: the index, the snippet patterns and content hashes of other
    # tools all see composed text, whatever form the page came in.
    return unicodedata.normalize("NFC", text)


def _rows(cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


def _is_readable_twin(candidate: str, current: str) -> bool:
    """True when `candidate` is a path-only permalink and `current` needs a query string."""
    return "?" in current and "?" not in candidate


def _report_row(row: dict[str, Any]) -> dict[str, Any]:
    row["signals"] = json.loads(row["signals"])
    if isinstance(row.get("urls"), str):
        row["urls"] = json.loads(row["urls"])
    return row


class Store:
    """The eduwatch database. Make one with `open_db`; close it with `close()` or `with`.

    `on_new_report` hooks run inside the transaction that saves each new report, after the
    report, its URLs, its index entry and its page are written; a hook that raises undoes the
    whole save. They receive the store, the report id and the report as `get_report` returns it.
    """

    db: Database

    def __init__(self, db: Database, *, now: Callable[[], datetime], owns_connection: bool) -> None:
        self.db = db
        # Every store queues alerts for new reports (db/outbox.py): a crawler, a test or a
        # script that saves reports cannot forget to.
        self.on_new_report: list[ReportHook] = [queue_report_alerts]
        self._now = now
        self._owns_connection = owns_connection
        self._closed = False

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection, unless the caller passed it in (then it remains theirs)."""
        if self._closed:
            return
        self._closed = True
        if self._owns_connection:
            self.db.close()  # an unfinished transaction is rolled back by SQLite

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _timestamp(self) -> str:
        return to_text(self._now())

    # -- sources -------------------------------------------------------------------------

    def sync_sources(self, sources: Iterable[SourceRecord]) -> None:
        """Insert or update configured sources; `updated_at` changes only when a value does.

        Sources missing from `sources` stay: their reports still name them.
        """
        now = self._timestamp()
        with write_transaction(self.db):
            for source in sources:
                self.db.conn.execute(
                    """
                    INSERT INTO sources (id, name, level, province, district, urls, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        name = excluded.name, level = excluded.level,
                        province = excluded.province, district = excluded.district,
                        urls = excluded.urls, updated_at = excluded.updated_at
                    WHERE sources.name IS NOT excluded.name OR sources.level IS NOT excluded.level
                        OR sources.province IS NOT excluded.province
                        OR sources.district IS NOT excluded.district
                        OR sources.urls IS NOT excluded.urls
                    """,
                    (
                        source.id,
                        source.name,
                        source.level,
                        source.province,
                        source.district,
                        _json(list(source.urls)),
                        now,
                    ),
                )

    def list_sources(self) -> list[dict[str, Any]]:
        """Every source with its report count (reports seen there) and last crawl times."""
        cursor = self.db.execute(
            """
            SELECT s.id, s.name, s.level, s.province, s.district, s.urls,
                (SELECT count(DISTINCT u.report_id) FROM report_urls u
                 WHERE u.source_id = s.id) AS reports,
                (SELECT max(c.started_at) FROM crawl_runs c
                 WHERE c.source_id = s.id) AS last_run_at,
                (SELECT max(c.finished_at) FROM crawl_runs c
                 WHERE c.source_id = s.id AND c.status = 'ok') AS last_ok_at
            FROM sources s
            ORDER BY s.id
            """
        )
        sources = list(_rows(cursor))
        for source in sources:
            source["urls"] = json.loads(source["urls"])
        return sources

    # -- pages ---------------------------------------------------------------------------

    def page_state(self, url: str) -> PageState | None:
        """What is known about the canonical `url`, or None if it was never recorded."""
        row = self.db.execute(
            """
            SELECT url, source_id, kind, outcome, status, etag, last_modified, content_hash,
                report_id, last_fetched
            FROM pages WHERE url = ?
            """,
            (url,),
        ).fetchone()
        if row is None:
            return None
        (
            url,
            source_id,
            kind,
            outcome,
            status,
            etag,
            last_modified,
            content_hash,
            report_id,
            last,
        ) = row
        return PageState(
            url=url,
            source_id=source_id,
            kind=kind,
            outcome=outcome,
            status=status,
            etag=etag,
            last_modified=last_modified,
            content_hash=content_hash,
            report_id=report_id,
            last_fetched=from_text(last),
        )

    def known_article_urls(self, source_id: str | None = None) -> set[str]:
        """Article URLs already read and judged (so a crawl need not fetch them again)."""
        marks = ", ".join("?" for _ in ARTICLE_OUTCOMES)
        if source_id is None:
            sql = f"SELECT url FROM pages WHERE outcome IN ({marks})"
            params: tuple[str, ...] = ARTICLE_OUTCOMES
        else:
            sql = f"SELECT url FROM pages WHERE source_id = ? AND outcome IN ({marks})"
            params = (source_id, *ARTICLE_OUTCOMES)
        return {row[0] for row in self.db.execute(sql, params)}

    def hub_urls(
        self, source_id: str, kinds: Iterable[str] = ("listing", "feed", "sitemap")
    ) -> list[str]:
        """Listing pages, feeds and sitemaps of a source seen before: where new articles appear."""
        kinds = tuple(kinds)
        marks = ", ".join("?" for _ in kinds)
        cursor = self.db.execute(
            f"""
            SELECT url FROM pages
            WHERE source_id = ? AND kind IN ({marks}) AND outcome IN ('listing', 'not_modified')
            ORDER BY first_seen, url
            """,
            (source_id, *kinds),
        )
        return [row[0] for row in cursor]

    def validators(self, source_id: str) -> dict[str, tuple[str | None, str | None]]:
        """ETag and Last-Modified per URL of a source, for conditional refetches."""
        cursor = self.db.execute(
            """
            SELECT url, etag, last_modified FROM pages
            WHERE source_id = ? AND (etag IS NOT NULL OR last_modified IS NOT NULL)
                AND outcome NOT IN ('error')
            """,
            (source_id,),
        )
        return {url: (etag, last_modified) for url, etag, last_modified in cursor}

    def record_page(self, page: PageRecord) -> None:
        """Remember one fetch of `page` that did not produce a report.

        The first sighting is kept and `fetch_count` grows. A 304 or a failed fetch says nothing
        about the content, so the validators, hash and report link known from before are kept.
        """
        if page.outcome in REPORT_OUTCOMES:
            raise ValueError(
                f"page outcome {page.outcome!r} is written by save_report, not record_page"
            )
        with write_transaction(self.db):
            self._upsert_page(page, page.outcome, report_id=None, content_hash=page.content_hash)

    def _upsert_page(
        self, page: PageRecord, outcome: str, *, report_id: int | None, content_hash: str | None
    ) -> None:
        self.db.conn.execute(
            _UPSERT_PAGE,
            {
                "url": page.url,
                "source_id": page.source_id,
                "kind": page.kind,
                "status": page.status,
                "etag": page.etag,
                "last_modified": page.last_modified,
                "content_hash": content_hash,
                "outcome": outcome,
                "report_id": report_id,
                "reason": page.reason,
                "score": page.score,
                "signals": _json(list(page.signals)),
                "now": self._timestamp(),
                "news": _CONTENT_NEWS.get(outcome, _REPLACE),
                "replace": _REPLACE,
                "confirmed": _CONFIRMED,
            },
        )

    # -- reports -------------------------------------------------------------------------

    def save_report(self, page: PageRecord, report: ReportRecord) -> SaveResult:
        """Store `report` found on `page`, once per content hash; all of it or nothing.

        A new hash makes a new report (outcome 'report') and runs the `on_new_report` hooks.
        A known hash adds `page`'s URL and source to that report and bumps its `last_seen`; the
        page's outcome is then 'duplicate', or 'report' again if it is the report's own URL.
        """
        now = self._timestamp()
        conn = self.db.conn
        with write_transaction(self.db):
            existing = conn.execute(
                "SELECT id, url, source_id FROM reports WHERE content_hash = ?",
                (report.content_hash,),
            ).fetchone() or self._near_duplicate(report.signature)
            if existing is None:
                seen_at = dict.fromkeys(
                    [(report.url, report.source_id), (page.url, page.source_id)]
                )
                report_id = self._insert_report(report, {source for _, source in seen_at}, now)
                outcome = "report"
            else:
                report_id, own_url, own_source = existing
                conn.execute("UPDATE reports SET last_seen = ? WHERE id = ?", (now, report_id))
                if _is_readable_twin(page.url, own_url) and page.source_id == own_source:
                    # the same portal's permalink reads better than its index.php?… spelling
                    conn.execute("UPDATE reports SET url = ? WHERE id = ?", (page.url, report_id))
                    own_url = page.url
                self._add_source_facet(report_id, page.source_id)
                seen_at = dict.fromkeys([(page.url, page.source_id)])
                outcome = "report" if page.url == own_url else "duplicate"
            conn.executemany(
                "INSERT OR IGNORE INTO report_urls (report_id, url, source_id, first_seen)"
                " VALUES (?, ?, ?, ?)",
                [(report_id, url, source_id, now) for url, source_id in seen_at],
            )
            self._upsert_page(page, outcome, report_id=report_id, content_hash=report.content_hash)
            if existing is None and self.on_new_report:
                saved = self.get_report(report_id)
                assert saved is not None
                for hook in self.on_new_report:
                    hook(self, report_id, saved)
        return SaveResult(report_id=report_id, is_new=existing is None)

    def save_reports(self, found: Iterable[tuple[PageRecord, ReportRecord]]) -> list[SaveResult]:
        """`save_report` for many (page, report) pairs in ONE transaction: all or none.

        For bulk loads (imports, benchmarks): a commit per report is most of the cost of saving.
        """
        with write_transaction(self.db):
            return [self.save_report(page, report) for page, report in found]

    def _insert_report(self, report: ReportRecord, sources: set[str], now: str) -> int:
        title, text = _nfc(report.title), _nfc(report.text)
        published = report.published.isoformat() if report.published else None
        effective_date = published or now[:10]
        facets = facets_text(report.province, report.district, report.level, sources)
        cursor = self.db.conn.execute(
            """
            INSERT INTO reports (
                content_hash, title, text, published, byline, platform, url, source_id,
                province, district, level, score, signals, first_seen, last_seen,
                effective_date, facets
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                report.content_hash,
                title,
                text,
                published,
                report.byline,
                report.platform,
                report.url,
                report.source_id,
                report.province,
                report.district,
                report.level,
                report.score,
                _json(list(report.signals)),
                now,
                now,
                effective_date,
                facets,
            ),
        )
        report_id = cursor.lastrowid
        assert report_id is not None
        index_report(self.db.conn, fts_rowid(effective_date, report_id), title, text, facets)
        if report.signature:
            self.db.conn.execute(
                "UPDATE reports SET signature = ? WHERE id = ?",
                (_json(list(report.signature)), report_id),
            )
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO report_bands (band, report_id) VALUES (?, ?)",
                [(band, report_id) for band in band_keys(report.signature)],
            )
        return report_id

    def _near_duplicate(self, signature: tuple[int, ...]) -> tuple[int, str, str] | None:
        """The stored report `signature` nearly matches (id, url, source_id), if any."""
        bands = band_keys(signature)
        if not bands:
            return None
        marks = ", ".join("?" for _ in bands)
        candidates = self.db.conn.execute(
            f"""
            SELECT r.id, r.url, r.source_id, r.signature FROM reports r
            WHERE r.id IN (SELECT DISTINCT report_id FROM report_bands WHERE band IN ({marks}))
            """,
            bands,
        ).fetchall()
        best: tuple[float, tuple[int, str, str]] | None = None
        for report_id, url, source_id, stored in candidates:
            score = similarity(signature, tuple(json.loads(stored)))
            if score >= NEAR_DUPLICATE_SIMILARITY and (best is None or score > best[0]):
                best = (score, (report_id, url, source_id))
        return best[1] if best else None

    def _add_source_facet(self, report_id: int, source_id: str) -> None:
        """Index a report again when it is first seen at another source: the source filter of
        search is a facet token in the index, and a contentless row cannot be edited in place."""
        conn = self.db.conn
        sources = {
            row[0]
            for row in conn.execute(
                "SELECT source_id FROM report_urls WHERE report_id = ?", (report_id,)
            )
        }
        if source_id in sources:
            return
        effective_date, title, text, province, district, level, old_facets = conn.execute(
            "SELECT effective_date, title, text, province, district, level, facets"
            " FROM reports WHERE id = ?",
            (report_id,),
        ).fetchone()
        facets = facets_text(province, district, level, sources | {source_id})
        rowid = fts_rowid(effective_date, report_id)
        unindex_report(conn, rowid, title, text, old_facets)
        index_report(conn, rowid, title, text, facets)
        conn.execute("UPDATE reports SET facets = ? WHERE id = ?", (facets, report_id))

    def get_report(self, report_id: int) -> dict[str, Any] | None:
        """One report with every URL and source where it was seen, or None."""
        cursor = self.db.execute(
            f"""
            SELECT {_REPORT_COLUMNS}
            FROM reports r LEFT JOIN sources s ON s.id = r.source_id
            WHERE r.id = ?
            """,
            (report_id,),
        )
        row = next(_rows(cursor), None)
        if row is None:
            return None
        row = _report_row(row)
        row["urls"] = list(
            _rows(
                self.db.execute(
                    """
                    SELECT u.url, u.source_id, s.name AS source_name, u.first_seen
                    FROM report_urls u LEFT JOIN sources s ON s.id = u.source_id
                    WHERE u.report_id = ?
                    ORDER BY u.first_seen, u.url
                    """,
                    (report_id,),
                )
            )
        )
        return row

    def iter_reports(
        self, filters: ReportFilter | None = None, order: str = "newest"
    ) -> Iterator[dict[str, Any]]:
        """Reports one at a time from an open cursor (an export never holds them all).

        Filters are checked now (UnknownFilterError is raised by this call, not by the first
        next()). Rows carry `urls` as a list of URL strings.
        """
        if order not in REPORT_ORDERS:
            raise ValueError(f"report order {order!r} is not one of: {', '.join(REPORT_ORDERS)}")
        where = filter_sql(self.db, filters)
        cursor = self.db.conn.execute(
            f"""
            SELECT {_REPORT_COLUMNS}, {_REPORT_URLS} AS urls
            FROM reports r LEFT JOIN sources s ON s.id = r.source_id
            {where.where()}
            ORDER BY {REPORT_ORDERS[order]}
            """,
            where.params,
        )
        return (_report_row(row) for row in _rows(cursor))

    def count_reports(self, filters: ReportFilter | None = None) -> int:
        """How many reports match `filters`."""
        where = filter_sql(self.db, filters)
        row = self.db.execute(f"SELECT count(*) FROM reports r {where.where()}", where.params)
        return int(row.fetchone()[0])

    def new_since(self, ts: datetime) -> list[dict[str, Any]]:
        """Reports first seen at or after `ts` (aware), oldest first."""
        cursor = self.db.execute(
            f"""
            SELECT {_REPORT_COLUMNS}, {_REPORT_URLS} AS urls
            FROM reports r LEFT JOIN sources s ON s.id = r.source_id
            WHERE r.first_seen >= ?
            ORDER BY r.first_seen, r.id
            """,
            (to_text(ts),),
        )
        return [_report_row(row) for row in _rows(cursor)]

    def search(
        self,
        query: str,
        filters: ReportFilter | None = None,
        order: str = "relevance",
        limit: int = 20,
        *,
        markers: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Reports matching the user `query` (see db/query_syntax.py for the language)."""
        return search_reports(self.db, query, filters, order, limit, markers=markers)

    # -- crawl runs ----------------------------------------------------------------------

    def start_run(self, source_id: str) -> int:
        """Log the start of a crawl of `source_id`; returns the run id for `finish_run`."""
        with write_transaction(self.db):
            cursor = self.db.conn.execute(
                "INSERT INTO crawl_runs (source_id, started_at, status) VALUES (?, ?, 'running')",
                (source_id, self._timestamp()),
            )
        run_id = cursor.lastrowid
        assert run_id is not None
        return run_id

    def close_unfinished_runs(
        self, source_ids: Iterable[str], *, status: str = "interrupted", error: str | None = None
    ) -> int:
        """Close the runs of these sources still marked running (their process is gone)."""
        if status not in RUN_STATUSES or status == "running":
            raise ValueError(f"run status {status!r} cannot close a run")
        ids = tuple(source_ids)
        if not ids:
            return 0
        marks = ", ".join("?" for _ in ids)
        with write_transaction(self.db):
            cursor = self.db.conn.execute(
                f"UPDATE crawl_runs SET status = ?, error = ?, finished_at = ?"
                f" WHERE status = 'running' AND source_id IN ({marks})",
                (status, error, self._timestamp(), *ids),
            )
        return cursor.rowcount

    def finish_run(
        self,
        run_id: int,
        counts: Mapping[str, int],
        status: str = "ok",
        error: str | None = None,
        stats: Mapping[str, Any] | None = None,
    ) -> None:
        """Close a run with its counts (keys from RUN_COUNTS; missing ones are 0)."""
        if status not in RUN_STATUSES or status == "running":
            finished = ", ".join(s for s in RUN_STATUSES if s != "running")
            raise ValueError(f"run status {status!r} is not one of: {finished}")
        unknown = sorted(set(counts) - set(RUN_COUNTS))
        if unknown:
            raise ValueError(
                f"unknown run count {', '.join(unknown)}; known: {', '.join(RUN_COUNTS)}"
            )
        values = {name: int(counts.get(name, 0)) for name in RUN_COUNTS}
        assignments = ", ".join(f"{name} = :{name}" for name in RUN_COUNTS)
        with write_transaction(self.db):
            cursor = self.db.conn.execute(
                f"""
                UPDATE crawl_runs
                SET finished_at = :now, status = :status, error = :error, stats = :stats,
                    {assignments}
                WHERE id = :id AND status = 'running'
                """,
                {
                    **values,
                    "now": self._timestamp(),
                    "status": status,
                    "error": error,
                    "stats": _json(dict(stats or {})),
                    "id": run_id,
                },
            )
            if cursor.rowcount == 0:
                row = self.db.conn.execute(
                    "SELECT status FROM crawl_runs WHERE id = ?", (run_id,)
                ).fetchone()
                problem = "does not exist" if row is None else f"is already {row[0]}"
                raise StorageError(f"crawl run {run_id} {problem}; finish each started run once")

    # -- overview ------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Totals for a dashboard: reports per source (seen there), per province, per month
        (published, else first seen; YYYY-MM), and the last successful crawl of each source."""

        def pairs(sql: str) -> dict[str, Any]:
            return {key: value for key, value in self.db.execute(sql).fetchall()}

        return {
            "reports": int(self.db.execute("SELECT count(*) FROM reports").fetchone()[0]),
            "by_source": pairs(
                "SELECT source_id, count(DISTINCT report_id) FROM report_urls"
                " GROUP BY source_id ORDER BY source_id"
            ),
            "by_province": pairs(
                "SELECT province, count(*) FROM reports GROUP BY province ORDER BY province"
            ),
            "by_month": pairs(
                "SELECT substr(effective_date, 1, 7) AS month, count(*) FROM reports"
                " GROUP BY month ORDER BY month"
            ),
            "last_ok_crawl": pairs(
                "SELECT source_id, max(finished_at) FROM crawl_runs WHERE status = 'ok'"
                " GROUP BY source_id ORDER BY source_id"
            ),
        }


def open_db(
    target: str | Path | sqlite3.Connection, *, now: Callable[[], datetime] = utc_now
) -> Store:
    """Open (creating and migrating as needed) the database at a path, ":memory:" or a connection.

    Raises SchemaTooNewError for a database written by a newer eduwatch, StorageError for a file
    that is not a database. A connection passed in stays the caller's: `Store.close()` leaves it
    open.
    """
    db = connect(target)
    owns_connection = not isinstance(target, sqlite3.Connection)
    try:
        migrate(db, describe(target))
    except BaseException:
        if owns_connection:
            db.close()
        raise
    return Store(db, now=now, owns_connection=owns_connection)
