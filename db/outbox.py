"""The alert outbox: which channel owes which alert, written with the report it is about.

Alert channels come from the config (`[[alerts]]`) and are synced into `alert_channels` with
their filters. When `Store.save_report` stores a NEW report, `queue_report_alerts` (an
`on_new_report` hook every Store has) adds one pending row to `alerts` per enabled channel whose
filters match, inside the same transaction: a report is never stored without its alerts, nor an
alert queued for a report that was rolled back. A known report (same content hash, e.g. a
syndicated copy found later on another portal) runs no hook, so it never alerts again.

Senders (crawler/alerts/) read the outbox through `Outbox`: they claim due alerts (a lease, so
two processes never send the same alert at once), then mark them sent, or schedule a retry with
the error, or give up ('failed', kept for `eduwatch alerts retry`). Delivery is at least once;
each alert carries an idempotency key so that a receiver can drop the rare repeat (a process
killed after sending, before recording it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from db.clock import to_text, utc_now
from db.connection import write_transaction
from db.filters import place_key
from db.query_syntax import fold_tokens
from db.records import LEVELS

if TYPE_CHECKING:
    from db.store import Store

ALERT_STATUSES: tuple[str, ...] = ("pending", "sent", "failed")
CHANNEL_TYPES: tuple[str, ...] = ("webhook", "apprise", "feed", "jsonl")

_ALERT_COLUMNS = """
    a.id, a.channel, a.report_id, a.notice, a.status, a.attempts, a.next_attempt_at,
    a.last_error, a.idempotency_key, a.created_at, a.sent_at
"""


def _freeze(record: Any, name: str) -> None:
    value = getattr(record, name)
    if isinstance(value, str):  # a lone string would otherwise become a tuple of characters
        raise TypeError(f"{name} must be a sequence of strings, not the string {value!r}")
    object.__setattr__(record, name, tuple(value))


def _folded_words(text: str) -> str:
    # Tokens joined by single spaces and padded, so " a b " in it means the words a b in a row.
    return " " + " ".join(fold_tokens(text)) + " "


def report_words(report: Mapping[str, Any]) -> str:
    """The folded words of a report's title and text, as keyword filters search them."""
    return _folded_words(f"{report.get('title') or ''}\n{report.get('text') or ''}")


@dataclass(frozen=True)
class ChannelFilter:
    """Which reports a channel wants. Empty fields mean "any"; fields are AND-ed, values OR-ed.

    Keywords match whole words in the title or text, with or without diacritics and in any case
    ("tuyen sinh" finds "Tuyển sinh"); provinces match as search filters do (no case, diacritics
    or "Tỉnh"); sources are source ids (any source where the report was seen); levels are
    province | district | department.
    """

    keywords: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("keywords", "provinces", "sources", "levels"):
            _freeze(self, name)
        for level in self.levels:
            if level not in LEVELS:
                raise ValueError(f"level {level!r} is not one of: {', '.join(LEVELS)}")

    def matches(self, report: Mapping[str, Any], words: str | None = None) -> bool:
        """Whether `report` (as `Store.get_report` returns it) passes every field.

        `words` is `report_words(report)` when the caller has it already (one report, many
        channels: the text is folded once).
        """
        if self.levels and report.get("level") not in self.levels:
            return False
        if self.provinces:
            wanted = {place_key(p) for p in self.provinces}
            if place_key(str(report.get("province") or "")) not in wanted:
                return False
        if self.sources:
            seen = {report.get("source")} | {
                u.get("source_id") for u in report.get("urls") or () if isinstance(u, Mapping)
            }
            if not seen & set(self.sources):
                return False
        if self.keywords:
            words = words if words is not None else report_words(report)
            if not any(_folded_words(k) in words for k in self.keywords if fold_tokens(k)):
                return False
        return True

    def to_json(self) -> str:
        return json.dumps(
            {k: list(v) for k, v in self.__dict__.items() if v}, ensure_ascii=False, sort_keys=True
        )

    @classmethod
    def from_json(cls, text: str) -> ChannelFilter:
        data = json.loads(text or "{}")
        names = ("keywords", "provinces", "sources", "levels")
        return cls(**{name: tuple(data.get(name, ())) for name in names})


@dataclass(frozen=True)
class ChannelRecord:
    """One configured alert channel as the database knows it (no URL or path: see migration)."""

    name: str
    type: str
    filters: ChannelFilter = field(default_factory=ChannelFilter)
    digest: bool = False
    operator: bool = False  # receives source-health notices
    reports: bool = True  # receives report alerts

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("channel name must not be empty")
        if self.type not in CHANNEL_TYPES:
            known = ", ".join(CHANNEL_TYPES)
            raise ValueError(f"channel type {self.type!r} is not one of: {known}")


def alert_key(channel: str, *parts: str) -> str:
    """A stable idempotency key: the same channel and subject always give the same key."""
    return hashlib.sha256("\x1f".join((channel, *parts)).encode("utf-8")).hexdigest()[:32]


