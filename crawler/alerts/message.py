"""What an alert says: one JSON payload for machines, one Vietnamese text for people.

Pure functions over outbox rows (`db.Outbox.claim` / `recent`). Every sender builds on these,
so a webhook receiver, a mail reader and a feed reader see the same facts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from db.query_syntax import SearchTerm, fold_tokens
from db.snippets import make_snippet

SNIPPET_WORDS = 40
REPORT_EVENT = "report"
TEST_EVENT = "test"
NOTICE_EVENTS = ("source_down", "source_recovered")

_PROBLEMS_VI = {
    "failed": "không thu thập được (lỗi tải trang hoặc lỗi của lần quét)",
    "empty": "tải được trang nhưng không còn tìm thấy bài viết nào"
    " (có thể cổng thông tin đã đổi giao diện)",
}


@dataclass(frozen=True)
class Alert:
    """One alert ready to send: `payload` is JSON-ready and the same for every channel type."""

    id: int
    channel: str
    key: str  # the idempotency key: the same alert always carries the same key
    event: str  # "report", "source_down" or "source_recovered"
    payload: Mapping[str, Any]
    created_at: str


def snippet(text: str, keywords: Sequence[str] = (), words: int = SNIPPET_WORDS) -> str:
    """About `words` words of `text`: around the first keyword found, else its beginning."""
    terms = [SearchTerm(tokens) for tokens in (fold_tokens(k) for k in keywords) if tokens]
    return make_snippet(text, terms, words=words, markers=("", ""))


def report_payload(report: Mapping[str, Any], keywords: Sequence[str] = ()) -> dict[str, Any]:
    """The facts of a report that an alert carries (`report` as `Store.get_report` gives it)."""
    seen = [u for u in report.get("urls") or () if isinstance(u, Mapping)]
    published = report.get("published")
    return {
        "id": report["id"],
        "title": report["title"],
        "url": report["url"],
        "urls": [u["url"] for u in seen] or [report["url"]],
        "source": report.get("source"),
        "source_name": report.get("source_name"),
        "sources": sorted({str(u["source_id"]) for u in seen} or {str(report.get("source"))}),
        "province": report.get("province") or "",
        "district": report.get("district") or "",
        "level": report.get("level"),
        "published": published.isoformat() if isinstance(published, date) else published,
        "first_seen": report.get("first_seen"),
        "snippet": snippet(report.get("text") or "", keywords),
    }


def alert_from_row(row: Mapping[str, Any], keywords: Sequence[str] = ()) -> Alert:
    """An outbox row (with its `report` or `notice`) as an Alert."""
    if row.get("report") is not None:
        event, payload = REPORT_EVENT, report_payload(row["report"], keywords)
    elif row.get("notice") is not None:
        payload = dict(row["notice"])
        event = str(payload.get("event"))
    else:  # the report was deleted after the alert was queued; say so rather than crash
        event, payload = "missing", {"report_id": row.get("report_id")}
    return Alert(row["id"], row["channel"], row["idempotency_key"], event, payload,
                 row["created_at"])


def test_alert(channel: str, now: datetime | None = None) -> Alert:
    """A sample alert for `eduwatch alerts test`: says what it is, carries a unique key."""
    moment = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    payload = {
        "channel": channel,
        "title": "Tin nhắn thử của eduwatch",
        "message": f"Kênh cảnh báo {channel} hoạt động: báo cáo giáo dục mới sẽ được gửi tới đây.",
    }
    key = hashlib.sha256(f"test\x1f{channel}\x1f{moment}".encode()).hexdigest()[:32]
    return Alert(0, channel, key, TEST_EVENT, payload, moment)


def digest_key(alerts: Sequence[Alert]) -> str:
    """One key for a digest: the same set of alerts always gives the same key."""
    joined = "\x1f".join(sorted(a.key for a in alerts))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def json_document(alert: Alert) -> dict[str, Any]:
    """What a webhook posts and a JSON-lines file holds for one alert."""
    return {"event": alert.event, "idempotency_key": alert.key, **alert.payload}


def digest_document(alerts: Sequence[Alert]) -> dict[str, Any]:
    """One document for a digest of alerts."""
    return {
        "event": "digest",
        "idempotency_key": digest_key(alerts),
        "count": len(alerts),
        "alerts": [json_document(a) for a in alerts],
    }


# ----------------------------------------------------------------------------- text


def vietnamese_date(value: Any) -> str:
    """'2024-05-31' (or a date) → '31/05/2024'; '' for nothing."""
    if not value:
        return ""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return day.strftime("%d/%m/%Y")


def vietnamese_time(value: Any) -> str:
    """A stored UTC timestamp as 'HH:MM dd/mm/YYYY (UTC)'."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return moment.strftime("%H:%M %d/%m/%Y (UTC)")


