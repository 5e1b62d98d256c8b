"""The eduwatch configuration file (TOML), read once into frozen objects.

Every problem is reported as one `ConfigError` naming the file, the key and the fix, before
anything is written anywhere. See the README's "Configuration reference" for every key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

LEVELS = ("province", "district", "department")
_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class ConfigError(ValueError):
    """A configuration problem; str() is the one line the CLI prints."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = str(path), key, problem
        where = f"{self.path}: {key}: " if key else f"{self.path}: "
        super().__init__(where + problem)


def parse_interval(text: str) -> float:
    """'90s', '15m', '6h', '1d' → seconds."""
    match = _INTERVAL.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(text)
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


@dataclass(frozen=True)
class StorageConfig:
    db: Path = Path("data/eduwatch.db")


@dataclass(frozen=True)
class CrawlConfig:
    obey_robots: bool = True
    user_agent: str = "eduwatch/0.1 (education report monitor)"
    download_delay: float = 0.25  # seconds between requests to one host
    concurrency_per_host: int = 4
    timeout: float = 30.0
    retries: int = 2
    max_pages: int = 3000  # per source and crawl
    max_depth: int = 8  # link hops from a start URL
    max_per_shape: int = 300  # pages per URL shape (host + path with numbers masked + query keys)
    max_listing_pages: int = 50  # pages deep into one paginated listing
    interval: str = "6h"  # default crawl interval for `eduwatch run`
    jitter: float = 0.1  # fraction of the interval added at random
    alert_after_failures: int = 3  # bad cycles in a row before a source-health operator alert


@dataclass(frozen=True)
class ClassifierConfig:
    threshold: float = 0.5


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    level: str
    urls: tuple[str, ...]
    province: str = ""
    district: str = ""
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    interval: str | None = None
    enabled: bool = True

    @property
    def hosts(self) -> tuple[str, ...]:
        """The host names this source may crawl (those of its start URLs)."""
        return tuple(dict.fromkeys((urlsplit(u).hostname or "").lower() for u in self.urls))


@dataclass(frozen=True)
class Config:
    path: Path
    storage: StorageConfig = field(default_factory=StorageConfig)
    crawl: CrawlConfig = field(default_factory=CrawlConfig)
    classifier: ClassifierConfig = field(default_factory=ClassifierConfig)
    sources: tuple[Source, ...] = ()
    alerts: tuple[dict[str, Any], ...] = ()  # raw; checked here, read via alerts.channels_of

    @property
    def db_path(self) -> Path:
        """The database path; a relative one is relative to the config file's folder."""
        db = self.storage.db
        return db if db.is_absolute() else (self.path.parent / db)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        known = ", ".join(s.id for s in self.sources) or "none"
        raise ConfigError(self.path, "sources", f"no source with id {source_id!r} (known: {known})")


def _type_name(t: Any) -> str:
    return {bool: "true/false", int: "an integer", float: "a number", str: "a string"}.get(
        t, str(t)
    )