def queue_report_alerts(store: Store, report_id: int, report: dict[str, Any]) -> None:
    """The `on_new_report` hook: one pending alert per enabled channel that wants `report`.

    Runs inside the transaction of `save_report`; its timestamps are the report's first_seen,
    so the alert is due from the moment the report exists.
    """
    conn = store.db.conn
    channels = conn.execute(
        "SELECT name, filters FROM alert_channels WHERE enabled = 1 AND reports = 1 ORDER BY name"
    ).fetchall()
    created = report["first_seen"]
    words = report_words(report) if channels else ""
    rows = [
        (name, report_id, alert_key(name, "report", report["content_hash"]), created, created)
        for name, filters in channels
        if ChannelFilter.from_json(filters).matches(report, words)
    ]
    conn.executemany(
        "INSERT OR IGNORE INTO alerts (channel, report_id, idempotency_key, created_at,"
        " next_attempt_at) VALUES (?, ?, ?, ?, ?)",
        rows,
    )


class Outbox:
    """Channels and alerts of one Store. Timestamps come from the injected `now`."""

    def __init__(self, store: Store, *, now: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.db = store.db
        self._now = now

    # -- channels ------------------------------------------------------------------------

    def sync_channels(self, channels: Iterable[ChannelRecord]) -> None:
        """Make `alert_channels` what the config says; channels no longer there are disabled.

        A channel's filters apply to reports stored from now on: changing them, or adding a
        channel, never alerts about reports already known.
        """
        now = to_text(self._now())
        channels = list(channels)
        with write_transaction(self.db):
            conn = self.db.conn
            for channel in channels:
                conn.execute(
                    """
                    INSERT INTO alert_channels
                        (name, type, filters, digest, operator, reports, enabled, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?)
                    ON CONFLICT (name) DO UPDATE SET
                        type = excluded.type, filters = excluded.filters,
                        digest = excluded.digest, operator = excluded.operator,
                        reports = excluded.reports, enabled = 1, updated_at = excluded.updated_at
                    WHERE alert_channels.type IS NOT excluded.type
                        OR alert_channels.filters IS NOT excluded.filters
                        OR alert_channels.digest IS NOT excluded.digest
                        OR alert_channels.operator IS NOT excluded.operator
                        OR alert_channels.reports IS NOT excluded.reports
                        OR alert_channels.enabled = 0
                    """,
                    (
                        channel.name,
                        channel.type,
                        channel.filters.to_json(),
                        int(channel.digest),
                        int(channel.operator),
                        int(channel.reports),
                        now,
                    ),
                )
            names = [c.name for c in channels]
            keep = f" AND name NOT IN ({', '.join('?' for _ in names)})" if names else ""
            conn.execute(
                f"UPDATE alert_channels SET enabled = 0, updated_at = ? WHERE enabled = 1{keep}",
                (now, *names),
            )

    def channels(self) -> list[dict[str, Any]]:
        """Every channel ever configured, with its alert counts per status."""
        cursor = self.db.conn.execute(
            """
            SELECT c.name, c.type, c.filters, c.digest, c.operator, c.reports, c.enabled,
                (SELECT count(*) FROM alerts a WHERE a.channel = c.name
                 AND a.status = 'pending') AS pending,
                (SELECT count(*) FROM alerts a WHERE a.channel = c.name
                 AND a.status = 'sent') AS sent,
                (SELECT count(*) FROM alerts a WHERE a.channel = c.name
                 AND a.status = 'failed') AS failed
            FROM alert_channels c ORDER BY c.name
            """
        )
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor]
        for row in rows:
            row["filters"] = json.loads(row["filters"])
            for flag in ("digest", "operator", "reports", "enabled"):
                row[flag] = bool(row[flag])
        return rows

    # -- queueing ------------------------------------------------------------------------

    def queue_notice(self, notice: Mapping[str, Any]) -> int:
        """Queue a source-health notice for every enabled operator channel; returns how many.

        `notice` is JSON-ready and holds at least `event` and `source`. Call it inside the
        transaction that records the health change, so the two cannot part.
        """
        now = to_text(self._now())
        body = json.dumps(dict(notice), ensure_ascii=False, sort_keys=True, default=str)
        with write_transaction(self.db):
            conn = self.db.conn
            names = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM alert_channels WHERE enabled = 1 AND operator = 1"
                    " ORDER BY name"
                )
            ]
            conn.executemany(
                "INSERT OR IGNORE INTO alerts (channel, notice, idempotency_key, created_at,"
                " next_attempt_at) VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        name,
                        body,
                        alert_key(
                            name, "notice", str(notice.get("event")), str(notice.get("source")), now
                        ),
                        now,
                        now,
                    )
                    for name in names
                ],
            )
        return len(names)

    # -- delivery ------------------------------------------------------------------------

    def due_channels(self) -> list[str]:
        """Names of enabled channels with alerts due now."""
        cursor = self.db.conn.execute(
            """
            SELECT DISTINCT a.channel FROM alerts a JOIN alert_channels c ON c.name = a.channel
            WHERE a.status = 'pending' AND a.next_attempt_at <= ? AND c.enabled = 1
            ORDER BY a.channel
            """,
            (to_text(self._now()),),
        )
        return [row[0] for row in cursor]

    def claim(
        self, channel: str, lease: timedelta, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Take the due alerts of `channel` (oldest first) for one delivery attempt.

        Each claimed alert counts an attempt and is not due again until the lease ends, so a
        second process delivering at the same time skips it, and one that dies mid-send leaves
        it to be sent again after the lease.
        """
        now = self._now()
        with write_transaction(self.db):
            conn = self.db.conn
            ids = [
                row[0]
                for row in conn.execute(
                    """
                    SELECT id FROM alerts
                    WHERE channel = ? AND status = 'pending' AND next_attempt_at <= ?
                    ORDER BY created_at, id LIMIT ?
                    """,
                    (channel, to_text(now), -1 if limit is None else limit),
                )
            ]
            conn.executemany(
                "UPDATE alerts SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
                [(to_text(now + lease), alert_id) for alert_id in ids],
            )
        return self._alerts_by_id(ids)

    def mark_sent(self, ids: Sequence[int]) -> None:
        now = to_text(self._now())
        with write_transaction(self.db):
            self.db.conn.executemany(
                "UPDATE alerts SET status = 'sent', sent_at = ? WHERE id = ?",
                [(now, alert_id) for alert_id in ids],
            )

    def mark_retry(self, ids: Sequence[int], error: str, retry_at: datetime) -> None:
        """Record a failed attempt; the alerts are due again at `retry_at`."""
        with write_transaction(self.db):
            self.db.conn.executemany(
                "UPDATE alerts SET status = 'pending', last_error = ?, next_attempt_at = ?"
                " WHERE id = ?",
                [(error, to_text(retry_at), alert_id) for alert_id in ids],
            )

    def mark_failed(self, ids: Sequence[int], error: str) -> None:
        """Give up on the alerts (kept, listed by `alerts list --failed`, re-queued by retry)."""
        with write_transaction(self.db):
            self.db.conn.executemany(
                "UPDATE alerts SET status = 'failed', last_error = ? WHERE id = ?",
                [(error, alert_id) for alert_id in ids],
            )

    def defer(self, channel: str, until: datetime) -> int:
        """Hold back every alert of `channel` due now until `until` (its receiver is down)."""
        with write_transaction(self.db):
            cursor = self.db.conn.execute(
                "UPDATE alerts SET next_attempt_at = ? WHERE channel = ? AND status = 'pending'"
                " AND next_attempt_at < ?",
                (to_text(until), channel, to_text(until)),
            )
        return cursor.rowcount

    def requeue(self, channel: str | None = None) -> int:
        """Make failed and waiting alerts due now, with a fresh count of attempts."""
        now = to_text(self._now())
        where = "status IN ('pending', 'failed')" + (" AND channel = ?" if channel else "")
        with write_transaction(self.db):
            cursor = self.db.conn.execute(
                f"UPDATE alerts SET status = 'pending', attempts = 0, next_attempt_at = ?"
                f" WHERE {where}",
                (now, channel) if channel else (now,),
            )
        return cursor.rowcount

    # -- reading -------------------------------------------------------------------------

    def alerts(
        self, status: str | None = None, channel: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """Alerts, newest first, each with its report (or None for a notice)."""
        if status is not None and status not in ALERT_STATUSES:
            raise ValueError(f"alert status {status!r} is not one of: {', '.join(ALERT_STATUSES)}")
        conditions, params = [], []
        if status:
            conditions.append("status = ?")
            params.append(status)
        if channel:
            conditions.append("channel = ?")
            params.append(channel)
        where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
        ids = [
            row[0]
            for row in self.db.conn.execute(
                f"SELECT id FROM alerts {where} ORDER BY created_at DESC, id DESC LIMIT ?",
                (*params, limit),
            )
        ]
        return self._alerts_by_id(ids)

    def recent(self, channel: str, limit: int) -> list[dict[str, Any]]:
        """The newest `limit` alerts of `channel` that are not given up: what a feed shows."""
        ids = [
            row[0]
            for row in self.db.conn.execute(
                "SELECT id FROM alerts WHERE channel = ? AND status != 'failed'"
                " ORDER BY created_at DESC, id DESC LIMIT ?",
                (channel, limit),
            )
        ]
        return self._alerts_by_id(ids)

    def counts(self) -> dict[str, int]:
        """How many alerts per status (every status present, 0 if none)."""
        found = dict(
            self.db.conn.execute("SELECT status, count(*) FROM alerts GROUP BY status").fetchall()
        )
        return {status: int(found.get(status, 0)) for status in ALERT_STATUSES}

    def _alerts_by_id(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        cursor = self.db.conn.execute(
            f"SELECT {_ALERT_COLUMNS} FROM alerts a WHERE a.id IN ({marks})", tuple(ids)
        )
        names = [d[0] for d in cursor.description]
        by_id = {row["id"]: row for row in (dict(zip(names, v, strict=True)) for v in cursor)}
        alerts = []
        for alert_id in ids:
            row = by_id[alert_id]
            row["notice"] = json.loads(row["notice"]) if row["notice"] else None
            row["report"] = (
                self.store.get_report(row["report_id"]) if row["report_id"] is not None else None
            )
            alerts.append(row)
        return alerts
