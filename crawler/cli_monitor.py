"""The monitoring side of the CLI: `eduwatch run`, `eduwatch alerts list|retry|test`, and what
ends a plain `eduwatch crawl` (source health, then alert delivery).

The commands register themselves on the `eduwatch` group when crawler/cli.py imports this
module; the work is in crawler/scheduler.py and crawler/alerts/.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import click

from crawler.cli import Context, UsageProblem, WorkProblem, cli, pass_ctx, problems
from crawler.config import Config

_LOG_FORMAT = "%(asctime)s %(message)s"


def _log_to_stderr() -> None:
    """Our own loggers (eduwatch.*) to stderr at INFO; libraries keep their quiet defaults."""
    logger = logging.getLogger("eduwatch")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(_LOG_FORMAT, "%Y-%m-%d %H:%M:%S"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def end_of_cycle(config: Config, summaries: Sequence[Any]) -> None:
    """What ends `eduwatch crawl`: source health, then delivery of the alerts now due.

    An interrupted crawl only records health: the user asked it to stop, and what it stored is
    delivered by the next cycle (the outbox keeps it).
    """
    from crawler.alerts.cycle import finish_cycle, record_health, verdicts_of
    from db import open_db

    with problems():
        if any(s.status == "interrupted" for s in summaries):
            store = open_db(config.db_path)
            try:
                record_health(store, config, verdicts_of(summaries))
            finally:
                store.close()
            return
        report = finish_cycle(config, summaries)
    for line in report.lines():
        click.echo(line, err=True)


# ------------------------------------------------------------------ run
@cli.command()
@click.option("--once", is_flag=True,
              help="Crawl the sources that are due now, deliver alerts, exit (for cron/timers).")
@click.option("--source", "source_ids", multiple=True, metavar="ID",
              help="Schedule only this source (repeatable). Default: every enabled source.")
@click.option("--grace", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help="Seconds a crawl gets to finish its pages when stopping.")
@pass_ctx
def run(ctx: Context, once: bool, source_ids: tuple[str, ...], grace: float) -> None:
    """Crawl every source on its own interval, forever, and deliver alerts.

    Each source runs every `interval` (its own, else [crawl].interval) plus a little jitter; a
    source still crawling is not started again; after downtime, overdue sources run once. One
    scheduler per database. Ctrl-C or SIGTERM stops it cleanly: the running crawl finishes the
    pages in flight. Logs (stderr) say what ran, what it found and when each source runs next.

    \b
    Example:
      eduwatch run
      eduwatch run --once          # from cron or a systemd timer
    """
    import threading

    import schedule

    from crawler.runner import select_sources
    from crawler.scheduler import (
        Monitor,
        SchedulerBusy,
        last_runs,
        plan,
        run_forever,
        run_once,
        scheduler_lock,
        stop_on_signals,
    )

    config = ctx.config
    with problems():
        sources = select_sources(config, source_ids)
    if not sources:
        raise UsageProblem(f"{config.path}: sources: no enabled source to run; add [[sources]]")
    _log_to_stderr()
    log = logging.getLogger("eduwatch.run")
    stop = threading.Event()
    try:
        with problems(), scheduler_lock(config.db_path), stop_on_signals(stop):
            from crawler.alerts.config import channels_of

            last = last_runs(config)
            channels = channels_of(config)
            log.info("eduwatch run: %d source(s), database %s, alert channels: %s",
                     len(sources), config.db_path,
                     ", ".join(f"{c.name} ({c.type} {c.target})" for c in channels) or "none")
            monitor = Monitor(config)
            if once:
                results = run_once(monitor, sources, last, stop, grace=grace)
                monitor.deliver()
                if any(r.problem or any(s.get("status") == "failed" for s in r.summaries)
                       for r in results):
                    sys.exit(1)
                return
            scheduler = schedule.Scheduler()
            plan(scheduler, monitor, sources, last)
            run_forever(scheduler, monitor, stop, grace=grace)
    except SchedulerBusy as exc:
        raise UsageProblem(str(exc)) from None


# ------------------------------------------------------------------ alerts
@cli.group()
def alerts() -> None:
    """Alert channels and the outbox: list, retry, test."""


def _alert_row(alert: dict[str, Any]) -> dict[str, Any]:
    report = alert.get("report")
    notice = alert.get("notice")
    if report is not None:
        about = report["title"]
    elif notice is not None:
        about = f"{notice.get('event')}: {notice.get('source')}"
    else:
        about = f"report {alert.get('report_id')} (deleted)"
    return {
        "id": alert["id"], "channel": alert["channel"], "status": alert["status"],
        "attempts": alert["attempts"], "created_at": alert["created_at"],
        "sent_at": alert["sent_at"], "next_attempt_at": alert["next_attempt_at"],
        "report_id": alert["report_id"], "about": about, "last_error": alert["last_error"],
    }


def _short_time(text: str | None) -> str:
    if not text:
        return "-"
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")


@alerts.command("list")
@click.option("--pending", "status", flag_value="pending", help="Only alerts waiting to be sent.")
@click.option("--failed", "status", flag_value="failed", help="Only alerts given up on.")
@click.option("--sent", "status", flag_value="sent", help="Only alerts delivered.")
@click.option("--channel", metavar="NAME", help="Only this channel.")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@pass_ctx
def alerts_list(ctx: Context, status: str | None, channel: str | None, limit: int,
                fmt: str) -> None:
    """List alerts, newest first, with their attempts and last error.

    \b
    Example:
      eduwatch alerts list --failed
    """
    from crawler.alerts.cycle import sync_channels
    from db import Outbox

    config = ctx.config
    store = ctx.store()
    with problems():
        sync_channels(store, config)
        outbox = Outbox(store)
        rows = [_alert_row(a) for a in outbox.alerts(status=status, channel=channel, limit=limit)]
        counts = outbox.counts()
        channels = outbox.channels()
        store.close()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for c in channels:
        state = "" if c["enabled"] else "  (no longer configured)"
        click.echo(f"channel {c['name']} [{c['type']}]: {c['pending']} pending, {c['sent']} sent,"
                   f" {c['failed']} failed{state}")
    if not rows:
        click.echo("no alerts" + (f" {status}" if status else ""), err=True)
    for row in rows:
        when = row["sent_at"] if row["status"] == "sent" else row["next_attempt_at"]
        label = {"sent": "sent", "pending": "next try", "failed": "gave up"}[row["status"]]
        click.echo(f"#{row['id']:<5} {row['status']:<8} {row['channel']:<14} "
                   f"attempts {row['attempts']:<3} {label} {_short_time(when)}  {row['about']}")
        if row["last_error"] and row["status"] != "sent":
            click.echo(f"       last error: {row['last_error']}")
    click.echo(f"total: {counts['pending']} pending, {counts['sent']} sent, "
               f"{counts['failed']} failed")


@alerts.command("retry")
@click.option("--channel", metavar="NAME", help="Only this channel.")
@pass_ctx
def alerts_retry(ctx: Context, channel: str | None) -> None:
    """Send failed and waiting alerts again now, without waiting for their retry time.

    \b
    Example:
      eduwatch alerts retry --channel webhook
    """
    from crawler.alerts.config import channels_of
    from crawler.alerts.cycle import sync_channels
    from crawler.alerts.delivery import deliver
    from db import Outbox

    config = ctx.config
    _known_channel(config, channel)
    store = ctx.store()
    with problems():
        sync_channels(store, config)
        requeued = Outbox(store).requeue(channel)
        report = deliver(store, channels_of(config), only=channel)
        store.close()
    click.echo(f"requeued {requeued} alert(s)")
    for line in report.lines():
        click.echo(line)
    if report.retrying or report.failed:
        sys.exit(1)


def _known_channel(config: Config, name: str | None) -> Any:
    from crawler.alerts.config import channels_of

    with problems():
        channels = channels_of(config)
    if name is None:
        return None
    for channel in channels:
        if channel.name == name:
            return channel
    known = ", ".join(c.name for c in channels) or "none configured"
    raise UsageProblem(f"{config.path}: alerts: no channel named {name!r} (known: {known})")


@alerts.command("test")
@click.argument("channel_name", metavar="CHANNEL")
@pass_ctx
def alerts_test(ctx: Context, channel_name: str) -> None:
    """Send a sample message to CHANNEL now, to check its setup (nothing is queued).

    \b
    Example:
      eduwatch alerts test mail
    """
    from crawler.alerts.base import Batch, DeliveryError
    from crawler.alerts.delivery import default_senders
    from crawler.alerts.message import test_alert

    channel = _known_channel(ctx.config, channel_name)
    alert = test_alert(channel.name)
    recent: Iterable[Any] = ()
    if channel.type == "feed":
        recent = (alert, *_recent_alerts(ctx, channel))
    try:
        default_senders()[channel.type](Batch(channel, (alert,), tuple(recent)))
    except DeliveryError as exc:
        raise WorkProblem(f"test alert to {channel.name} not delivered: {exc}") from None
    click.echo(f"sent a test alert to {channel.name} ({channel.type} {channel.target})")


def _recent_alerts(ctx: Context, channel: Any) -> list[Any]:
    from crawler.alerts.message import alert_from_row
    from db import Outbox

    store = ctx.store()
    with problems():
        rows = Outbox(store).recent(channel.name, channel.max_entries - 1)
        store.close()
    return [alert_from_row(row, channel.keywords) for row in rows]
