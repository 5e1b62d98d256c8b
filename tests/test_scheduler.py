"""`eduwatch run`: timing from stored runs, one crawl per source at a time, one scheduler per
database, clean stops — driven by plain calls with fake crawl children and an injected clock;
then once for real against the sample portals with a webhook receiver, an SMTP server and a feed.
"""

from __future__ import annotations

import json
import logging
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest
import schedule
from click.testing import CliRunner

from cleaners.vietnamese import fold
from crawler.cli import cli
from crawler.config import Config
from crawler.demo import DEMO_CRAWL
from crawler.sample_portals import start_portals
from crawler.scheduler import (
    Monitor,
    SchedulerBusy,
    first_due,
    interval_of,
    last_runs,
    parse_summaries,
    plan,
    run_once,
    scheduler_lock,
)
from db import Outbox, load_health, open_db
from tests.test_alerts import MailReceiver, WebhookReceiver, webhook

HOUR = 3600.0


# ----------------------------------------------------------------------------- fakes


class FakeChild:
    """A crawl child that ends when told to (or on SIGINT, if `obedient`)."""

    def __init__(self, config_path: Path, sources: Sequence[str], obedient: bool = True) -> None:
        self.sources = tuple(sources)
        self.pid = 4000 + len(sources)
        self.code: int | None = None
        self.signals: list[int] = []
        self.killed = False
        self.obedient = obedient
        self.stdout = ""
        self.stderr = ""

    def finish(self, status: str = "ok", new_reports: int = 0, code: int = 0) -> None:
        self.stdout = json.dumps([{"source": s, "status": status, "pages_fetched": 10,
                                   "new_reports": new_reports, "duplicates": 0,
                                   "cuts": {"known": 5}} for s in self.sources])
        self.code = code

    def crash(self, code: int = 1) -> None:
        self.stderr = "Traceback (most recent call last):\nMemoryError"
        self.code = code

    def poll(self) -> int | None:
        return self.code

    def send_signal(self, signum: int) -> None:
        self.signals.append(signum)
        if self.obedient:
            self.finish(status="interrupted")

    def kill(self) -> None:
        self.killed = True
        self.code = -9

    def output(self) -> tuple[str, str]:
        return self.stdout, self.stderr


class Launcher:
    """Starts FakeChild crawls; `obedience` says, launch by launch, which ones heed SIGINT."""

    def __init__(self, *obedience: bool) -> None:
        self.children: list[FakeChild] = []
        self.obedience = list(obedience)

    def __call__(self, config_path: Path, sources: Sequence[str]) -> FakeChild:
        obedient = self.obedience.pop(0) if self.obedience else True
        child = FakeChild(config_path, sources, obedient)
        self.children.append(child)
        return child


class Ticker:
    """A monotonic clock for timeouts that advances when `sleep` is called."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


THREE_SOURCES = """
[[sources]]
id = "a"
name = "Portal A"
level = "district"
urls = ["http://127.0.0.2:9/"]
interval = "1h"

[[sources]]
id = "b"
name = "Portal B"
level = "province"
urls = ["http://127.0.0.3:9/"]