def _place(payload: Mapping[str, Any]) -> str:
    return ", ".join(p for p in (payload.get("district"), payload.get("province")) if p)


def subject(alert: Alert) -> str:
    """The one-line title of an alert (mail subject, chat title, feed entry title)."""
    payload = alert.payload
    if alert.event == REPORT_EVENT:
        return f"Báo cáo mới: {payload['title']}"
    name = payload.get("source_name") or payload.get("source")
    if alert.event == "source_down":
        return f"Nguồn tin gặp sự cố: {name}"
    if alert.event == "source_recovered":
        return f"Nguồn tin hoạt động trở lại: {name}"
    if alert.event == TEST_EVENT:
        return f"eduwatch: tin nhắn thử (kênh {payload.get('channel')})"
    return f"eduwatch: {alert.event}"


def text(alert: Alert) -> str:
    """The readable Vietnamese body of one alert."""
    payload = alert.payload
    if alert.event == REPORT_EVENT:
        lines = [str(payload["title"])]
        source = payload.get("source_name") or payload.get("source")
        place = _place(payload)
        lines.append(f"Nguồn: {source}" + (f" ({place})" if place else ""))
        lines.append(f"Ngày đăng: {vietnamese_date(payload.get('published')) or 'chưa rõ'}")
        if payload.get("snippet"):
            lines += ["", str(payload["snippet"])]
        lines += ["", f"Xem bài: {payload['url']}"]
        others = [u for u in payload.get("urls", ()) if u != payload["url"]]
        if others:
            lines.append("Cũng đăng tại: " + ", ".join(others))
        return "\n".join(lines)
    name = payload.get("source_name") or payload.get("source")
    if alert.event == "source_down":
        problem = _PROBLEMS_VI.get(str(payload.get("problem")), str(payload.get("problem")))
        lines = [
            f"Nguồn {name} ({payload.get('source')}) {problem}"
            f" trong {payload.get('cycles')} lần quét liên tiếp,"
            f" từ {vietnamese_time(payload.get('since'))}.",
        ]
        if payload.get("detail"):
            lines.append(f"Chi tiết: {payload['detail']}")
        lines.append("Sẽ có thông báo khi nguồn hoạt động trở lại.")
        return "\n".join(lines)
    if alert.event == "source_recovered":
        return (
            f"Nguồn {name} ({payload.get('source')}) đã thu thập bình thường trở lại"
            f" (sự cố từ {vietnamese_time(payload.get('since'))})."
        )
    if alert.event == TEST_EVENT:
        return str(payload["message"])
    return f"{alert.event}: {payload}"


def digest_subject(alerts: Sequence[Alert]) -> str:
    reports = sum(1 for a in alerts if a.event == REPORT_EVENT)
    notices = len(alerts) - reports
    parts = [f"{reports} báo cáo mới"] if reports else []
    parts += [f"{notices} thông báo về nguồn tin"] if notices else []
    return "eduwatch: " + ", ".join(parts)


def digest_text(alerts: Sequence[Alert]) -> str:
    """One readable message listing every alert of a cycle."""
    blocks = []
    for number, alert in enumerate(alerts, 1):
        payload = alert.payload
        if alert.event == REPORT_EVENT:
            place = _place(payload)
            head = f"{number}. {payload['title']}"
            meta = ", ".join(
                p for p in (payload.get("source_name") or payload.get("source"), place,
                            vietnamese_date(payload.get("published"))) if p
            )
            blocks.append(f"{head}\n   {meta}\n   {payload['url']}")
        else:
            blocks.append(f"{number}. {subject(alert)}\n   " + text(alert).replace("\n", "\n   "))
    return "\n\n".join(blocks)
