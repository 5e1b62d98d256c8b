"""The `jsonl` channel: each alert appended to a file as one JSON line (a digest: one line).

Before appending, the idempotency keys already in the file are read, so a batch written just
before a crash and sent again is not written twice: the file holds each alert once.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from crawler.alerts.base import Batch, DeliveryError
from crawler.alerts.message import digest_document, json_document


def keys_in(path: Path) -> set[str]:
    """The idempotency keys of the lines already in `path` (a torn last line is skipped)."""
    keys: set[str] = set()
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    keys.add(json.loads(line)["idempotency_key"])
                except (ValueError, KeyError, TypeError):
                    continue
    except FileNotFoundError:
        pass
    return keys


def append_jsonl(batch: Batch) -> None:
    """Append the batch's documents; raises DeliveryError if the file cannot be written."""
    channel = batch.channel
    assert channel.path is not None
    if channel.digest:
        documents = [digest_document(batch.alerts)]
    else:
        documents = [json_document(alert) for alert in batch.alerts]
    try:
        channel.path.parent.mkdir(parents=True, exist_ok=True)
        known = keys_in(channel.path)
        lines = "".join(
            json.dumps(d, ensure_ascii=False) + "\n"
            for d in documents
            if d["idempotency_key"] not in known
        )
        if not lines:
            return
        with channel.path.open("a", encoding="utf-8") as out:
            out.write(lines)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise DeliveryError(f"{channel.target}: cannot write ({exc.strerror or exc})") from None
