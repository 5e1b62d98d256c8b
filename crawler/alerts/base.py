"""What every sender shares: the batch it is handed and the one error it may raise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crawler.alerts.config import Channel
from crawler.alerts.message import Alert


@dataclass(frozen=True)
class Batch:
    """One delivery attempt to one channel.

    `alerts` are what this attempt delivers: one alert, or every due alert of a digest channel
    (and of a feed or JSON-lines file, written once for all). `recent` is, for feeds only, the
    newest alerts of the channel including these: the entries the feed file shows.
    """

    channel: Channel
    alerts: tuple[Alert, ...]
    recent: tuple[Alert, ...] = ()


class DeliveryError(Exception):
    """A send that did not happen. `permanent` errors are not retried (the request itself is
    wrong: a 4xx answer, an unusable URL); `retry_after` is the receiver's own wish, in seconds.
    The message is one line and holds no credentials."""

    def __init__(
        self, message: str, *, permanent: bool = False, retry_after: float | None = None
    ) -> None:
        super().__init__(" ".join(message.split())[:500])
        self.permanent = permanent
        self.retry_after = retry_after


Send = Callable[[Batch], None]