[[sources]]
id = "c"
name = "Portal C"
level = "department"
urls = ["http://127.0.0.4:9/"]
"""


def three_source_config(tmp_path: Path, alerts: str = "") -> Config:
    path = tmp_path / "eduwatch.toml"
    path.write_text('[storage]\ndb = "eduwatch.db"\n[crawl]\ninterval = "6h"\njitter = 0.1\n'
                    'alert_after_failures = 1\n' + THREE_SOURCES + alerts, encoding="utf-8")
    from crawler.config import load_config

    return load_config(path)


# ----------------------------------------------------------------------------- timing


def test_a_source_runs_now_if_never_run_or_overdue_else_one_interval_after_its_last_run() -> None:
    now = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    assert first_due(None, 6 * HOUR, now) == now
    assert first_due(now - timedelta(hours=30), 6 * HOUR, now) == now  # five slots missed: once
    assert first_due(now - timedelta(hours=2), 6 * HOUR, now) == now + timedelta(hours=4)


def test_each_source_has_its_own_interval(tmp_path: Path) -> None:
    config = three_source_config(tmp_path)
    assert [interval_of(config, s) for s in config.sources] == [HOUR, 6 * HOUR, 6 * HOUR]


def test_the_plan_runs_overdue_sources_once_and_the_others_on_time(tmp_path: Path) -> None:
    config = three_source_config(tmp_path)
    now = datetime.now(UTC)
    monitor = Monitor(config, now=lambda: now, launch=Launcher())
    last = {"a": now - timedelta(hours=50), "b": now - timedelta(hours=1), "c": None}
    scheduler = schedule.Scheduler()
    jobs = {next(iter(j.tags)): j for j in plan(scheduler, monitor, config.sources, last)}
    assert jobs["b"].next_run == (now + timedelta(hours=5)).astimezone().replace(tzinfo=None)
    assert (jobs["a"].interval, jobs["a"].latest) == (3600, 3960)  # 1h + up to 10% jitter

    scheduler.run_pending()  # a (overdue by two days) and c (never run) are due; b is not
    scheduler.run_pending()  # and not again: a missed slot is not made up for
    assert list(monitor.requested) == ["a", "c"]
    for name in ("a", "c"):
        job = jobs[name]
        assert job.next_run is not None and job.last_run is not None
        waited = (job.next_run - job.last_run).total_seconds()
        # the next run carries the jitter; `schedule` reads the clock once for last_run and once
        # for next_run, so the two may be a few microseconds apart either way
        assert job.interval - 1 <= waited <= job.latest + 1


def test_due_sources_start_together_and_a_running_source_is_not_started_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    launcher = Launcher()
    monitor = Monitor(three_source_config(tmp_path), launch=launcher)
    monitor.request("a")
    monitor.request("c")
    first = monitor.launch_requested()
    assert first is not None and first.sources == ("a", "c")
    with caplog.at_level(logging.INFO, logger="eduwatch.run"):
        monitor.request("a")  # its slot comes round while it still crawls
    assert "still running; not started again" in caplog.text
    monitor.request("b")
    second = monitor.launch_requested()
    assert second is not None and second.sources == ("b",)
    assert monitor.reap() == []

    launcher.children[0].finish(new_reports=2)
    with caplog.at_level(logging.INFO, logger="eduwatch.run"):
        (result,) = monitor.reap()
    assert [s["source"] for s in result.summaries] == ["a", "c"]
    assert "crawled a in" in caplog.text and "2 new reports" in caplog.text
    monitor.request("a")
    third = monitor.launch_requested()
    assert third is not None and third.sources == ("a",)


def test_a_crashed_crawl_counts_as_a_failed_cycle_for_its_sources(tmp_path: Path) -> None:
    config = three_source_config(
        tmp_path,
        '[[alerts]]\nname = "ops"\ntype = "jsonl"\npath = "ops.jsonl"\noperator = true\n',
    )
    launcher = Launcher()
    monitor = Monitor(config, launch=launcher)
    monitor.request("b")
    monitor.launch_requested()
    launcher.children[0].crash()
    (result,) = monitor.reap()
    assert result.summaries == () and "exited with code 1" in result.problem
    store = open_db(config.db_path)
    try:
        assert load_health(store, "b").state == "down"  # alert_after_failures = 1 here
        (notice,) = Outbox(store).alerts()
        assert notice["notice"]["event"] == "source_down"
    finally:
        store.close()


def test_stopping_sends_one_sigint_and_kills_only_what_does_not_stop(tmp_path: Path) -> None:
    ticker = Ticker()
    launcher = Launcher(True, False)  # the second crawl ignores SIGINT
    monitor = Monitor(three_source_config(tmp_path), launch=launcher, monotonic=ticker)
    monitor.request("a")
    polite = monitor.launch_requested()
    monitor.request("b")
    stubborn = monitor.launch_requested()
    assert isinstance(polite, FakeChild) and isinstance(stubborn, FakeChild)
    monitor.stop(grace=30, wait=ticker.sleep)
    assert polite.signals == [signal.SIGINT] and not polite.killed
    assert stubborn.signals == [signal.SIGINT] and stubborn.killed
    assert 30 <= ticker.now < 31 and not monitor.busy


def test_run_once_crawls_only_what_is_due_in_one_process(tmp_path: Path) -> None:
    config = three_source_config(tmp_path)
    now = datetime.now(UTC)
    launcher = Launcher()

    def launch(config_path: Path, sources: Sequence[str]) -> FakeChild:
        child = launcher(config_path, sources)
        child.finish()
        return child

    monitor = Monitor(config, now=lambda: now, launch=launch)
    last = {"a": now - timedelta(minutes=61), "b": now - timedelta(hours=1), "c": None}
    results = run_once(monitor, config.sources, last, threading.Event())
    assert [c.sources for c in launcher.children] == [("a", "c")]
    assert [s["source"] for s in results[0].summaries] == ["a", "c"]
    last = {s.id: now for s in config.sources}
    assert run_once(monitor, config.sources, last, threading.Event()) == []


def test_the_summary_is_read_from_the_last_json_line() -> None:
    assert parse_summaries('noise\n[{"source": "a", "status": "ok"}]\n') == [
        {"source": "a", "status": "ok"}]
    assert parse_summaries("Traceback ...\n") is None


# ----------------------------------------------------------------------------- the lock


def test_one_scheduler_per_database(tmp_path: Path) -> None:
    config = three_source_config(tmp_path)
    with scheduler_lock(config.db_path) as lock_path:
        assert lock_path.parent == config.db_path.parent
        with pytest.raises(SchedulerBusy, match=r"another `eduwatch run` \(pid \d+\)"), \
                scheduler_lock(config.db_path):
            pass
        second = CliRunner().invoke(cli, ["--config", str(config.path), "run", "--once"])
        assert second.exit_code == 2
        assert "is already scheduling this database" in second.stderr
    with scheduler_lock(config.db_path):  # released with its holder
        pass


# ----------------------------------------------------------------------------- for real


def crawls_running(db: Path, source: str) -> bool:
    with closing(sqlite3.connect(db)) as conn:
        return bool(conn.execute(
            "SELECT count(*) FROM crawl_runs WHERE status = 'running' AND source_id = ?",
            (source,)).fetchone()[0])


def same_page(url: str, other: str) -> bool:
    return urlsplit(url).path == urlsplit(other).path


@pytest.fixture(scope="module")
def monitored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`eduwatch run` on the sample portals: a first cycle, then a report is published while it
    runs; stopped with SIGTERM during a later crawl, once the report was delivered. ~20 s."""
    workdir = tmp_path_factory.mktemp("run")
    hook, mail = WebhookReceiver(), MailReceiver()
    with start_portals() as portals:
        config_path = portals.write_config(
            workdir / "eduwatch.toml", workdir / "eduwatch.db",
            crawl={**DEMO_CRAWL, "interval": "2s", "jitter": 0.0},
        )
        alerts = (webhook("hook", hook.url)
                  + f'[[alerts]]\nname = "mail"\ntype = "apprise"\nurl = "{mail.url}"\n'
                  + 'keywords = ["tuyen sinh"]\n'
                  + '[[alerts]]\nname = "feed"\ntype = "feed"\npath = "feed.xml"\n')
        # A start page that answers after 3 s keeps every crawl of the district portal running
        # long enough for the SIGTERM below to land inside it, however loaded the machine is.
        home = portals.url("huyen-dien-bien", portals.manifest.portal("huyen-dien-bien").home_path)
        slow = portals.url("huyen-dien-bien", "/__fail/slow?ms=3000")
        text = config_path.read_text(encoding="utf-8")
        assert f'urls = ["{home}"]' in text
        text = text.replace(f'urls = ["{home}"]', f'urls = ["{home}", "{slow}"]')
        config_path.write_text(text + alerts, encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "crawler", "--config", str(config_path), "run"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        assert process.stdout is not None
        log: list[str] = []
        reader = threading.Thread(target=lambda: log.extend(iter(process.stdout.readline, "")),
                                  daemon=True)  # type: ignore[union-attr]
        reader.start()

        def wait_until(done: Any, what: str, limit: float = 90) -> None:
            deadline = time.monotonic() + limit
            while time.monotonic() < deadline and process.poll() is None:
                if done():
                    return
                time.sleep(0.1)
            raise AssertionError(f"{what} did not happen; log:\n{''.join(log)}")

        try:
            wait_until(lambda: any("alerts hook:" in line for line in log), "first delivery")
            after_first = len(hook.accepted())
            held = portals.manifest.held_back()[0]
            held_url = portals.publish(held.portal, held.id)
            wait_until(lambda: any(same_page(u, held_url) for d in hook.accepted()
                                   for u in d["urls"]), "delivery of the published report")
            wait_until(lambda: crawls_running(workdir / "eduwatch.db", "huyen-dien-bien"),
                       "another crawl of the district portal")
            process.send_signal(signal.SIGTERM)  # while that crawl stores pages
            code = process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            reader.join(timeout=5)
            process.stdout.close()
            hook.down()
            mail.stop()
        yield {"config": config_path, "db": workdir / "eduwatch.db", "held_url": held_url,
               "code": code, "log": "".join(log), "hook": hook.accepted(),
               "mail": mail.messages, "after_first": after_first, "feed": workdir / "feed.xml"}


def reports_in(db: Path) -> list[dict[str, Any]]:
    store = open_db(db)
    try:
        return list(store.iter_reports())
    finally:
        store.close()


def test_run_alerts_each_new_report_once_on_every_matching_channel(
    monitored: dict[str, Any],
) -> None:
    held_url = monitored["held_url"]
    reports = reports_in(monitored["db"])
    (held,) = [r for r in reports if any(same_page(u, held_url) for u in r["urls"])]
    hook_ids = [d["id"] for d in monitored["hook"]]
    assert sorted(hook_ids) == sorted(r["id"] for r in reports)  # each report once, none missing
    assert hook_ids.count(held["id"]) == 1
    assert monitored["after_first"] < len(hook_ids)  # it came with a later cycle

    # the mail channel wants "tuyen sinh" (typed without diacritics): the reports that say it
    mailed = [MailReceiver.text(m) for m in monitored["mail"]]
    wanted = [r for r in reports if "tuyen sinh" in fold(r["title"] + " " + r["text"])]
    assert len(mailed) == len(wanted) and wanted
    assert sum(f"Xem bài: {held['url']}" in body for body in mailed) == 1

    feed = feedparser.parse(monitored["feed"].read_bytes())
    assert not feed.bozo
    links = [e.link for e in feed.entries]
    assert links.count(held["url"]) == 1 and len(links) == len(set(links)) == len(reports)


def test_run_logs_what_ran_what_it_found_and_when_next_and_stops_cleanly(
    monitored: dict[str, Any],
) -> None:
    text = monitored["log"]
    assert monitored["code"] == 0, text
    for needle in ("eduwatch run: 4 source(s)", "crawling huyen-dien-bien", "new report",
                   "next run at", "SIGTERM received: stopping", "stopping the crawl of",
                   "stopped"):
        assert needle in text, needle
    with closing(sqlite3.connect(monitored["db"])) as conn:
        statuses = {row[0] for row in conn.execute("SELECT status FROM crawl_runs")}
    assert "running" not in statuses, text  # the interrupted crawl closed its run
    assert "interrupted" in statuses, text


def test_run_once_later_finds_nothing_new_and_alerts_nothing_again(
    monitored: dict[str, Any],
) -> None:
    store = open_db(monitored["db"])
    try:
        before = Outbox(store).counts()
    finally:
        store.close()
    config = monitored["config"]
    from crawler.config import load_config

    loaded = load_config(config)
    starts = last_runs(loaded)
    assert all(last is not None for last in starts.values())
    # The interrupted crawl started moments ago: wait until its 2 s interval has passed, so
    # that `--once` finds the source due whatever the machine's load (not a timing guess).
    due = max(s for s in starts.values() if s is not None) + timedelta(
        seconds=interval_of(loaded, loaded.sources[0]) + 0.05)
    time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()))
    again = subprocess.run(
        [sys.executable, "-m", "crawler", "--config", str(config), "run", "--once",
         "--source", "huyen-dien-bien"],  # where the report was published
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert again.returncode == 0, again.stderr
    assert "0 new reports" in again.stderr
    store = open_db(monitored["db"])
    try:
        assert Outbox(store).counts() == before
    finally:
        store.close()
