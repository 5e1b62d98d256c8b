"""`eduwatch run`: crawl every source on its own interval, forever, and deliver alerts.

The `run` command makes a `schedule.Scheduler()` with one job per source, every
`[[sources]].interval` (else `[crawl].interval`) plus up to `[crawl].jitter` of it at random,
so that sources drift apart instead of hitting the network together. A source's first run is
computed from the last run stored in `crawl_runs`: a source overdue after downtime runs once at
start, not once per missed slot. Jobs only *request* a crawl (`Monitor.request`); the loop then
starts one child process for every requested source that is not already running — Twisted's
reactor cannot restart, so each cycle is `eduwatch crawl` in a fresh process, which ends by
judging source health and delivering its alerts. A delivery job retries waiting alerts every
minute between crawls.

One scheduler per database: a lock file beside it (`<db>.run.lock`, flock) makes a second
`run` exit at once. SIGINT/SIGTERM stop the loop; a running crawl gets one SIGINT, Scrapy's
graceful stop, so the pages in flight are finished and stored before the child exits.

Everything that reads time takes the injected `now`; `Monitor` is driven by plain method calls,
so tests run whole schedules without sleeping.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any, Protocol

import schedule

from crawler.alerts.config import channels_of
from crawler.alerts.cycle import record_health, sync_channels
from crawler.alerts.delivery import deliver
from crawler.alerts.health import FAILED, CycleVerdict
from crawler.config import Config, Source, parse_interval
from db import StorageError, open_db, utc_now
from db.clock import from_text

log = logging.getLogger("eduwatch.run")

DELIVERY_EVERY = 60  # seconds between retries of waiting alerts while nothing is crawled
STOP_GRACE = 120.0  # seconds a stopping crawl gets to finish its pages before it is killed
_POLL = 1.0  # seconds between checks on running crawls


class SchedulerBusy(RuntimeError):
    """Another `eduwatch run` holds the database's scheduler lock; str() is one line."""


# ----------------------------------------------------------------------------- timing


def interval_of(config: Config, source: Source) -> float:
    """The source's crawl interval in seconds (its own, else the [crawl] default)."""
    return parse_interval(source.interval or config.crawl.interval)


def first_due(last_started: datetime | None, interval: float, now: datetime) -> datetime:
    """When a source should next run, given its last run: now if never run or overdue."""
    if last_started is None:
        return now
    return max(now, last_started + timedelta(seconds=interval))


def last_runs(config: Config) -> dict[str, datetime | None]:
    """The start of each source's last crawl, from `crawl_runs` (None: never crawled)."""
    store = open_db(config.db_path)
    try:
        stored = {row["id"]: from_text(row["last_run_at"]) for row in store.list_sources()}
    finally:
        store.close()
    return {source.id: stored.get(source.id) for source in config.sources}


def _local_naive(moment: datetime) -> datetime:
    # schedule compares next_run with datetime.now(): naive local time.
    return moment.astimezone().replace(tzinfo=None)


