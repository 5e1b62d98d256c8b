"""The `apprise` channel: any Apprise URL (mailto://, tgram://, slack://, discord://, ...).

The message is plain Vietnamese text: the report's title as the subject, then source, place,
date, a snippet and the link. Apprise does the talking to each service; its log lines of a
failed send become the alert's `last_error`.
"""

from __future__ import annotations

import logging

from crawler.alerts.base import Batch, DeliveryError
from crawler.alerts.message import digest_subject, digest_text, subject, text

_MAX_ERROR_LINES = 3


def send_apprise(batch: Batch) -> None:
    """Notify through Apprise; raises DeliveryError unless every service accepted it."""
    import apprise  # loading its plugins takes a moment; only channels that use it pay

    channel = batch.channel
    notifier = apprise.Apprise()
    if not notifier.add(channel.url):
        raise DeliveryError(f"{channel.target}: Apprise cannot use this URL", permanent=True)
    if channel.digest:
        title, body = digest_subject(batch.alerts), digest_text(batch.alerts)
    else:
        (alert,) = batch.alerts
        title, body = subject(alert), text(alert)
    result = notifier.notify(
        body=body,
        title=title,
        body_format=apprise.NotifyFormat.TEXT,
        timeout=channel.timeout,
        log_level=logging.WARNING,
    )
    if result:
        return
    problems = [entry.message for entry in result.logs() if entry.message]
    detail = "; ".join(problems[-_MAX_ERROR_LINES:]) or f"Apprise status {result.status.name}"
    raise DeliveryError(f"{channel.target}: {detail}")
