"""The HTTP layer of a sample portal: one ThreadingHTTPServer per portal, standard library only.

What it adds around a template's replies, the same for every platform:
- strong ETags (a hash of the body) and Last-Modified on every 200 GET/HEAD, with correct 304
  answers to If-None-Match and, when that header is absent, If-Modified-Since;
- gzip when the client accepts it (the ETag then gets a "-gzip" suffix, Vary: Accept-Encoding);
- /robots.txt from the template;
- POST /__admin/publish?id=ARTICLE_ID (loopback clients only) so another process can publish;
- failure resources for tests: /__fail/status/503, /__fail/slow?ms=2000, /__fail/drop (close
  the connection without an answer), /__fail/partial (Content-Length larger than the body);
- a log entry per request, handed to the `on_request` callback.
"""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import json
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

from .messages import HTML, JSON, Reply, Request
from .site import Site, SiteView

MAX_BODY = 1 << 20  # POST bodies we read; larger ones are refused
MAX_SLOW_MS = 60_000
GZIP_MIN_BYTES = 1024
_COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/javascript")


class RequestLog(NamedTuple):
    """One request a portal answered."""

    portal_id: str
    method: str
    path: str  # the request target as sent: path and query
    status: int  # 0 when the connection was closed without an answer (/__fail/drop)
    headers: dict[str, str]  # the request's headers, names lower-cased


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _strip_etag(tag: str) -> str:
    tag = tag.strip()
    tag = tag.removeprefix("W/")
    return tag.strip('"').removesuffix("-gzip")


def etag_matches(header: str, etag: str) -> bool:
    """If-None-Match semantics: weak comparison, '*' matches anything."""
    if header.strip() == "*":
        return True
    wanted = _strip_etag(etag)
    return any(_strip_etag(candidate) == wanted for candidate in header.split(","))


def not_modified_since(header: str, last_modified: datetime) -> bool:
    """True when the resource has not changed since the If-Modified-Since date (1 s resolution)."""
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return int(last_modified.timestamp()) <= int(since.timestamp())


def accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "x-gzip", "*"):
            quality = params.strip().removeprefix("q=").strip()
            return quality == "" or _positive(quality)
    return False


def _positive(number: str) -> bool:
    try:
        return float(number) > 0
    except ValueError:
        return False