def _shown(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "never"


# ----------------------------------------------------------------------------- the lock


@contextlib.contextmanager
def scheduler_lock(db_path: Path) -> Iterator[Path]:
    """Hold the one-scheduler-per-database lock; raises SchedulerBusy if another has it.

    The lock is an flock on a file beside the database, released by the kernel when the process
    ends however it ends, so a crashed scheduler never leaves a stale lock behind.
    """
    path = db_path.with_name(db_path.name + ".run.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise SchedulerBusy(
                f"{db_path}: another `eduwatch run` (pid {holder}) is already scheduling this "
                "database; stop it first, or point storage.db at another file"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path
    finally:
        handle.close()  # closing the descriptor releases the flock


# ----------------------------------------------------------------------------- crawl children


class Child(Protocol):
    """A running cycle: what `Monitor` needs of a child process (tests pass fakes)."""

    sources: tuple[str, ...]
    pid: int

    def poll(self) -> int | None: ...

    def send_signal(self, signum: int) -> None: ...

    def kill(self) -> None: ...

    def output(self) -> tuple[str, str]: ...


class CrawlChild:
    """`eduwatch crawl --source ... --format json` in its own process and session.

    Its own session, so a Ctrl-C in the terminal reaches only the scheduler, which forwards
    exactly one SIGINT (a second one would make Scrapy stop without finishing its pages).
    Output goes to temporary files, not pipes, so a chatty child can never block on a full pipe.
    """

    def __init__(self, config_path: Path, sources: Sequence[str]) -> None:
        self.sources = tuple(sources)
        # They live as long as the child; `output()` closes them.
        self._stdout: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        command = [sys.executable, "-m", "crawler", "--config", str(config_path), "crawl",
                   "--format", "json", "--no-progress"]
        for source_id in self.sources:
            command += ["--source", source_id]
        self._process = subprocess.Popen(
            command, stdout=self._stdout, stderr=self._stderr, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.pid = self._process.pid

    def poll(self) -> int | None:
        return self._process.poll()

    def send_signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            self._process.send_signal(signum)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self._process.kill()
        self._process.wait()

    def output(self) -> tuple[str, str]:
        texts = []
        for handle in (self._stdout, self._stderr):
            handle.seek(0)
            texts.append(handle.read().decode("utf-8", "replace"))
            handle.close()
        return texts[0], texts[1]


Launch = Callable[[Path, Sequence[str]], Child]


@dataclass(frozen=True)
class CycleResult:
    """What one finished child reported: its summaries per source, or why it had none."""

    sources: tuple[str, ...]
    exit_code: int
    summaries: tuple[Mapping[str, Any], ...]
    seconds: float
    problem: str = ""


def parse_summaries(stdout: str) -> list[dict[str, Any]] | None:
    """The JSON summary list `crawl --format json` prints last, or None if there is none."""
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("["):
            try:
                data = json.loads(line)
            except ValueError:
                return None
            return data if isinstance(data, list) else None
    return None


def describe_summary(summary: Mapping[str, Any]) -> str:
    """'1 new report, 3 duplicates, 15 pages (2 errors), ok' for the log."""
    new = int(summary.get("new_reports", 0))
    parts = [f"{new} new report{'s' if new != 1 else ''}",
             f"{summary.get('duplicates', 0)} duplicates",
             f"{summary.get('pages_fetched', 0)} pages"]
    if summary.get("errors"):
        parts[-1] += f" ({summary['errors']} errors)"
    return ", ".join(parts) + f", {summary.get('status')}"


# ----------------------------------------------------------------------------- the monitor


class Monitor:
    """Starts crawls of requested sources, collects their results, delivers alerts.

    Plain methods with an injected clock and launcher: the `run` loop calls them, and so can a
    test. `request` is what a schedule job does; `launch_requested` starts ONE child for every
    requested source not already running; `reap` collects finished children.
    """

    def __init__(
        self,
        config: Config,
        *,
        now: Callable[[], datetime] = utc_now,
        launch: Launch = CrawlChild,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.now = now
        self._launch = launch
        self._monotonic = monotonic
        self.requested: dict[str, None] = {}  # ordered set
        self.children: list[tuple[Child, float]] = []
        self.next_runs: dict[str, datetime] = {}  # for logs: when each source runs next
        self.stopping = False

    @property
    def running(self) -> set[str]:
        return {source_id for child, _ in self.children for source_id in child.sources}

    @property
    def busy(self) -> bool:
        return bool(self.children)

    def request(self, source_id: str) -> None:
        """A source is due; it starts with the next launch unless it is still running."""
        if source_id in self.running:
            log.info("source %s is due but its last crawl is still running; not started again",
                     source_id)
            return
        self.requested[source_id] = None

    def launch_requested(self) -> Child | None:
        """Start one crawl of every requested source; None if nothing was requested."""
        sources = [s for s in self.requested if s not in self.running]
        self.requested.clear()
        if not sources:
            return None
        try:
            child = self._launch(self.config.path, sources)
        except OSError as exc:  # no process could be started; the next slot tries again
            log.error("cannot start the crawl of %s: %s", ", ".join(sources), exc)
            return None
        self.children.append((child, self._monotonic()))
        log.info("crawling %s (pid %d)", ", ".join(sources), child.pid)
        return child

    def reap(self) -> list[CycleResult]:
        """Collect every finished crawl: log what it found, count a crash as failed cycles."""
        results = []
        for child, started in list(self.children):
            code = child.poll()
            if code is None:
                continue
            self.children.remove((child, started))
            results.append(self._collect(child, code, self._monotonic() - started))
        return results

    def _collect(self, child: Child, code: int, seconds: float) -> CycleResult:
        stdout, stderr = child.output()
        for line in stderr.splitlines():
            if line.startswith(("alerts ", "error:")):  # the child's own delivery lines
                log.info("  %s", line)
        summaries = parse_summaries(stdout)
        if summaries is None:
            # The child died before it could close its runs (killed, or stopped while starting):
            # close them here so that no crawl stays "running" forever.
            self._close_runs(child.sources, "interrupted" if self.stopping else "failed",
                             f"crawl process exited with code {code}")
        if summaries is None and self.stopping:
            # Stopped before Scrapy could take the signal (still starting): nothing was stored,
            # and a stop the user asked for is not a failure of the source.
            log.info("crawl of %s stopped before it began", ", ".join(child.sources))
            return CycleResult(child.sources, code, (), seconds, "stopped")
        if summaries is None:
            problem = f"crawl process exited with code {code} and no summary"
            tail = " | ".join(stderr.strip().splitlines()[-3:])
            log.error("crawl of %s failed: %s%s", ", ".join(child.sources), problem,
                      f" ({tail})" if tail else "")
            self._record_crash(child.sources, problem)
            return CycleResult(child.sources, code, (), seconds, problem)
        for summary in summaries:
            log.info("crawled %s in %.1fs: %s", summary.get("source"), seconds,
                     describe_summary(summary))
        for source_id in child.sources:
            if source_id in self.next_runs:
                log.info("source %s: next run at %s", source_id,
                         _shown(self.next_runs[source_id]))
        return CycleResult(child.sources, code, tuple(summaries), seconds)

    def _close_runs(self, sources: Sequence[str], status: str, error: str) -> None:
        try:
            store = open_db(self.config.db_path, now=self.now)
            try:
                store.close_unfinished_runs(sources, status=status, error=error)
            finally:
                store.close()
        except (StorageError, OSError, sqlite3.Error) as exc:
            log.error("could not close the runs of %s: %s", ", ".join(sources), exc)

    def _record_crash(self, sources: Sequence[str], problem: str) -> None:
        store = open_db(self.config.db_path, now=self.now)
        try:
            sync_channels(store, self.config, self.now)  # the operator channels get the notice
            record_health(store, self.config,
                          [(s, CycleVerdict(FAILED, 0, problem)) for s in sources], self.now)
        finally:
            store.close()

    def deliver(self) -> None:
        """Send the alerts that are due (retries, and any a killed process left behind).

        A failure here (the database busy beyond its timeout, a full disk) is logged and left
        to the next pass: the alerts stay in the outbox, and the monitor keeps monitoring.
        """
        try:
            store = open_db(self.config.db_path, now=self.now)
            try:
                sync_channels(store, self.config, self.now)
                report = deliver(store, channels_of(self.config), now=self.now)
            finally:
                store.close()
        except (StorageError, OSError, sqlite3.Error) as exc:
            log.error("alert delivery failed, will try again: %s", exc)
            return
        for line in report.lines():
            log.info("%s", line)

    def stop(self, grace: float = STOP_GRACE, wait: Callable[[float], Any] = time.sleep) -> None:
        """Ask every running crawl to stop gracefully; kill what is still running after
        `grace` seconds."""
        self.stopping = True
        if not self.children:
            return
        for child, _ in self.children:
            log.info("stopping the crawl of %s: finishing the pages in flight",
                     ", ".join(child.sources))
            child.send_signal(signal.SIGINT)
        deadline = self._monotonic() + grace
        while self.children and self._monotonic() < deadline:
            self.reap()
            if self.children:
                wait(0.2)
        for child, _ in list(self.children):
            log.warning("crawl of %s did not stop within %.0fs; killing it",
                        ", ".join(child.sources), grace)
            child.kill()
        self.reap()


# ----------------------------------------------------------------------------- the schedule


def plan(
    scheduler: schedule.Scheduler,
    monitor: Monitor,
    sources: Sequence[Source],
    last: Mapping[str, datetime | None],
) -> list[schedule.Job]:
    """One job per source on its interval (+ jitter), first run from its last stored run."""
    config = monitor.config
    now = monitor.now()
    jobs = []
    for source in sources:
        interval = interval_of(config, source)
        latest = interval * (1 + config.crawl.jitter)
        job = (
            scheduler.every(max(1, round(interval)))
            .to(max(1, round(latest)))
            .seconds.do(monitor.request, source.id)
            .tag(source.id)
        )
        due = first_due(last.get(source.id), interval, now)
        job.next_run = _local_naive(due)
        monitor.next_runs[source.id] = due
        overdue = last.get(source.id) is not None and due == now
        log.info("source %s: every %s%s; last run %s; next run %s%s", source.id,
                 source.interval or config.crawl.interval,
                 f" (+ up to {config.crawl.jitter:.0%})" if config.crawl.jitter else "",
                 _shown(last.get(source.id)), _shown(due), " (overdue)" if overdue else "")
        jobs.append(job)
    scheduler.every(DELIVERY_EVERY).seconds.do(monitor.deliver).tag("delivery")
    return jobs


def refresh_next_runs(scheduler: schedule.Scheduler, monitor: Monitor) -> None:
    """Copy each source job's next run (schedule's naive local time) into the monitor."""
    for job in scheduler.get_jobs():
        for tag in job.tags:
            if tag != "delivery" and job.next_run is not None:
                monitor.next_runs[str(tag)] = job.next_run.astimezone()


def run_forever(
    scheduler: schedule.Scheduler, monitor: Monitor, stop: threading.Event,
    *, grace: float = STOP_GRACE,
) -> None:
    """The `run` loop: jobs → launches → reaps, until `stop` is set; then stop cleanly."""
    monitor.deliver()  # what a previous process stored but could not send
    while not stop.is_set():
        scheduler.run_pending()
        refresh_next_runs(scheduler, monitor)
        monitor.launch_requested()
        monitor.reap()
        idle = scheduler.idle_seconds
        pause = _POLL if monitor.busy or idle is None else min(max(idle, 0.0), 30.0)
        stop.wait(max(pause, 0.05))
    monitor.stop(grace)
    log.info("stopped")


def run_once(
    monitor: Monitor, sources: Sequence[Source], last: Mapping[str, datetime | None],
    stop: threading.Event, *, grace: float = STOP_GRACE,
) -> list[CycleResult]:
    """`run --once`: crawl the sources that are due now (one child), deliver, return."""
    now = monitor.now()
    config = monitor.config
    monitor.deliver()
    due = [s for s in sources if first_due(last.get(s.id), interval_of(config, s), now) <= now]
    for source in sources:
        if source not in due:
            at = first_due(last.get(source.id), interval_of(config, source), now)
            log.info("source %s: not due; next run %s", source.id, _shown(at))
    if not due:
        log.info("nothing is due")
        return []
    for source in due:
        monitor.request(source.id)
    monitor.launch_requested()
    results: list[CycleResult] = []
    while monitor.busy and not stop.is_set():
        results += monitor.reap()
        if monitor.busy:
            stop.wait(0.2)
    if stop.is_set():
        monitor.stop(grace)
    return results


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """While inside, SIGINT and SIGTERM set `stop` (the loop then stops cleanly); the previous
    handlers come back afterwards."""

    def handle(signum: int, frame: Any) -> None:
        log.info("%s received: stopping", signal.Signals(signum).name)
        stop.set()

    previous = {signum: signal.signal(signum, handle) for signum in (signal.SIGINT,
                                                                     signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
