"""What ends every monitoring cycle: judge each source's health, then deliver due alerts.

`eduwatch crawl` calls `finish_cycle` after its crawl, in the same process; `eduwatch run`
runs each cycle as such a `crawl` child, and calls `record_health` itself only for a child that
died without a summary (its sources count as failed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from crawler.alerts.base import Send
from crawler.alerts.config import channels_of
from crawler.alerts.delivery import DeliveryReport, RetryPolicy, deliver
from crawler.alerts.health import CycleVerdict, judge_cycle, next_health
from crawler.config import Config
from db import Outbox, Store, load_health, open_db, save_health, utc_now

log = logging.getLogger("eduwatch.alerts")


def sync_channels(store: Store, config: Config, now: Callable[[], datetime] = utc_now) -> None:
    """Make the database's alert channels those of `config`."""
    Outbox(store, now=now).sync_channels(c.record() for c in channels_of(config))


def record_health(
    store: Store,
    config: Config,
    verdicts: Iterable[tuple[str, CycleVerdict]],
    now: Callable[[], datetime] = utc_now,
) -> list[dict[str, Any]]:
    """Update each source's health from its verdict; returns the operator notices queued."""
    names = {s.id: s.name for s in config.sources}
    notices = []
    for source_id, verdict in verdicts:
        moment = now()
        before = load_health(store, source_id)
        after, notice = next_health(
            before, verdict, moment,
            failures_before_alert=config.crawl.alert_after_failures,
            source_name=names.get(source_id, ""),
        )
        if after != before or notice:
            save_health(store, after, moment, notice)
        if notice:
            log.warning("source %s: %s (%s)", source_id, notice["event"], notice["detail"] or "ok")
            notices.append(notice)
    return notices


def verdicts_of(summaries: Iterable[Any]) -> list[tuple[str, CycleVerdict]]:
    """(source id, verdict) for crawl summaries: `SourceSummary` objects or their JSON dicts."""
    verdicts = []
    for summary in summaries:
        if isinstance(summary, Mapping):
            source_id, status = summary["source"], summary["status"]
            counts, cuts = summary, summary.get("cuts") or {}
        else:
            source_id, status = summary.source_id, summary.status
            counts, cuts = summary.counts, summary.cuts
        verdicts.append((source_id, judge_cycle(status, counts, cuts)))
    return verdicts


def finish_cycle(
    config: Config,
    summaries: Iterable[Any],
    *,
    now: Callable[[], datetime] = utc_now,
    senders: Mapping[str, Send] | None = None,
    policy: RetryPolicy | None = None,
) -> DeliveryReport:
    """Record the cycle's source health, then deliver every due alert."""
    store = open_db(config.db_path, now=now)
    try:
        sync_channels(store, config, now)
        record_health(store, config, verdicts_of(summaries), now)
        return deliver(store, channels_of(config), now=now, senders=senders,
                       policy=policy or RetryPolicy())
    finally:
        store.close()
