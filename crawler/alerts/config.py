"""The `[[alerts]]` tables of the config, checked into frozen `Channel` objects.

`crawler.config.parse_config` calls `check_alerts` so that a bad channel is refused with the
rest of the config (one line: file, key, fix) before anything runs; `channels_of(config)` gives
the checked channels to the code that sends. Keys are listed in the README ("Alerts").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.config import LEVELS, Config, ConfigError, Source
from db import CHANNEL_TYPES, ChannelFilter, ChannelRecord

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
DEFAULT_MAX_ENTRIES = 50
DEFAULT_TIMEOUT = 10.0

# Which channel types each optional key means something for; a key given to another type is a
# mistake worth saying (a `path` on a webhook would otherwise be silently ignored).
_KEY_TYPES: dict[str, tuple[str, ...]] = {
    "url": ("webhook", "apprise", "feed"),
    "path": ("feed", "jsonl"),
    "max_entries": ("feed",),
    "title": ("feed",),
    "timeout": ("webhook", "apprise"),
}
_COMMON_KEYS = (
    "name", "type", "keywords", "provinces", "sources", "levels", "digest", "operator", "reports",
)
_KNOWN_KEYS = (*_COMMON_KEYS, *_KEY_TYPES)
_REQUIRED: dict[str, str] = {"webhook": "url", "apprise": "url", "feed": "path", "jsonl": "path"}


@dataclass(frozen=True)
class Channel:
    """One alert channel: where alerts go (`url` or `path`) and which reports it wants."""

    name: str
    type: str
    url: str = ""
    path: Path | None = None
    keywords: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    digest: bool = False
    operator: bool = False
    reports: bool = True
    max_entries: int = DEFAULT_MAX_ENTRIES
    timeout: float = DEFAULT_TIMEOUT
    title: str = ""

    @property
    def filters(self) -> ChannelFilter:
        return ChannelFilter(self.keywords, self.provinces, self.sources, self.levels)

    def record(self) -> ChannelRecord:
        """What the database keeps of this channel (no URL or path: they may hold secrets)."""
        return ChannelRecord(
            self.name, self.type, self.filters, self.digest, self.operator, self.reports
        )

    @property
    def target(self) -> str:
        """Where the channel delivers, safe to print in logs, errors and the database.

        Webhook paths and most Apprise URLs carry tokens (…/services/T0/B0/secret,
        tgram://bot-token/chat), so only the scheme and a mail or web host are shown.
        """
        if self.path is not None:
            return str(self.path)
        parts = urlsplit(self.url)
        if self.type == "apprise" and parts.scheme not in ("mailto", "mailtos"):
            return f"{parts.scheme}://…"
        try:
            port = f":{parts.port}" if parts.port else ""
        except ValueError:
            port = ""
        more = "/…" if parts.path not in ("", "/") else ""
        return f"{parts.scheme}://{parts.hostname or ''}{port}{more}"


def channels_of(config: Config) -> tuple[Channel, ...]:
    """The checked channels of a loaded config."""
    return check_alerts(config.path, config.alerts, config.sources)


def check_alerts(
    path: Path, raw_alerts: Sequence[Mapping[str, Any]], sources: Sequence[Source]
) -> tuple[Channel, ...]:
    """Check every `[[alerts]]` table; raises ConfigError naming the first bad key."""
    channels = tuple(
        _check_channel(path, i, raw, {s.id for s in sources}) for i, raw in enumerate(raw_alerts)
    )
    seen: set[str] = set()
    for i, channel in enumerate(channels):
        if channel.name in seen:
            raise ConfigError(
                path, f"alerts[{i}].name", f"duplicate name {channel.name!r}; names must be unique"
            )
        seen.add(channel.name)
    return channels


def _check_channel(path: Path, index: int, raw: Mapping[str, Any], source_ids: set[str]) -> Channel:
    key = f"alerts[{index}]"
    for name in raw:
        if name not in _KNOWN_KEYS:
            raise ConfigError(
                path, f"{key}.{name}", f"unknown key; known keys are: {', '.join(_KNOWN_KEYS)}"
            )
    for required in ("name", "type"):
        if required not in raw:
            raise ConfigError(path, f"{key}.{required}", "missing; every [[alerts]] needs it")
    name = _string(path, f"{key}.name", raw["name"])
    kind = _string(path, f"{key}.type", raw["type"])
    if not _NAME.match(name):
        raise ConfigError(
            path, f"{key}.name", f"{name!r} must be lower-case letters, digits, '-' or '_'"
        )
    if kind not in CHANNEL_TYPES:
        raise ConfigError(path, f"{key}.type", f"{kind!r} is not one of {', '.join(CHANNEL_TYPES)}")
    for option, types in _KEY_TYPES.items():
        if option in raw and kind not in types:
            raise ConfigError(
                path, f"{key}.{option}",
                f"does not apply to {kind} channels (only to {', '.join(types)}); remove it",
            )
    required = _REQUIRED[kind]
    if required not in raw:
        raise ConfigError(path, f"{key}.{required}", f"missing; a {kind} channel needs it")
    values: dict[str, Any] = {"name": name, "type": kind}
    if "url" in raw:
        url = _string(path, f"{key}.url", raw["url"])
        values["url"] = _check_url(path, f"{key}.url", kind, url)
    if "path" in raw:
        file = Path(_string(path, f"{key}.path", raw["path"]))
        values["path"] = file if file.is_absolute() else path.parent / file
    for option in ("keywords", "provinces", "sources", "levels"):
        if option in raw:
            values[option] = _strings(path, f"{key}.{option}", raw[option])
    for i, source_id in enumerate(values.get("sources", ())):
        if source_id not in source_ids:
            known = ", ".join(sorted(source_ids)) or "none"
            raise ConfigError(
                path, f"{key}.sources[{i}]", f"no source with id {source_id!r} (known: {known})"
            )
    for i, level in enumerate(values.get("levels", ())):
        if level not in LEVELS:
            raise ConfigError(
                path, f"{key}.levels[{i}]", f"{level!r} is not one of {', '.join(LEVELS)}"
            )
    for option in ("digest", "operator", "reports"):
        if option in raw:
            if not isinstance(raw[option], bool):
                raise ConfigError(path, f"{key}.{option}", "must be true or false")
            values[option] = raw[option]
    if "max_entries" in raw:
        count = raw["max_entries"]
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 10000:
            raise ConfigError(
                path, f"{key}.max_entries", f"must be a whole number from 1 to 10000, not {count!r}"
            )
        values["max_entries"] = count
    if "timeout" in raw:
        timeout = raw["timeout"]
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
            raise ConfigError(
                path, f"{key}.timeout", f"must be a number of seconds > 0, not {timeout!r}"
            )
        values["timeout"] = float(timeout)
    if "title" in raw:
        values["title"] = _string(path, f"{key}.title", raw["title"])
    channel = Channel(**values)
    if not channel.reports and not channel.operator:
        raise ConfigError(
            path, f"{key}.reports",
            "false with operator = false leaves the channel nothing to send; drop the channel",
        )
    return channel


def _string(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(path, key, f"must be a non-empty string, not {value!r}")
    return value.strip()


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(path, key, 'must be a list of non-empty strings, e.g. ["…", "…"]')
    return tuple(v.strip() for v in value)


def _check_url(path: Path, key: str, kind: str, url: str) -> str:
    if kind in ("webhook", "feed"):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                path, key, f"{url!r} is not an http(s) URL; write it in full, e.g. https://host/path"
            )
        return url
    # Apprise knows its own URL forms (mailto://, tgram://, slack://, ...); it is imported only
    # when a config has an apprise channel, since loading it costs time every command pays.
    import apprise

    if apprise.Apprise.instantiate(url) is None:
        scheme = url.split("://", 1)[0] if "://" in url else url
        raise ConfigError(
            path, key,
            f"Apprise cannot use this URL (scheme {scheme!r}); see the Apprise wiki for the form, "
            "e.g. mailto://user:password@example.com?to=someone@example.org",
        )
    return url
