"""The `webhook` channel: an HTTP POST of the alert as JSON, with an `Idempotency-Key` header.

The same alert always carries the same key (also in the body as `idempotency_key`), so a
receiver can drop a repeat: delivery is at least once, and a process killed after the POST but
before recording it sends again. A digest channel posts one document listing the cycle's alerts.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from crawler.alerts.base import Batch, DeliveryError
from crawler.alerts.message import digest_document, json_document

USER_AGENT = "eduwatch/0.1 (education report monitor)"
# Answers that mean "try again later"; any other 4xx means the request itself is refused, and
# repeating it would only be refused again (fix the config, then `eduwatch alerts retry`).
_TRANSIENT_4XX = frozenset({408, 409, 423, 425, 429})


def send_webhook(batch: Batch, session: requests.Session | None = None) -> None:
    """POST the batch; raises DeliveryError unless the receiver answers 2xx."""
    channel = batch.channel
    if channel.digest:
        document = digest_document(batch.alerts)
    else:
        (alert,) = batch.alerts
        document = json_document(alert)
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "Idempotency-Key": document["idempotency_key"],
        "User-Agent": USER_AGENT,
    }
    http = session or requests.Session()
    try:
        response = http.post(
            channel.url, data=body, headers=headers, timeout=channel.timeout,
            allow_redirects=False,
        )
    except requests.Timeout:
        raise DeliveryError(
            f"{channel.target}: no answer within {channel.timeout:g}s"
        ) from None
    except requests.ConnectionError as exc:
        raise DeliveryError(f"{channel.target}: cannot connect ({_reason(exc)})") from None
    except requests.RequestException as exc:
        raise DeliveryError(f"{channel.target}: {type(exc).__name__}") from None
    finally:
        if session is None:
            http.close()
    status = response.status_code
    if 200 <= status < 300:
        return
    detail = f"{channel.target}: HTTP {status} {response.reason or ''}".rstrip()
    if status >= 500 or status in _TRANSIENT_4XX:
        raise DeliveryError(detail, retry_after=_retry_after(response.headers.get("Retry-After")))
    raise DeliveryError(f"{detail}; the receiver refuses this request", permanent=True)


def _reason(exc: Exception) -> str:
    # requests nests the socket error a few levels down; its last words are the useful ones
    # ("Connection refused", "Name or service not known").
    text = str(exc)
    for marker in ("Errno", "]"):
        if marker in text:
            text = text.rsplit(marker, 1)[-1]
    return text.strip(" :')\"") or type(exc).__name__


def _retry_after(value: Any) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        return None
    # An HTTP date is a real moment, so it is measured against the real clock.
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())