class PortalServer(ThreadingHTTPServer):
    """Serves one Site on one loopback address; handler threads are daemons."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(
        self,
        address: tuple[str, int],
        site: Site,
        on_request: Callable[[RequestLog], None],
    ) -> None:
        self.site = site
        self.on_request = on_request
        super().__init__(address, PortalHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up early (timeouts, cancelled crawls) are normal, not errors.
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class PortalHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as crawlers expect
    timeout = 30  # an idle keep-alive connection is closed after this many seconds
    server: PortalServer

    def version_string(self) -> str:
        return self.server.site.template.server_header

    def log_message(self, format: str, *args: object) -> None:
        pass  # requests go to PortalSet.requests, not stderr

    def do_GET(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    # ---- request --------------------------------------------------------------------------

    def _request(self) -> Request | None:
        parts = urlsplit(self.path)
        headers = {name.lower(): value for name, value in self.headers.items()}
        form: dict[str, str] = {}
        if self.command == "POST":
            raw_length = headers.get("content-length", "0") or "0"
            length = int(raw_length) if raw_length.isdigit() else MAX_BODY + 1
            if length > MAX_BODY:
                return None
            raw = self.rfile.read(length) if length else b""
            if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                form = dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
        query: dict[str, str] = {}
        for name, value in parse_qsl(parts.query, keep_blank_values=True):
            query.setdefault(name, value)
        return Request(
            method=self.command,
            path=unquote(parts.path) or "/",
            target=self.path,
            query=query,
            form=form,
            headers=headers,
        )

    def _serve(self) -> None:
        request = self._request()
        site = self.server.site
        if request is None:
            self.close_connection = True  # the unread body would be taken for the next request
            self._send(Reply(status=413, body="Request body too large", cacheable=False), None)
            return
        view = site.view()
        try:
            reply = self._dispatch(request, view)
        except Exception:  # a template bug must show as a 500, not a dead connection
            traceback.print_exc(file=sys.stderr)
            reply = Reply(status=500, body="<h1>500 Internal Server Error</h1>", cacheable=False)
        if reply is None:  # a failure resource already answered, or dropped the connection
            return
        self._send(reply, request, view)

    def _dispatch(self, request: Request, view: SiteView) -> Reply | None:
        path = request.path
        if path.startswith("/__fail/"):
            return self._failure(request)
        if path == "/__admin/publish":
            return self._admin_publish(request)
        if path == "/robots.txt":
            return self.server.site.template.robots(view)
        reply = self.server.site.template.handle(request, view)
        return reply or _not_found(view)

    # ---- special resources ----------------------------------------------------------------

    def _failure(self, request: Request) -> Reply | None:
        """A failure resource's reply, or None once it has answered (or not) by itself."""
        kind = request.path.removeprefix("/__fail/")
        if kind.startswith("status/"):
            code = kind.removeprefix("status/")
            if not code.isdigit() or not 200 <= int(code) <= 599:
                return Reply(status=400, body="status must be 200..599", cacheable=False)
            status = int(code)
            return Reply(status=status, body=f"<h1>{status}</h1>", cacheable=False)
        if kind == "slow":
            raw = request.query.get("ms", "1000")
            delay = min(int(raw), MAX_SLOW_MS) if raw.isdigit() else 1000
            time.sleep(delay / 1000)
            return Reply(
                body=f"<html><body><p>slow answer after {delay} ms</p></body></html>",
                cacheable=False,
            )
        if kind == "drop":
            self.close_connection = True
            self._log(request, 0)
            return None
        if kind == "partial":
            body = b"<html><body><p>" + b"partial " * 120
            self._log(request, 200)
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Length", str(len(body) * 4))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return None
        return Reply(status=404, body="unknown failure resource", cacheable=False)

    def _admin_publish(self, request: Request) -> Reply:
        if not ipaddress.ip_address(self.client_address[0]).is_loopback:
            return _json(403, {"error": "the admin endpoint answers loopback clients only"})
        if request.method != "POST":
            return Reply(
                status=405,
                body="use POST /__admin/publish?id=ARTICLE_ID",
                headers=(("Allow", "POST"),),
                cacheable=False,
            )
        article_id = request.query.get("id") or request.form.get("id", "")
        site = self.server.site
        try:
            entry, new = site.publish(article_id)
        except KeyError as exc:
            return _json(404, {"error": str(exc.args[0])})
        return _json(200, {"id": entry.id, "url": site.view().url(entry.path), "new": new})

    # ---- response -------------------------------------------------------------------------

    def _send(self, reply: Reply, request: Request | None, view: SiteView | None = None) -> None:
        template = self.server.site.template
        body = reply.body_bytes
        status = reply.status
        headers: list[tuple[str, str]] = [("Content-Type", reply.content_type)]
        headers += list(template.extra_headers)
        headers += list(reply.headers)
        method = request.method if request else "GET"
        compressible = reply.content_type.startswith(_COMPRESSIBLE)
        if compressible:
            headers.append(("Vary", "Accept-Encoding"))
        gzip_it = (
            request is not None
            and compressible
            and len(body) >= GZIP_MIN_BYTES
            and status == 200
            and accepts_gzip(request.headers.get("accept-encoding", ""))
        )
        if status == 200 and reply.cacheable and method in ("GET", "HEAD") and view is not None:
            digest = hashlib.sha1(body, usedforsecurity=False).hexdigest()[:20]
            etag = f'"{digest}-gzip"' if gzip_it else f'"{digest}"'
            modified = reply.modified or view.clock
            headers += [("ETag", etag), ("Last-Modified", http_date(modified))]
            assert request is not None
            if_none_match = request.headers.get("if-none-match")
            if_modified_since = request.headers.get("if-modified-since")
            if if_none_match is not None:
                unchanged = etag_matches(if_none_match, etag)
            else:
                unchanged = if_modified_since is not None and not_modified_since(
                    if_modified_since, modified
                )
            if unchanged:
                self._log(request, 304)
                self._write(304, [h for h in headers if h[0] != "Content-Type"], b"", head=True)
                return
        if gzip_it:
            body = gzip.compress(body, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        # Logged before answering: once a client has its answer, the log already shows it.
        if request is not None:
            self._log(request, status)
        self._write(status, headers, body, head=method == "HEAD")

    def _write(
        self, status: int, headers: list[tuple[str, str]], body: bytes, *, head: bool
    ) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and status != 304:
            self.wfile.write(body)

    def _log(self, request: Request, status: int) -> None:
        self.server.on_request(
            RequestLog(
                self.server.site.portal.id,
                request.method,
                request.target,
                status,
                dict(request.headers),
            )
        )


def _json(status: int, payload: dict[str, object]) -> Reply:
    return Reply(
        status=status,
        body=json.dumps(payload, ensure_ascii=False),
        content_type=JSON,
        cacheable=False,
    )


def _not_found(view: SiteView) -> Reply:
    body = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang'
        f"</title></head><body><h1>404 - Không tìm thấy trang</h1><p>Trang bạn yêu cầu không tồn "
        f'tại trên {view.portal.name}.</p><p><a href="/">Về trang chủ</a></p></body></html>'
    )
    return Reply(status=404, body=body, cacheable=False)
