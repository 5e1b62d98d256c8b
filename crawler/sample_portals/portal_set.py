"""Start the sample portals on their loopback addresses and drive them from a test or the demo.

Each portal gets its own address in 127.0.0.0/8 (so its own host name for Scrapy's per-host
rules) and, when possible, the same port as the others. Servers run in daemon threads of the
calling process; `PortalSet.stop()` (or leaving the `with` block) shuts them down.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from types import TracebackType

from .liferay import LiferayTemplate
from .manifest import Manifest, build_manifest
from .nukeviet import NukeVietTemplate
from .server import PortalServer, RequestLog
from .sharepoint import SharePointTemplate
from .site import Site, utc_now
from .stories import Content, load_content
from .template import PortalTemplate
from .wordpress import WordPressTemplate

TEMPLATES: dict[str, type[PortalTemplate]] = {
    template.platform: template
    for template in (NukeVietTemplate, LiferayTemplate, SharePointTemplate, WordPressTemplate)
}
_SAME_PORT_ATTEMPTS = 20


class PortalStartError(RuntimeError):
    """A portal could not listen on its address; the message says what to do."""


def build_sites(
    content: Content | None = None,
    *,
    hosts: Mapping[str, str] | None = None,
    now: Callable[[], datetime] = utc_now,
) -> list[Site]:
    """One Site per portal in the content, not yet listening anywhere."""
    content = content or load_content()
    hosts = dict(hosts or {})
    unknown = set(hosts) - {p.id for p in content.portals}
    if unknown:
        known = ", ".join(p.id for p in content.portals)
        raise ValueError(f"unknown portal ids in hosts: {sorted(unknown)} (known: {known})")
    for portal_id, host in hosts.items():
        try:
            loopback = ipaddress.IPv4Address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise ValueError(
                f"hosts[{portal_id!r}] = {host!r}: sample portals listen on 127.x.y.z only"
            )
    sites = []
    for portal in content.portals:
        if portal.id in hosts:
            portal = type(portal)(**{**portal.__dict__, "host": hosts[portal.id]})
        template = TEMPLATES[portal.platform](portal, content.sections)
        sites.append(Site(portal, template, content.posts_of(portal.id), content.sections, now=now))
    if len({s.portal.host for s in sites}) != len(sites):
        raise ValueError("every portal needs its own loopback address")
    return sites


def load_manifest() -> Manifest:
    """The manifest of the sample portals, without starting them (paths only, no hosts)."""
    return build_manifest(build_sites())


class _RequestRecorder:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[RequestLog] = []

    def __call__(self, entry: RequestLog) -> None:
        with self._lock:
            self._entries.append(entry)

    def snapshot(self) -> list[RequestLog]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class PortalSet:
    """The running sample portals. Use as a context manager, or call stop()."""

    def __init__(self, sites: list[Site], servers: list[PortalServer], recorder: _RequestRecorder):
        self._sites = {site.portal.id: site for site in sites}
        self._servers = servers
        self._recorder = recorder
        self._threads: list[threading.Thread] = []
        self.base_urls: dict[str, str] = {}
        for site, server in zip(sites, servers, strict=True):
            port = server.server_address[1]
            site.base_url = f"http://{site.portal.host}:{port}/"
            self.base_urls[site.portal.id] = site.base_url
        for site in sites:
            site.neighbours = tuple(
                url for pid, url in self.base_urls.items() if pid != site.portal.id
            )
        self.manifest: Manifest = build_manifest(sites)
        for site, server in zip(sites, servers, strict=True):
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"sample-portal-{site.portal.id}",
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)

    # ---- addresses ------------------------------------------------------------------------

    def url(self, portal_id: str, path: str = "/") -> str:
        return self._site(portal_id).base_url.rstrip("/") + path

    def article_url(self, article_id: str) -> str:
        """The canonical URL of an article (published or not)."""
        article = self.manifest.article(article_id)
        return self.url(article.portal, article.path)

    def _site(self, portal_id: str) -> Site:
        try:
            return self._sites[portal_id]
        except KeyError:
            known = ", ".join(self._sites)
            raise KeyError(f"no portal {portal_id!r} (known: {known})") from None

    # ---- content --------------------------------------------------------------------------

    def publish(self, portal_id: str, article_id: str) -> str:
        """Make a held-back article appear on its portal; returns its URL. Idempotent."""
        site = self._site(portal_id)
        entry, _ = site.publish(article_id)
        return self.url(portal_id, entry.path)

    def is_published(self, article_id: str) -> bool:
        article = self.manifest.article(article_id)
        return self._site(article.portal).is_published(article_id)

    # ---- request log ----------------------------------------------------------------------

    @property
    def requests(self) -> list[RequestLog]:
        """Every request answered so far, oldest first (a copy; safe to use while serving)."""
        return self._recorder.snapshot()

    def reset_requests(self) -> None:
        self._recorder.clear()

    # ---- configuration --------------------------------------------------------------------

    def write_config(
        self, path: Path, db_path: Path, *, crawl: Mapping[str, object] | None = None
    ) -> Path:
        """Write an eduwatch TOML config with one [[sources]] per portal; returns `path`.

        `crawl` adds a [crawl] table (e.g. {"download_delay": 0.0}); keys are checked by
        crawler.config when the file is loaded.
        """
        lines = [
            "# eduwatch configuration for the offline sample portals (crawler.sample_portals).",
            "",
            "[storage]",
            f"db = {_toml(str(Path(db_path).resolve()))}",
            "",
        ]
        if crawl:
            lines.append("[crawl]")
            lines += [f"{key} = {_toml(value)}" for key, value in crawl.items()]
            lines.append("")
        for portal in self.manifest.portals:
            lines += [
                "[[sources]]",
                f"id = {_toml(portal.id)}",
                f"name = {_toml(portal.name)}",
                f"level = {_toml(portal.level)}",
                f"province = {_toml(portal.province)}",
                f"district = {_toml(portal.district)}",
                f"urls = [{_toml(self.url(portal.id, portal.home_path))}]",
                "",
            ]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    # ---- lifecycle ------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop every server and wait for their loops to end. Safe to call twice."""
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers = []
        self._threads = []

    def __enter__(self) -> PortalSet:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # A JSON string (non-ASCII kept, control characters escaped) is a valid TOML basic string.
    return json.dumps(str(value), ensure_ascii=False)


