"""What eduwatch remembers about each source's health between cycles (table `source_health`).

The rules that decide a source is down or back live in crawler/alerts/health.py (pure); this
module only loads and stores their state, and writes a state change together with the operator
notice it causes (db/outbox.py), in one transaction: a notice is queued exactly when the state
flips, whatever process does it and wherever it is interrupted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db.clock import from_text, to_text
from db.connection import write_transaction
from db.outbox import Outbox

if TYPE_CHECKING:
    from db.store import Store

HEALTH_STATES: tuple[str, ...] = ("ok", "down")


@dataclass(frozen=True)
class SourceHealth:
    """One source's health: `bad_cycles` in a row, the last `problem`, `since` when it began."""

    source_id: str
    state: str = "ok"
    bad_cycles: int = 0
    problem: str = ""  # a code: "failed" or "empty"
    detail: str = ""  # what was seen, for people
    productive: bool = False  # has it ever yielded articles?
    since: datetime | None = None

    def __post_init__(self) -> None:
        if self.state not in HEALTH_STATES:
            known = ", ".join(HEALTH_STATES)
            raise ValueError(f"health state {self.state!r} is not one of: {known}")


def load_health(store: Store, source_id: str) -> SourceHealth:
    """The stored health of `source_id` (a healthy blank record if nothing is known)."""
    row = store.db.conn.execute(
        "SELECT state, bad_cycles, problem, detail, productive, since FROM source_health"
        " WHERE source_id = ?",
        (source_id,),
    ).fetchone()
    if row is None:
        return SourceHealth(source_id)
    state, bad_cycles, problem, detail, productive, since = row
    return SourceHealth(
        source_id, state, int(bad_cycles), problem, detail, bool(productive), from_text(since)
    )


def all_health(store: Store) -> list[SourceHealth]:
    """Every source's stored health, by source id."""
    cursor = store.db.conn.execute("SELECT source_id FROM source_health ORDER BY source_id")
    return [load_health(store, source_id) for (source_id,) in cursor.fetchall()]


def save_health(
    store: Store, health: SourceHealth, now: datetime, notice: Mapping[str, Any] | None = None
) -> int:
    """Store `health`, and queue `notice` to the operator channels in the same transaction.

    Returns how many operator alerts were queued.
    """
    queued = 0
    with write_transaction(store.db):
        store.db.conn.execute(
            """
            INSERT INTO source_health
                (source_id, state, bad_cycles, problem, detail, productive, since, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id) DO UPDATE SET
                state = excluded.state, bad_cycles = excluded.bad_cycles,
                problem = excluded.problem, detail = excluded.detail,
                productive = excluded.productive, since = excluded.since,
                updated_at = excluded.updated_at
            """,
            (
                health.source_id,
                health.state,
                health.bad_cycles,
                health.problem,
                health.detail,
                int(health.productive),
                to_text(health.since) if health.since else None,
                to_text(now),
            ),
        )
        if notice is not None:
            queued = Outbox(store, now=lambda: now).queue_notice(notice)
    return queued
