"""Source health: after each cycle, is a source in trouble, and has that just changed?

Pure rules over one crawl's figures (crawler/summary.py) and the stored `db.SourceHealth`:

- A cycle is *failed* when the crawl failed, or fetched no page at all (every request refused,
  timed out or answered with an error); *empty* when it fetched pages but found no article at
  all, neither new nor known (a redesign broke discovery or extraction) — which counts only for a
  source that used to yield articles; *unchanged* when every page answered 304 (nothing to judge);
  *ok* otherwise. Interrupted crawls say nothing.
- `failures_before_alert` failed or empty cycles in a row (`[crawl].alert_after_failures`,
  default 3, so that one bad night does not page anyone) turn the source *down* and queue ONE
  operator notice; further bad cycles add nothing. The first ok cycle after that turns it back
  *ok* with one recovery notice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from db import SourceHealth
from db.clock import to_text

OK, FAILED, EMPTY, UNCHANGED, INTERRUPTED = "ok", "failed", "empty", "unchanged", "interrupted"


@dataclass(frozen=True)
class CycleVerdict:
    """What one cycle says about a source: `kind` (ok, failed, empty, unchanged, interrupted)."""

    kind: str
    articles: int = 0  # article pages seen, new or known
    detail: str = ""


def judge_cycle(
    status: str, counts: Mapping[str, int], cuts: Mapping[str, int] | None = None
) -> CycleVerdict:
    """The verdict on one source's crawl from its status, counts and cuts (crawl summary)."""
    cuts = cuts or {}
    if status == "interrupted":
        return CycleVerdict(INTERRUPTED)
    pages = int(counts.get("pages_fetched", 0))
    errors = int(counts.get("errors", 0))
    # Known article links (skipped, not refetched) count: an incremental crawl that finds
    # nothing new still sees the articles it knows, as long as discovery works.
    articles = sum(int(counts.get(k, 0)) for k in ("new_reports", "duplicates", "non_reports"))
    articles += int(cuts.get("known", 0))
    if status == "failed":
        return CycleVerdict(FAILED, articles, "the crawl did not finish")
    if pages == 0:
        detail = f"{errors} request(s) failed" if errors else "no page could be fetched"
        return CycleVerdict(FAILED, 0, detail)
    if articles:
        return CycleVerdict(OK, articles)
    fresh = pages - int(counts.get("not_modified", 0))
    if fresh <= 0:
        return CycleVerdict(UNCHANGED)
    return CycleVerdict(EMPTY, 0, f"{fresh} page(s) fetched, no article found on them")


def next_health(
    health: SourceHealth,
    verdict: CycleVerdict,
    now: datetime,
    *,
    failures_before_alert: int,
    source_name: str = "",
) -> tuple[SourceHealth, dict[str, Any] | None]:
    """The source's health after `verdict`, and the operator notice to queue (or None)."""
    if verdict.kind in (INTERRUPTED, UNCHANGED):
        return health, None
    if verdict.kind == OK:
        healed = SourceHealth(health.source_id, "ok", 0, "", "", True, None)
        if health.state != "down":
            return healed, None
        notice = _notice("source_recovered", health, source_name, since=health.since)
        return healed, notice
    if verdict.kind == EMPTY and not health.productive:
        return health, None  # it never yielded articles: nothing stopped
    bad = replace(
        health,
        bad_cycles=health.bad_cycles + 1,
        problem=verdict.kind,
        detail=verdict.detail,
        since=health.since or now,
    )
    if health.state == "down" or bad.bad_cycles < failures_before_alert:
        return bad, None
    down = replace(bad, state="down")
    return down, _notice("source_down", down, source_name, since=down.since)


def _notice(
    event: str, health: SourceHealth, source_name: str, since: datetime | None
) -> dict[str, Any]:
    return {
        "event": event,
        "source": health.source_id,
        "source_name": source_name or health.source_id,
        "problem": health.problem,
        "detail": health.detail,
        "cycles": health.bad_cycles,
        "since": to_text(since) if since else None,
    }