def _check_table(
    path: Path, key: str, raw: Any, cls: type, *, convert: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Check a TOML table against a dataclass: known keys only, right types."""
    if not isinstance(raw, dict):
        raise ConfigError(path, key, "must be a table")
    convert = convert or {}
    known = {f.name: f for f in fields(cls)}
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in known or name in ("path",):
            options = ", ".join(n for n in known if n != "path")
            raise ConfigError(path, f"{key}.{name}", f"unknown key; known keys are: {options}")
        expected = known[name].type
        kind = {"bool": bool, "int": int, "float": float, "str": str}.get(str(expected))
        if kind is bool and not isinstance(value, bool):
            raise ConfigError(path, f"{key}.{name}", f"must be {_type_name(bool)}, not {value!r}")
        if kind is int and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise ConfigError(path, f"{key}.{name}", f"must be a whole number ≥ 0, not {value!r}")
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(path, f"{key}.{name}", f"must be a number ≥ 0, not {value!r}")
            value = float(value)
        if kind is str and not isinstance(value, str):
            raise ConfigError(path, f"{key}.{name}", f"must be a string, not {value!r}")
        out[name] = convert[name](value) if name in convert else value
    return out


def _string_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, key, 'must be a list of strings, e.g. ["…", "…"]')
    return tuple(value)


def _check_url(path: Path, key: str, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            path, key, f"{url!r} is not an http(s) URL; write it in full, e.g. https://example.gov.vn/"
        )
    return url


def _check_source(path: Path, index: int, raw: Any) -> Source:
    key = f"sources[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(path, key, "each [[sources]] entry must be a table")
    known = {f.name for f in fields(Source)}
    for name in raw:
        if name not in known:
            raise ConfigError(
                path, f"{key}.{name}", f"unknown key; known keys are: {', '.join(sorted(known))}"
            )
    for required in ("id", "name", "level", "urls"):
        if required not in raw:
            raise ConfigError(path, f"{key}.{required}", "missing; every source needs it")
    for name in ("id", "name", "level", "province", "district", "interval"):
        if name in raw and not isinstance(raw[name], str):
            raise ConfigError(path, f"{key}.{name}", f"must be a string, not {raw[name]!r}")
    if "enabled" in raw and not isinstance(raw["enabled"], bool):
        raise ConfigError(path, f"{key}.enabled", "must be true or false")
    if not _SOURCE_ID.match(raw["id"]):
        raise ConfigError(
            path, f"{key}.id", f"{raw['id']!r} must be lower-case letters, digits, '-' or '_'"
        )
    if raw["level"] not in LEVELS:
        raise ConfigError(
            path, f"{key}.level", f"{raw['level']!r} is not one of {', '.join(LEVELS)}"
        )
    urls = _string_list(path, f"{key}.urls", raw["urls"])
    if not urls:
        raise ConfigError(path, f"{key}.urls", "needs at least one homepage, feed or sitemap URL")
    for i, url in enumerate(urls):
        _check_url(path, f"{key}.urls[{i}]", url)
    patterns: dict[str, tuple[str, ...]] = {}
    for name in ("allow", "deny"):
        patterns[name] = _string_list(path, f"{key}.{name}", raw.get(name, []))
        for i, pattern in enumerate(patterns[name]):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(
                    path, f"{key}.{name}[{i}]", f"{pattern!r} is not a valid regex ({exc})"
                ) from None
    if "interval" in raw:
        try:
            parse_interval(raw["interval"])
        except ValueError:
            raise ConfigError(
                path, f"{key}.interval", f"{raw['interval']!r} is not a duration like 30m, 6h, 1d"
            ) from None
    return Source(
        id=raw["id"],
        name=raw["name"],
        level=raw["level"],
        urls=urls,
        province=raw.get("province", ""),
        district=raw.get("district", ""),
        allow=patterns["allow"],
        deny=patterns["deny"],
        interval=raw.get("interval"),
        enabled=raw.get("enabled", True),
    )


def parse_config(data: dict[str, Any], path: Path) -> Config:
    """Validate an already-parsed TOML document."""
    allowed = {"storage", "crawl", "classifier", "sources", "alerts"}
    for name in data:
        if name not in allowed:
            raise ConfigError(path, name, f"unknown section; known: {', '.join(sorted(allowed))}")
    raw_storage = data.get("storage", {})
    if isinstance(raw_storage, dict) and not isinstance(raw_storage.get("db", ""), str):
        raise ConfigError(path, "storage.db", "must be a file path string")
    storage = StorageConfig(
        **_check_table(path, "storage", raw_storage, StorageConfig, convert={"db": Path})
    )
    crawl = CrawlConfig(**_check_table(path, "crawl", data.get("crawl", {}), CrawlConfig))
    try:
        parse_interval(crawl.interval)
    except ValueError:
        raise ConfigError(
            path, "crawl.interval", f"{crawl.interval!r} is not a duration like 30m, 6h, 1d"
        ) from None
    classifier = ClassifierConfig(
        **_check_table(path, "classifier", data.get("classifier", {}), ClassifierConfig)
    )
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(path, "sources", "write each source as a [[sources]] table")
    sources = tuple(_check_source(path, i, raw) for i, raw in enumerate(raw_sources))
    seen: set[str] = set()
    for i, source in enumerate(sources):
        if source.id in seen:
            raise ConfigError(
                path, f"sources[{i}].id", f"duplicate id {source.id!r}; every id must be unique"
            )
        seen.add(source.id)
    raw_alerts = data.get("alerts", [])
    if not isinstance(raw_alerts, list) or not all(isinstance(a, dict) for a in raw_alerts):
        raise ConfigError(path, "alerts", "write each channel as an [[alerts]] table")
    from crawler.alerts.config import check_alerts  # it imports this module

    check_alerts(path, raw_alerts, sources)
    return Config(
        path=path,
        storage=storage,
        crawl=crawl,
        classifier=classifier,
        sources=sources,
        alerts=tuple(raw_alerts),
    )


def load_config(path: Path | str) -> Config:
    """Read and validate a config file; raises ConfigError with a one-line message."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            path, "", "file not found; create one (see README) or pass --config FILE"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, "", f"cannot be read ({exc}); check the file") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"is not valid TOML ({exc}); fix the syntax there") from None
    return parse_config(data, path.resolve())