def _bind(site: Site, port: int, recorder: _RequestRecorder) -> PortalServer:
    return PortalServer((site.portal.host, port), site, recorder)


def _start_error(site: Site, port: int, exc: OSError) -> PortalStartError:
    host = site.portal.host
    if exc.errno == errno.EADDRNOTAVAIL:
        hint = (
            f"this machine does not route {host} to loopback. Linux answers on all of "
            f"127.0.0.0/8; on macOS add the address with `sudo ifconfig lo0 alias {host} up`, "
            "or pass hosts={...} to start_portals"
        )
    elif exc.errno == errno.EADDRINUSE:
        hint = f"port {port} is taken on {host}; choose another port, or 0 for a free one"
    else:
        hint = str(exc)
    return PortalStartError(
        f"cannot start sample portal {site.portal.id!r} on {host}:{port}: {hint}"
    )


def start_portals(port: int = 0, *, hosts: Mapping[str, str] | None = None) -> PortalSet:
    """Start every sample portal on its loopback address and return the running set.

    `port` 0 picks a free port (the same one on every address when it can); `hosts` moves
    portals to other loopback addresses, e.g. {"huyen-dien-bien": "127.0.0.12"}.
    """
    sites = build_sites(hosts=hosts)
    recorder = _RequestRecorder()
    attempts = _SAME_PORT_ATTEMPTS if port == 0 else 1
    for _ in range(attempts):
        servers: list[PortalServer] = []
        chosen = port
        try:
            for site in sites:
                server = _bind(site, chosen, recorder)
                servers.append(server)
                chosen = server.server_address[1]
        except OSError as exc:
            for server in servers:
                server.server_close()
            # With port 0 the first address chose a port another address already uses: retry.
            if port == 0 and servers and exc.errno == errno.EADDRINUSE:
                continue
            raise _start_error(site, chosen, exc) from None
        return PortalSet(sites, servers, recorder)
    # Extremely unlikely: give every portal its own free port instead.
    servers = []
    for site in sites:
        try:
            servers.append(_bind(site, 0, recorder))
        except OSError as exc:
            for server in servers:
                server.server_close()
            raise _start_error(site, 0, exc) from None
    return PortalSet(sites, servers, recorder)
