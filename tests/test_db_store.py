"""The storage layer as the crawler and the CLI use it, on real SQLite files and in memory."""

from __future__ import annotations

import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db import (
    SCHEMA_VERSION,
    PageRecord,
    ReportFilter,
    ReportRecord,
    SchemaTooNewError,
    SourceRecord,
    StorageError,
    Store,
    UnknownFilterError,
    open_db,
)
from db.migrations import MIGRATION_NAMES, applied_migrations

START = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


class Clock:
    """An injectable clock that moves only when told to."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current


LAI_CHAU = SourceRecord(
    "sgd-laichau",
    "Sở GD&ĐT Lai Châu",
    "department",
    "Lai Châu",
    "",
    ("https://sgd.laichau.gov.vn/",),
)
PHONG_THO = SourceRecord(
    "phongtho",
    "Huyện Phong Thổ",
    "district",
    "Lai Châu",
    "Phong Thổ",
    ("https://phongtho.gov.vn/",),
)
DIEN_BIEN = SourceRecord(
    "dienbien", "Huyện Điện Biên", "district", "Điện Biên", "Điện Biên", ("https://dienbien.vn/",)
)


def page_for(url: str, source: SourceRecord, **fields: Any) -> PageRecord:
    defaults: dict[str, Any] = {"kind": "article", "status": 200, "outcome": "report"}
    return PageRecord(url=url, source_id=source.id, **{**defaults, **fields})


def report_for(
    url: str,
    source: SourceRecord,
    content_hash: str,
    title: str = "Tổng kết năm học",
    **fields: Any,
) -> ReportRecord:
    values: dict[str, Any] = {
        "content_hash": content_hash,
        "title": title,
        "text": f"{title}. Ủy ban nhân dân huyện tổ chức hội nghị tổng kết năm học 2022-2023.",
        "published": date(2023, 8, 25),
        "byline": None,
        "platform": "nukeviet",
        "score": 0.9,
        "signals": ("title:tổng kết", "body:năm học"),
        "source_id": source.id,
        "province": source.province,
        "district": source.district,
        "level": source.level,
        "url": url,
    }
    values.update(fields)
    return ReportRecord(**values)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def opened() -> Iterator[list[Store]]:
    stores: list[Store] = []
    yield stores
    for store in stores:  # a failing test must not leak an open database
        store.close()


@pytest.fixture
def open_store(opened: list[Store], clock: Clock) -> Callable[..., Store]:
    def _open(target: str | Path | sqlite3.Connection = ":memory:", **kwargs: Any) -> Store:
        store = open_db(target, now=kwargs.pop("now", clock), **kwargs)
        opened.append(store)
        return store

    return _open


@pytest.fixture
def store(open_store: Callable[..., Store]) -> Store:
    store = open_store()
    store.sync_sources([LAI_CHAU, PHONG_THO, DIEN_BIEN])
    return store


def table_count(store: Store, table: str) -> int:
    return int(store.db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])


# -- opening, migrations, connection settings ---------------------------------------------


def test_file_database_gets_its_folder_wal_foreign_keys_and_busy_timeout(
    tmp_path: Path, open_store: Callable[..., Store]
) -> None:
    path = tmp_path / "nested" / "data" / "eduwatch.db"
    store = open_store(path)
    assert path.is_file()
    pragma = store.db.execute
    assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
    assert pragma("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_reopening_applies_no_migration_twice_and_keeps_the_data(
    tmp_path: Path, open_store: Callable[..., Store]
) -> None:
    path = tmp_path / "eduwatch.db"
    first = open_store(path)
    first.sync_sources([LAI_CHAU])
    first.save_report(page_for("https://a/1", LAI_CHAU), report_for("https://a/1", LAI_CHAU, "h1"))
    first.close()
    for _ in range(2):
        again = open_store(path)
        assert applied_migrations(again.db) == list(MIGRATION_NAMES)
        assert table_count(again, "_sqlite_migrations") == SCHEMA_VERSION
        assert again.count_reports() == 1
        again.close()


def test_database_from_a_newer_eduwatch_is_refused_with_one_line(
    tmp_path: Path, open_store: Callable[..., Store]
) -> None:
    path = tmp_path / "eduwatch.db"
    store = open_store(path)
    store.db["_sqlite_migrations"].insert(
        {"migration_set": "eduwatch", "name": "m999_future", "applied_at": "2030-01-01"}
    )
    store.close()
    with pytest.raises(SchemaTooNewError) as raised:
        open_db(path)
    message = str(raised.value)
    assert "\n" not in message
    assert str(path) in message and "m999_future" in message and "upgrade" in message


def test_a_file_that_is_not_a_database_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(StorageError) as raised:
        open_db(path)
    assert str(path) in str(raised.value)


def test_a_connection_passed_in_stays_open_for_its_owner(open_store: Callable[..., Store]) -> None:
    conn = sqlite3.connect(":memory:")
    store = open_store(conn)
    store.sync_sources([LAI_CHAU])
    store.close()
    assert conn.execute("SELECT id FROM sources").fetchall() == [("sgd-laichau",)]
    conn.close()


def test_store_closes_as_a_context_manager(tmp_path: Path) -> None:
    with open_db(tmp_path / "x.db") as store:
        store.sync_sources([LAI_CHAU])
    with pytest.raises(sqlite3.ProgrammingError):
        store.db.execute("SELECT 1")


def test_a_clock_without_time_zone_is_refused(open_store: Callable[..., Store]) -> None:
    store = open_store(now=lambda: datetime(2024, 1, 1, 8, 0))
    with pytest.raises(ValueError, match="time zone"):
        store.sync_sources([LAI_CHAU])


def test_a_second_writer_waits_for_the_lock_instead_of_failing(
    tmp_path: Path, open_store: Callable[..., Store]
) -> None:
    path = tmp_path / "shared.db"
    waiter = open_store(path)
    locked = threading.Event()
    releasing: list[float] = []

    def hold_the_write_lock() -> None:  # another process, in effect: its own connection
        with open_db(path) as holder:
            holder.db.execute("BEGIN IMMEDIATE")
            locked.set()
            time.sleep(0.3)
            releasing.append(time.monotonic())
            holder.db.commit()

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    assert locked.wait(5)
    waiter.sync_sources([LAI_CHAU])  # blocks until the holder commits, within busy_timeout
    done = time.monotonic()
    holder.join()
    assert releasing and done >= releasing[0]  # it waited for the commit, whatever the load
    assert [s["id"] for s in waiter.list_sources()] == ["sgd-laichau"]


# -- records ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: SourceRecord("x", "X", "commune"),
        lambda: PageRecord("https://a/1", "x", "article", 200, "saved"),
        lambda: PageRecord("https://a/1", "x", "pdf", 200, "report"),
        lambda: ReportFilter(since=date(2024, 2, 1), until=date(2024, 1, 1)),
        lambda: ReportFilter(provinces="Lai Châu"),  # type: ignore[arg-type]
    ],
)
def test_records_refuse_values_outside_the_vocabulary(build: Callable[[], object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        build()


# -- sources ------------------------------------------------------------------------------


def test_sync_sources_updates_values_but_touches_updated_at_only_on_change(
    open_store: Callable[..., Store], clock: Clock
) -> None:
    store = open_store()
    store.sync_sources([LAI_CHAU, PHONG_THO])
    first = {row["id"]: row for row in store.db["sources"].rows}
    clock.advance(hours=1)
    renamed = replace(PHONG_THO, name="UBND huyện Phong Thổ")
    store.sync_sources([LAI_CHAU, renamed])
    second = {row["id"]: row for row in store.db["sources"].rows}
    assert second["sgd-laichau"]["updated_at"] == first["sgd-laichau"]["updated_at"]
    assert second["phongtho"]["updated_at"] > first["phongtho"]["updated_at"]
    assert [s["name"] for s in store.list_sources()] == ["UBND huyện Phong Thổ", LAI_CHAU.name]


# -- saving reports -----------------------------------------------------------------------


def test_the_same_report_from_two_sources_is_one_report_with_two_urls(
    store: Store, clock: Clock
) -> None:
    province_url, district_url = "https://sgd.laichau.gov.vn/tin/1", "https://phongtho.gov.vn/a/9"
    first = store.save_report(
        page_for(province_url, LAI_CHAU), report_for(province_url, LAI_CHAU, "same-hash")
    )
    clock.advance(hours=6)
    second = store.save_report(
        page_for(district_url, PHONG_THO), report_for(district_url, PHONG_THO, "same-hash")
    )
    assert first.is_new and not second.is_new
    assert first.report_id == second.report_id
    assert store.count_reports() == 1

    report = store.get_report(first.report_id)
    assert report is not None
    assert report["url"] == province_url and report["source"] == LAI_CHAU.id
    seen = {(u["url"], u["source_id"], u["source_name"]) for u in report["urls"]}
    assert seen == {
        (province_url, LAI_CHAU.id, LAI_CHAU.name),
        (district_url, PHONG_THO.id, PHONG_THO.name),
    }
    assert report["last_seen"] > report["first_seen"]
    assert report["signals"] == ["title:tổng kết", "body:năm học"]

    province_page, district_page = store.page_state(province_url), store.page_state(district_url)
    assert province_page is not None and district_page is not None
    assert (province_page.outcome, district_page.outcome) == ("report", "duplicate")
    assert province_page.report_id == district_page.report_id == first.report_id


def test_refetching_the_reports_own_page_is_not_a_duplicate(store: Store, clock: Clock) -> None:
    url = "https://sgd.laichau.gov.vn/tin/1"
    store.save_report(page_for(url, LAI_CHAU), report_for(url, LAI_CHAU, "h"))
    clock.advance(days=1)
    again = store.save_report(page_for(url, LAI_CHAU), report_for(url, LAI_CHAU, "h"))
    state = store.page_state(url)
    assert not again.is_new
    assert state is not None and state.outcome == "report"
    assert state.last_fetched == clock.current
    row = store.db.execute("SELECT fetch_count FROM pages WHERE url = ?", (url,)).fetchone()
    assert row[0] == 2
    report = store.get_report(again.report_id)
    assert report is not None and len(report["urls"]) == 1


def test_timestamps_come_from_the_injected_clock(store: Store, clock: Clock) -> None:
    saved = store.save_report(
        page_for("https://a/1", LAI_CHAU), report_for("https://a/1", LAI_CHAU, "h")
    )
    report = store.get_report(saved.report_id)
    assert report is not None
    assert datetime.fromisoformat(report["first_seen"]) == clock.current


def test_new_report_hooks_run_inside_the_saving_transaction(store: Store) -> None:
    received: list[tuple[int, str, list[str]]] = []

    def outbox(s: Store, report_id: int, report: dict[str, Any]) -> None:
        assert s.db.conn.in_transaction
        received.append((report_id, report["title"], [u["url"] for u in report["urls"]]))
        s.db["outbox"].insert({"report_id": report_id})

    store.on_new_report.append(outbox)
    url = "https://a/1"
    saved = store.save_report(page_for(url, LAI_CHAU), report_for(url, LAI_CHAU, "h1"))
    store.save_report(
        page_for("https://b/1", PHONG_THO), report_for("https://b/1", PHONG_THO, "h1")
    )
    assert received == [(saved.report_id, "Tổng kết năm học", [url])]  # duplicates do not alert
    assert [row["report_id"] for row in store.db["outbox"].rows] == [saved.report_id]
    assert not store.db.conn.in_transaction


def test_a_failing_hook_leaves_nothing_half_written(store: Store) -> None:
    def outbox_then_fail(s: Store, report_id: int, report: dict[str, Any]) -> None:
        s.db["outbox"].insert({"report_id": report_id})
        raise RuntimeError("mail server refused")

    store.on_new_report.append(outbox_then_fail)
    url = "https://a/1"
    with pytest.raises(RuntimeError, match="mail server refused"):
        store.save_report(page_for(url, LAI_CHAU), report_for(url, LAI_CHAU, "h1"))
    for table in ("reports", "report_urls", "pages"):
        assert table_count(store, table) == 0, table
    assert not store.db["outbox"].exists()
    assert store.search("tổng kết") == []
    assert store.page_state(url) is None

    store.on_new_report.clear()
    saved = store.save_report(page_for(url, LAI_CHAU), report_for(url, LAI_CHAU, "h1"))
    assert saved.is_new
    assert [hit.id for hit in store.search("tổng kết")] == [saved.report_id]


def test_decomposed_unicode_is_stored_composed(store: Store) -> None:
    title = unicodedata.normalize("NFD", "Hội nghị tổng kết năm học")
    saved = store.save_report(
        page_for("https://a/1", LAI_CHAU),
        report_for("https://a/1", LAI_CHAU, "nfd", title=title, text=title),
    )
    report = store.get_report(saved.report_id)
    assert report is not None
    assert report["title"] == unicodedata.normalize("NFC", title)
    assert store.search("hoi nghi")[0].snippet == "[Hội nghị] tổng kết năm học"


# -- pages --------------------------------------------------------------------------------


def test_record_page_keeps_first_seen_and_counts_fetches(store: Store, clock: Clock) -> None:
    url = "https://phongtho.gov.vn/tin-tuc/"
    store.record_page(page_for(url, PHONG_THO, kind="listing", outcome="listing", etag='"v1"'))
    first_seen = clock.current
    clock.advance(hours=6)
    store.record_page(page_for(url, PHONG_THO, kind="listing", outcome="listing", etag='"v2"'))
    row = store.db.execute(
        "SELECT first_seen, last_fetched, fetch_count, etag FROM pages WHERE url = ?", (url,)
    ).fetchone()
    assert datetime.fromisoformat(row[0]) == first_seen
    assert datetime.fromisoformat(row[1]) == clock.current
    assert row[2:] == (2, '"v2"')


def test_not_modified_and_errors_keep_what_was_known_about_the_content(store: Store) -> None:
    url = "https://a/1"
    store.save_report(
        page_for(url, LAI_CHAU, etag='"abc"', last_modified="Mon, 09 Oct 2023 09:53:00 GMT"),
        report_for(url, LAI_CHAU, "h1"),
    )
    before = store.page_state(url)
    store.record_page(page_for(url, LAI_CHAU, status=304, outcome="not_modified"))
    after_304 = store.page_state(url)
    store.record_page(page_for(url, LAI_CHAU, status=503, outcome="error", reason="HTTP 503"))
    after_error = store.page_state(url)
    assert before is not None and after_304 is not None and after_error is not None
    for state in (after_304, after_error):
        assert (state.etag, state.last_modified, state.content_hash, state.report_id) == (
            before.etag,
            before.last_modified,
            before.content_hash,
            before.report_id,
        )
    assert (after_304.status, after_304.outcome) == (304, "not_modified")
    assert (after_error.status, after_error.outcome) == (503, "error")


def test_a_page_whose_content_changed_loses_its_old_report_link(store: Store) -> None:
    url = "https://a/1"
    store.save_report(page_for(url, LAI_CHAU), report_for(url, LAI_CHAU, "h1"))
    store.record_page(page_for(url, LAI_CHAU, outcome="not_education", content_hash="h2"))
    state = store.page_state(url)
    assert state is not None
    assert (state.outcome, state.content_hash, state.report_id) == ("not_education", "h2", None)


def test_record_page_refuses_report_outcomes(store: Store) -> None:
    with pytest.raises(ValueError, match="save_report"):
        store.record_page(page_for("https://a/1", LAI_CHAU, outcome="duplicate"))


def test_known_article_urls_are_the_judged_articles_of_a_source(store: Store) -> None:
    judged = {
        "https://a/report": "report",
        "https://a/other": "not_education",
        "https://a/menu": "not_article",
        "https://a/blank": "empty",
    }
    store.save_report(
        page_for("https://a/report", LAI_CHAU), report_for("https://a/report", LAI_CHAU, "h")
    )
    store.save_report(
        page_for("https://a/copy", LAI_CHAU), report_for("https://a/copy", LAI_CHAU, "h")
    )
    judged["https://a/copy"] = "duplicate"
    for url, outcome in judged.items():
        if outcome not in ("report", "duplicate"):
            store.record_page(page_for(url, LAI_CHAU, outcome=outcome))
    store.record_page(page_for("https://a/broken", LAI_CHAU, outcome="error", status=500))
    store.record_page(page_for("https://a/list", LAI_CHAU, kind="listing", outcome="listing"))
    store.record_page(page_for("https://b/other", PHONG_THO, outcome="not_education"))

    assert store.known_article_urls(LAI_CHAU.id) == set(judged)
    assert store.known_article_urls() == set(judged) | {"https://b/other"}
    assert store.page_state("https://nowhere/") is None


# -- crawl runs ---------------------------------------------------------------------------


def test_crawl_runs_record_counts_and_feed_the_source_list(store: Store, clock: Clock) -> None:
    ok_run = store.start_run(LAI_CHAU.id)
    clock.advance(minutes=5)
    store.finish_run(
        ok_run,
        {"pages_fetched": 40, "new_reports": 3, "requests": 45},
        stats={"finish_reason": "finished", "start_time": START},
    )
    ok_finished = clock.current
    clock.advance(hours=6)
    failed_run = store.start_run(LAI_CHAU.id)
    store.finish_run(failed_run, {"errors": 1}, status="failed", error="DNS lookup failed")

    row = store.db["crawl_runs"].get(ok_run)
    assert (row["status"], row["pages_fetched"], row["new_reports"], row["duplicates"]) == (
        "ok",
        40,
        3,
        0,
    )
    assert "finish_reason" in row["stats"]
    failed = store.db["crawl_runs"].get(failed_run)
    assert (failed["status"], failed["error"]) == ("failed", "DNS lookup failed")

    sources = {s["id"]: s for s in store.list_sources()}
    assert datetime.fromisoformat(sources[LAI_CHAU.id]["last_ok_at"]) == ok_finished
    assert datetime.fromisoformat(sources[LAI_CHAU.id]["last_run_at"]) == clock.current
    assert sources[PHONG_THO.id]["last_run_at"] is None
    assert store.stats()["last_ok_crawl"] == {LAI_CHAU.id: sources[LAI_CHAU.id]["last_ok_at"]}


def test_finish_run_refuses_typos_and_second_finishes(store: Store) -> None:
    run = store.start_run(LAI_CHAU.id)
    with pytest.raises(ValueError, match="pages_fetchd"):
        store.finish_run(run, {"pages_fetchd": 3})
    with pytest.raises(ValueError, match="status"):
        store.finish_run(run, {}, status="done")
    store.finish_run(run, {}, status="interrupted")
    with pytest.raises(StorageError, match="already interrupted"):
        store.finish_run(run, {})
    with pytest.raises(StorageError, match="does not exist"):
        store.finish_run(run + 100, {})


# -- reading reports ----------------------------------------------------------------------


def fill(store: Store, clock: Clock, count: int) -> list[int]:
    ids = []
    for i in range(count):
        source = (LAI_CHAU, PHONG_THO, DIEN_BIEN)[i % 3]
        url = f"https://{source.id}.gov.vn/tin/{i}"
        published = date(2023, 1, 1) + timedelta(days=i) if i % 4 else None
        clock.advance(hours=1)
        report = report_for(url, source, f"hash-{i}", title=f"Tin số {i}", published=published)
        ids.append(store.save_report(page_for(url, source), report).report_id)
    return ids


def test_iter_reports_streams_from_a_cursor(store: Store, clock: Clock) -> None:
    fill(store, clock, 300)
    steps = 0

    def count_step() -> int:
        nonlocal steps
        steps += 1
        return 0

    store.db.conn.set_progress_handler(count_step, 10)
    rows = store.iter_reports()
    first = next(rows)
    steps_for_first = steps
    rest = list(rows)
    store.db.conn.set_progress_handler(None, 0)
    assert len(rest) == 299
    assert set(first) >= {"id", "title", "text", "published", "url", "urls", "source"}
    # Reading one row must cost a small part of reading them all, or it was not streamed.
    assert steps_for_first * 20 < steps


def test_iter_reports_orders_by_published_falling_back_to_first_seen(
    store: Store, clock: Clock
) -> None:
    fill(store, clock, 12)
    rows = list(store.iter_reports())
    days = [r["published"] or r["first_seen"][:10] for r in rows]
    assert days == sorted(days, reverse=True)
    assert [r["id"] for r in store.iter_reports(order="oldest")] == [r["id"] for r in rows][::-1]
    assert all(r["urls"] == [r["url"]] for r in rows)
    with pytest.raises(ValueError, match="newest"):
        store.iter_reports(order="random")


def test_iter_reports_and_count_apply_filters(store: Store, clock: Clock) -> None:
    fill(store, clock, 12)
    lai_chau = ReportFilter(provinces=("lai chau",))
    rows = list(store.iter_reports(lai_chau))
    assert rows and {r["province"] for r in rows} == {"Lai Châu"}
    assert store.count_reports(lai_chau) == len(rows) == 8
    assert store.count_reports(ReportFilter(levels=("District",))) == 8
    assert store.count_reports(ReportFilter(districts=("huyện phong thổ",))) == 4
    with pytest.raises(UnknownFilterError) as raised:
        store.iter_reports(ReportFilter(provinces=("Hà Giang",)))
    assert "Hà Giang" in str(raised.value) and "Lai Châu" in str(raised.value)


def test_new_since_returns_reports_first_seen_at_or_after_a_moment(
    store: Store, clock: Clock
) -> None:
    ids = fill(store, clock, 5)
    cutoff = clock.current - timedelta(hours=1)  # the moment the 4th report was saved
    assert [r["id"] for r in store.new_since(cutoff)] == ids[3:]
    assert store.new_since(clock.advance(seconds=1)) == []
    with pytest.raises(ValueError, match="time zone"):
        store.new_since(datetime(2024, 1, 1))


def test_stats_count_per_source_province_and_month(store: Store) -> None:
    published = [date(2023, 8, 25), date(2023, 8, 30), date(2023, 9, 5), None]
    for i, day in enumerate(published):
        source = LAI_CHAU if i < 3 else DIEN_BIEN
        url = f"https://x/{i}"
        store.save_report(page_for(url, source), report_for(url, source, f"h{i}", published=day))
    store.save_report(
        page_for("https://y/1", PHONG_THO), report_for("https://y/1", PHONG_THO, "h0")
    )
    stats = store.stats()
    assert stats["reports"] == 4
    assert stats["by_source"] == {LAI_CHAU.id: 3, DIEN_BIEN.id: 1, PHONG_THO.id: 1}
    assert stats["by_province"] == {"Lai Châu": 3, "Điện Biên": 1}
    # The undated report counts in the month it was first seen.
    assert stats["by_month"] == {"2023-08": 2, "2023-09": 1, START.strftime("%Y-%m"): 1}
    counts = {s["id"]: s["reports"] for s in store.list_sources()}
    assert counts == {LAI_CHAU.id: 3, PHONG_THO.id: 1, DIEN_BIEN.id: 1}


def test_upgrading_a_database_fills_the_search_vocabulary(
    tmp_path: Path, open_store: Callable[..., Store]
) -> None:
    path = tmp_path / "older.db"
    store = open_store(path)
    store.sync_sources([LAI_CHAU])
    store.save_report(
        page_for("https://a/1", LAI_CHAU),
        report_for("https://a/1", LAI_CHAU, "h1", title="Lễ khaimạc hội thi giáo viên giỏi"),
    )
    # As the database was before m003_search_vocabulary.
    store.db.execute("DROP TABLE search_vocabulary")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_search_vocabulary'")
    store.close()
    upgraded = open_store(path)
    assert sorted(applied_migrations(upgraded.db)) == sorted(MIGRATION_NAMES)
    upgraded.save_report(
        page_for("https://a/2", LAI_CHAU),
        report_for("https://a/2", LAI_CHAU, "h2", title="Khai giảng năm học mới"),
    )
    # "khai*" must find the older report's "khaimạc" too, not only the newer "khai".
    found = {hit.url for hit in upgraded.search("khai*")}
    assert found == {"https://a/1", "https://a/2"}


def test_report_url_prefers_the_sources_readable_permalink(tmp_path: Path) -> None:
    from datetime import date

    from db import PageRecord, ReportRecord, open_db

    store = open_db(tmp_path / "u.db")
    raw = "http://h.example.vn/index.php?language=vi&nv=news&op=giao-duc/a-1"
    nice = "http://h.example.vn/vi/news/giao-duc/a-1.html"
    other = "http://other.example.vn/tin/a-1.html"
    for url, source in ((raw, "h"), (other, "o"), (nice, "h")):
        page = PageRecord(url=url, source_id=source, kind="article", status=200, outcome="report")
        report = ReportRecord(
            content_hash="x" * 64, title="Tổng kết năm học", text="Nội dung báo cáo.",
            published=date(2023, 8, 25), byline=None, platform=None, score=0.9, signals=(),
            source_id=source, province="Lai Châu", district="", level="district", url=url,
        )
        store.save_report(page, report)
    saved = store.get_report(1)
    assert saved is not None
    assert saved["url"] == nice  # not another source's URL, not the index.php spelling
    assert {u["url"] for u in saved["urls"]} == {raw, nice, other}
    store.close()


def test_runs_left_running_by_a_dead_process_can_be_closed(tmp_path: Path) -> None:
    from db import open_db

    store = open_db(tmp_path / "runs.db")
    left = store.start_run("a")
    other = store.start_run("b")
    assert store.close_unfinished_runs(["a"], status="interrupted", error="killed") == 1
    rows = {r["id"]: r for r in store.db["crawl_runs"].rows}
    assert rows[left]["status"] == "interrupted" and rows[left]["finished_at"]
    assert rows[other]["status"] == "running"  # another source's crawl is not touched
    store.close()
