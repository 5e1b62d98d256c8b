"""Sending what the outbox holds: due alerts → their channel's sender, with retries.

`deliver` runs at the end of every monitoring cycle (`eduwatch crawl`), every minute under
`eduwatch run`, and on `eduwatch alerts retry`. For each channel with due alerts it claims them
(db/outbox.py: a lease, so concurrent deliveries never send one alert twice) and sends:
one alert per request for webhook and apprise channels, all of them at once for digest
channels, feeds and JSON-lines files. A failure is recorded on the alert (attempts, last error)
and the channel's other due alerts wait with it until the retry time, which grows exponentially
with the attempts, with jitter so that many waiting alerts do not return in one burst. After
`max_attempts`, or at once for an error that repeating cannot fix, the alert is 'failed': kept,
listed, and sent again by `eduwatch alerts retry`. Nothing is ever dropped.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from crawler.alerts.base import Batch, DeliveryError, Send
from crawler.alerts.config import Channel
from crawler.alerts.message import alert_from_row
from db import Outbox, Store, utc_now

log = logging.getLogger("eduwatch.alerts")


@dataclass(frozen=True)
class RetryPolicy:
    """When to try again: first_delay · 2^(attempts-1), capped, ± jitter (a fraction)."""

    first_delay: float = 60.0
    max_delay: float = 6 * 3600.0
    max_attempts: int = 12  # about a day and a half of trying with the defaults
    jitter: float = 0.2
    lease: float = 300.0  # how long a claimed alert is left to its sender

    def delay(self, attempts: int, rng: random.Random) -> float:
        """Seconds to wait after the `attempts`-th failed attempt."""
        base = min(self.max_delay, self.first_delay * 2.0 ** max(0, attempts - 1))
        return float(base * (1 + rng.uniform(-self.jitter, self.jitter)))


@dataclass
class ChannelOutcome:
    """What one delivery did for one channel."""

    channel: str
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    error: str = ""
    retry_at: datetime | None = None


@dataclass
class DeliveryReport:
    outcomes: list[ChannelOutcome] = field(default_factory=list)

    @property
    def sent(self) -> int:
        return sum(o.sent for o in self.outcomes)

    @property
    def retrying(self) -> int:
        return sum(o.retrying for o in self.outcomes)

    @property
    def failed(self) -> int:
        return sum(o.failed for o in self.outcomes)

    def lines(self) -> list[str]:
        """One line per channel that had something to do, for logs and the CLI."""
        lines = []
        for o in self.outcomes:
            parts = [f"{o.sent} sent"]
            if o.retrying:
                when = o.retry_at.strftime("%Y-%m-%d %H:%M:%S UTC") if o.retry_at else "later"
                parts.append(f"{o.retrying} to retry at {when}")
            if o.failed:
                parts.append(f"{o.failed} failed")
            line = f"alerts {o.channel}: " + ", ".join(parts)
            lines.append(line + (f" ({o.error})" if o.error else ""))
        return lines


def default_senders() -> dict[str, Send]:
    """The sender of each channel type (imported on demand: each pulls in its library)."""
    from crawler.alerts.apprise_channel import send_apprise
    from crawler.alerts.atom_feed import write_feed
    from crawler.alerts.jsonl_file import append_jsonl
    from crawler.alerts.webhook import send_webhook

    return {"webhook": send_webhook, "apprise": send_apprise, "feed": write_feed,
            "jsonl": append_jsonl}


def deliver(
    store: Store,
    channels: Sequence[Channel],
    *,
    now: Callable[[], datetime] = utc_now,
    policy: RetryPolicy = RetryPolicy(),  # noqa: B008 - frozen, so one shared default is safe
    rng: random.Random | None = None,
    senders: Mapping[str, Send] | None = None,
    only: str | None = None,
) -> DeliveryReport:
    """Send every due alert of the configured `channels` (or of the channel named `only`).

    Alerts of a channel that is in the database but not in `channels` wait: without its
    configuration there is nowhere to send them.
    """
    outbox = Outbox(store, now=now)
    rng = rng or random.Random()
    senders = senders or default_senders()
    configured = {c.name: c for c in channels}
    report = DeliveryReport()
    for name in outbox.due_channels():
        channel = configured.get(name)
        if channel is None or (only is not None and name != only):
            continue
        report.outcomes.append(
            _deliver_channel(outbox, channel, senders[channel.type], now, policy, rng)
        )
    return report


def _deliver_channel(
    outbox: Outbox, channel: Channel, send: Send, now: Callable[[], datetime],
    policy: RetryPolicy, rng: random.Random,
) -> ChannelOutcome:
    outcome = ChannelOutcome(channel.name)
    # One request per alert where a request is per message; one write or message for all.
    one_by_one = not channel.digest and channel.type in ("webhook", "apprise")
    lease = timedelta(seconds=policy.lease)
    while True:
        rows = outbox.claim(channel.name, lease, limit=1 if one_by_one else None)
        if not rows:
            break
        alerts = tuple(alert_from_row(row, channel.keywords) for row in rows)
        recent: tuple[Any, ...] = ()
        if channel.type == "feed":
            recent = tuple(alert_from_row(row, channel.keywords)
                           for row in outbox.recent(channel.name, channel.max_entries))
        ids = [row["id"] for row in rows]
        try:
            send(Batch(channel, alerts, recent))
        except DeliveryError as exc:
            error, permanent, retry_after = str(exc), exc.permanent, exc.retry_after
        except Exception as exc:  # a sender bug must not lose alerts: keep them and say why
            log.exception("alerts %s: sender crashed", channel.name)
            error, permanent, retry_after = f"{type(exc).__name__}: {exc}", False, None
        else:
            outbox.mark_sent(ids)
            outcome.sent += len(ids)
            log.info("alerts %s: sent %d to %s", channel.name, len(ids), channel.target)
            if one_by_one:
                continue
            break
        outcome.error = error
        attempts = max(int(row["attempts"]) for row in rows)
        if permanent or attempts >= policy.max_attempts:
            outbox.mark_failed(ids, error)
            outcome.failed += len(ids)
            log.warning("alerts %s: gave up on %d after %d attempt(s): %s",
                        channel.name, len(ids), attempts, error)
            if permanent and one_by_one:
                continue  # this request is refused; the next alert may well not be
            break
        wait = max(policy.delay(attempts, rng), retry_after or 0.0)
        retry_at = now() + timedelta(seconds=wait)
        outbox.mark_retry(ids, error, retry_at)
        # The receiver is down: the channel's other due alerts wait for the same moment
        # instead of each paying a timeout now.
        outcome.retrying += len(ids) + outbox.defer(channel.name, retry_at)
        outcome.retry_at = retry_at
        log.warning("alerts %s: attempt %d failed (%s); retrying at %s",
                    channel.name, attempts, error, retry_at.isoformat(timespec="seconds"))
        break
    return outcome
