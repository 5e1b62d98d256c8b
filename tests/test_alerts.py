"""Alerts as users meet them: a real HTTP receiver and a real SMTP server on loopback, an Atom
file read by feedparser, a JSON-lines file; the outbox in a real SQLite file; an injected clock.

The guarantees: each new report is alerted once per matching channel, a syndicated copy found
later is not, no alert is lost (HTTP 500, connection refused, timeout, a killed process), and
known reports never alert again, also after `init` is re-run.
"""

from __future__ import annotations

import email
import email.policy
import json
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser
import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from crawler.alerts.config import Channel, channels_of
from crawler.alerts.cycle import finish_cycle, record_health, sync_channels
from crawler.alerts.delivery import RetryPolicy, deliver
from crawler.alerts.health import EMPTY, FAILED, OK, UNCHANGED, CycleVerdict, judge_cycle
from crawler.cli import cli
from crawler.config import Config, ConfigError, load_config
from crawler.runner import source_record
from db import ChannelFilter, Outbox, PageRecord, ReportRecord, Store, load_health, open_db

START = datetime(2024, 6, 1, 8, 0, tzinfo=UTC)
FAST = RetryPolicy(first_delay=60, max_delay=3600, max_attempts=4, jitter=0.2)


class Clock:
    """An injected clock that moves only when told to."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


# ----------------------------------------------------------------------------- receivers


class WebhookReceiver:
    """A real HTTP server on 127.0.0.1 that records POSTs; `mode` says how it answers:
    "ok" (200), "error" (500), "reject" (400), "slow" (answers after `delay` seconds).
    `down()` closes the port (connection refused); `up()` listens on it again."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.delay = 1.0
        self.received: list[dict[str, Any]] = []  # every request, answered or not
        self._lock = threading.Lock()
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.up()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def accepted(self) -> list[dict[str, Any]]:
        """Documents answered with 200, in arrival order."""
        with self._lock:
            return [r["body"] for r in self.received if r["status"] == 200]

    def up(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server hook name
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length).decode("utf-8"))
                mode = receiver.mode
                status = {"ok": 200, "error": 500, "reject": 400, "slow": 200}[mode]
                if mode == "slow":
                    time.sleep(receiver.delay)
                with receiver._lock:
                    receiver.received.append({"headers": dict(self.headers), "body": body,
                                              "status": status if mode != "slow" else 0})
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        server.daemon_threads = True
        server.block_on_close = False
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join(timeout=5)
            self._server = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MailReceiver:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 keeping every message it is given."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, email.message.EmailMessage)
        self.messages.append(message)
        return "250 OK"

    @property
    def url(self) -> str:
        return (f"mailto://127.0.0.1:{self.port}?from=eduwatch@example.org"
                "&to=giaovien@example.org")

    @staticmethod
    def text(message: email.message.EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain",))
        assert part is not None
        return str(part.get_content())

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    hook = WebhookReceiver()
    yield hook
    hook.down()


@pytest.fixture
def mail() -> Iterator[MailReceiver]:
    server = MailReceiver()
    yield server
    server.stop()


# ----------------------------------------------------------------------------- a world


SOURCES = """
[[sources]]
id = "phongtho"
name = "Phòng GD&ĐT Phong Thổ"
level = "district"
province = "Lai Châu"
district = "Phong Thổ"
urls = ["http://127.0.0.2:9/"]

[[sources]]
id = "dienbien"
name = "UBND tỉnh Điện Biên"
level = "province"
province = "Điện Biên"
urls = ["http://127.0.0.3:9/"]
"""


def write_config(tmp_path: Path, alerts: str, crawl: str = "") -> Config:
    path = tmp_path / "eduwatch.toml"
    path.write_text(f'[storage]\ndb = "eduwatch.db"\n{crawl}\n{SOURCES}\n{alerts}',
                    encoding="utf-8")
    return load_config(path)


class World:
    """A config, its database (a real file) and a clock: what one monitoring install has."""

    def __init__(self, tmp_path: Path, alerts: str, crawl: str = "") -> None:
        self.clock = Clock()
        self.config = write_config(tmp_path, alerts, crawl)
        self.store: Store = open_db(self.config.db_path, now=self.clock)
        self.store.sync_sources(source_record(s) for s in self.config.sources)
        sync_channels(self.store, self.config, self.clock)
        self.outbox = Outbox(self.store, now=self.clock)
        self._hashes = 0

    @property
    def channels(self) -> tuple[Channel, ...]:
        return channels_of(self.config)

    def save(self, title: str, text: str = "", source: str = "phongtho",
             content_hash: str | None = None, url: str | None = None) -> tuple[int, bool]:
        self._hashes += 1
        content_hash = content_hash or f"hash-{self._hashes}"
        found = self.config.source(source)
        url = url or f"{found.urls[0]}bai-{self._hashes}.html"
        text = text or (f"{title}. Sáng nay, ngành giáo dục tổ chức hội nghị với sự tham dự của "
                        "cán bộ quản lý các trường học trên địa bàn. " * 3)
        report = ReportRecord(
            content_hash=content_hash, title=title, text=text, published=date(2024, 5, 31),
            byline=None, platform="nukeviet", score=0.9, signals=("năm học",),
            source_id=found.id, province=found.province, district=found.district,
            level=found.level, url=url,
        )
        page = PageRecord(url=url, source_id=found.id, kind="article", status=200,
                          outcome="report", content_hash=content_hash)
        saved = self.store.save_report(page, report)
        return saved.report_id, saved.is_new

    def deliver(self, policy: RetryPolicy = FAST) -> Any:
        return deliver(self.store, self.channels, now=self.clock, policy=policy,
                       rng=random.Random(7))

    def statuses(self) -> list[tuple[str, int, str]]:
        return [(a["channel"], a["report_id"], a["status"])
                for a in reversed(self.outbox.alerts(limit=1000))]

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def make_world(tmp_path: Path) -> Iterator[Any]:
    worlds: list[World] = []

    def make(alerts: str, crawl: str = "") -> World:
        world = World(tmp_path, alerts, crawl)
        worlds.append(world)
        return world

    yield make
    for world in worlds:
        world.close()


def webhook(name: str, url: str, extra: str = "") -> str:
    return f'[[alerts]]\nname = "{name}"\ntype = "webhook"\nurl = "{url}"\ntimeout = 0.3\n{extra}\n'


TUYEN_SINH = "Hướng dẫn công tác tuyển sinh đầu cấp năm học 2024-2025"
TONG_KET = "Hội nghị tổng kết năm học 2023-2024"


# ----------------------------------------------------------------------------- config


@pytest.mark.parametrize(
    ("table", "key", "needle"),
    [
        ('name = "a"\ntype = "webhook"\nurl = "http://h/"\ncolour = "red"', "alerts[0].colour",
         "unknown key"),
        ('name = "a"\ntype = "sms"\nurl = "http://h/"', "alerts[0].type", "not one of"),
        ('name = "a"\ntype = "webhook"', "alerts[0].url", "missing"),
        ('name = "a"\ntype = "webhook"\nurl = "ftp://h/x"', "alerts[0].url", "http(s) URL"),
        ('name = "a"\ntype = "apprise"\nurl = "nosuchservice://x"', "alerts[0].url", "Apprise"),
        ('name = "a"\ntype = "webhook"\nurl = "http://h/"\ndigest = "yes"', "alerts[0].digest",
         "true or false"),
        ('name = "a"\ntype = "webhook"\nurl = "http://h/"\nsources = ["nope"]',
         "alerts[0].sources[0]", "no source with id 'nope'"),
        ('name = "a"\ntype = "webhook"\nurl = "http://h/"\nlevels = ["tinh"]',
         "alerts[0].levels[0]", "not one of"),
        ('name = "a"\ntype = "webhook"\nurl = "http://h/"\npath = "x.json"', "alerts[0].path",
         "does not apply to webhook"),
        ('name = "a"\ntype = "feed"\npath = "f.xml"\nmax_entries = 0', "alerts[0].max_entries",
         "1 to 10000"),
        ('name = "A B"\ntype = "jsonl"\npath = "a.jsonl"', "alerts[0].name", "lower-case"),
        ('name = "a"\ntype = "jsonl"\npath = "a.jsonl"\n[[alerts]]\nname = "a"\ntype = "jsonl"\n'
         'path = "b.jsonl"', "alerts[1].name", "duplicate"),
    ],
)
def test_a_bad_channel_is_refused_in_one_line_naming_file_and_key(
    tmp_path: Path, table: str, key: str, needle: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        write_config(tmp_path, f"[[alerts]]\n{table}\n")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 'eduwatch.toml'}: {key}: "), message
    assert needle in message


def test_every_channel_type_is_configured_with_paths_beside_the_config(tmp_path: Path) -> None:
    config = write_config(tmp_path, """
[[alerts]]
name = "hook"
type = "webhook"
url = "https://hooks.example.org/services/T0/B0/s3cr3t-token"
keywords = ["tuyển sinh"]
[[alerts]]
name = "mail"
type = "apprise"
url = "mailto://user:secret@mail.example.org?to=a@example.org"
digest = true
[[alerts]]
name = "feed"
type = "feed"
path = "public/eduwatch.xml"
max_entries = 20
[[alerts]]
name = "ops"
type = "jsonl"
path = "/var/tmp/ops.jsonl"
operator = true
reports = false
""")
    hook, mail, feed, ops = channels_of(config)
    assert hook.filters == ChannelFilter(keywords=("tuyển sinh",))
    assert hook.target == "https://hooks.example.org/…"  # logs and errors never show tokens
    assert mail.digest and mail.target == "mailto://mail.example.org"
    assert feed.path == tmp_path / "public" / "eduwatch.xml" and feed.max_entries == 20
    assert ops.path == Path("/var/tmp/ops.jsonl") and ops.operator and not ops.reports


# ----------------------------------------------------------------------------- filters


def report(title: str, text: str = "", **fields: Any) -> dict[str, Any]:
    return {"title": title, "text": text, "province": "Lai Châu", "level": "district",
            "source": "phongtho", "urls": [{"source_id": "phongtho"}], **fields}


@pytest.mark.parametrize(
    ("filters", "title", "wanted"),
    [
        (ChannelFilter(keywords=("tuyen sinh",)), TUYEN_SINH, True),
        (ChannelFilter(keywords=("TUYỂN SINH",)), TUYEN_SINH.lower(), True),
        (ChannelFilter(keywords=("tuyển sinh",)), TONG_KET, False),
        (ChannelFilter(keywords=("thi",)), "Thiết bị dạy học mới", False),  # a word, not a prefix
        (ChannelFilter(keywords=("chuẩn quốc gia", "tuyển sinh")), TUYEN_SINH, True),
        (ChannelFilter(provinces=("tinh lai chau",)), TONG_KET, True),
        (ChannelFilter(provinces=("Điện Biên",)), TONG_KET, False),
        (ChannelFilter(sources=("phongtho",)), TONG_KET, True),
        (ChannelFilter(levels=("province",)), TONG_KET, False),
        (ChannelFilter(keywords=("tuyen sinh",), provinces=("Điện Biên",)), TUYEN_SINH, False),
    ],
)
def test_channel_filters(filters: ChannelFilter, title: str, wanted: bool) -> None:
    assert filters.matches(report(title)) is wanted


def test_keywords_are_found_in_the_text_too() -> None:
    body = "Sở GD&ĐT công bố kế hoạch tuyen sinh vào lớp 10 (bản không dấu)."
    assert ChannelFilter(keywords=("tuyển sinh",)).matches(report("Thông báo", body))


# ----------------------------------------------------------------------------- the outbox


def test_a_new_report_queues_one_alert_per_matching_channel(make_world: Any) -> None:
    world = make_world(
        webhook("all", "http://127.0.0.1:9/a")
        + webhook("tuyensinh", "http://127.0.0.1:9/b", 'keywords = ["tuyen sinh"]')
        + webhook("dienbien", "http://127.0.0.1:9/c", 'provinces = ["Điện Biên"]')
        + webhook("ops", "http://127.0.0.1:9/d", "operator = true\nreports = false")
    )
    first, _ = world.save(TONG_KET)
    second, _ = world.save(TUYEN_SINH)
    third, _ = world.save(TUYEN_SINH + " tỉnh Điện Biên", source="dienbien")
    assert sorted(world.statuses()) == sorted([
        ("all", first, "pending"),
        ("all", second, "pending"), ("tuyensinh", second, "pending"),
        ("all", third, "pending"), ("tuyensinh", third, "pending"), ("dienbien", third, "pending"),
    ])
    alerts = world.outbox.alerts()
    assert len({a["idempotency_key"] for a in alerts}) == len(alerts)
    stored = world.store.get_report(first)
    assert all(a["created_at"] == stored["first_seen"] for a in alerts if a["report_id"] == first)


def test_a_report_whose_save_fails_leaves_no_alert(make_world: Any) -> None:
    world = make_world(webhook("all", "http://127.0.0.1:9/a"))

    def fail(store: Store, report_id: int, report: dict[str, Any]) -> None:
        raise RuntimeError("disk full")

    world.store.on_new_report.append(fail)
    with pytest.raises(RuntimeError, match="disk full"):
        world.save(TONG_KET)
    assert world.outbox.alerts() == []
    assert world.store.count_reports() == 0


def test_each_report_is_alerted_once_and_a_syndicated_copy_later_not_at_all(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(webhook("hook", receiver.url))
    report_id, _ = world.save(TONG_KET, content_hash="same-text")
    for _cycle in range(3):
        world.deliver()
        world.clock.advance(3600)
    # The same report, found a day later on another portal: a new URL for a known report.
    world.clock.advance(86400)
    copy_id, is_new = world.save(TONG_KET, source="dienbien", content_hash="same-text")
    assert (copy_id, is_new) == (report_id, False)
    world.deliver()
    assert [d["id"] for d in receiver.accepted()] == [report_id]
    assert world.statuses() == [("hook", report_id, "sent")]


def test_the_webhook_posts_the_report_with_an_idempotency_key(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(webhook("hook", receiver.url))
    report_id, _ = world.save(TUYEN_SINH)
    outcome = world.deliver()
    assert (outcome.sent, outcome.retrying, outcome.failed) == (1, 0, 0)
    (request,) = receiver.received
    body = request["body"]
    assert request["headers"]["Idempotency-Key"] == body["idempotency_key"]
    assert request["headers"]["Content-Type"].startswith("application/json")
    assert body["event"] == "report" and body["id"] == report_id
    assert body["title"] == TUYEN_SINH
    assert body["url"].startswith("http://127.0.0.2:9/") and body["urls"] == [body["url"]]
    assert (body["source"], body["province"], body["district"]) == (
        "phongtho", "Lai Châu", "Phong Thổ")
    assert body["published"] == "2024-05-31"
    assert body["snippet"].startswith(TUYEN_SINH)
    world.deliver()
    assert len(receiver.received) == 1


@pytest.mark.parametrize("failure", ["error", "refused", "slow"])
def test_no_alert_is_lost_when_the_receiver_fails_then_comes_back(
    make_world: Any, receiver: WebhookReceiver, failure: str
) -> None:
    world = make_world(webhook("hook", receiver.url))
    first, _ = world.save(TONG_KET)
    second, _ = world.save(TUYEN_SINH)
    if failure == "refused":
        receiver.down()
    else:
        receiver.mode = failure
    outcome = world.deliver()
    assert (outcome.sent, outcome.retrying) == (0, 2)
    waiting = world.outbox.alerts(status="pending")
    assert {a["report_id"] for a in waiting} == {first, second}
    errors = {"error": "HTTP 500", "refused": "cannot connect", "slow": "no answer within 0.3s"}
    assert errors[failure] in waiting[-1]["last_error"]
    assert waiting[-1]["attempts"] == 1  # the first alert was tried; the second waited with it
    retry_at = datetime.fromisoformat(waiting[-1]["next_attempt_at"])
    assert timedelta(seconds=48) <= retry_at - world.clock() <= timedelta(seconds=72)

    if failure == "refused":
        receiver.up()
    receiver.mode = "ok"
    world.clock.advance(30)  # not due yet: nothing is sent before its time
    assert world.deliver().sent == 0
    world.clock.advance(60)
    assert world.deliver().sent == 2
    assert [d["id"] for d in receiver.accepted()] == [first, second]
    assert {s for _, _, s in world.statuses()} == {"sent"}


def test_retries_back_off_exponentially_then_give_up_and_retry_sends(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(webhook("hook", receiver.url))
    report_id, _ = world.save(TONG_KET)
    receiver.mode = "error"
    waits = []
    for _attempt in range(FAST.max_attempts):
        world.deliver()
        (alert,) = world.outbox.alerts()
        if alert["status"] == "failed":
            break
        wait = datetime.fromisoformat(alert["next_attempt_at"]) - world.clock()
        waits.append(wait.total_seconds())
        world.clock.advance(wait.total_seconds())
    assert alert["status"] == "failed" and alert["attempts"] == FAST.max_attempts
    assert len(waits) == FAST.max_attempts - 1
    for attempt, wait in enumerate(waits, 1):
        base = min(FAST.max_delay, FAST.first_delay * 2 ** (attempt - 1))
        assert base * 0.8 <= wait <= base * 1.2
    assert len(receiver.received) == FAST.max_attempts

    receiver.mode = "ok"
    world.clock.advance(10 * 86400)
    assert world.deliver().sent == 0  # given up: only `alerts retry` sends it again
    assert world.outbox.requeue() == 1
    assert world.deliver().sent == 1
    assert [d["id"] for d in receiver.accepted()] == [report_id]


def test_a_refused_request_fails_at_once_without_blocking_the_others(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(webhook("hook", receiver.url))
    world.save(TONG_KET)
    world.save(TUYEN_SINH)
    receiver.mode = "reject"
    outcome = world.deliver()
    assert (outcome.sent, outcome.failed, outcome.retrying) == (0, 2, 0)
    assert "HTTP 400" in world.outbox.alerts(status="failed")[0]["last_error"]


def test_a_digest_channel_sends_one_message_per_cycle(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(webhook("digest", receiver.url, "digest = true"))
    ids = [world.save(title)[0] for title in (TONG_KET, TUYEN_SINH, "Khai giảng năm học mới")]
    world.deliver()
    world.clock.advance(6 * 3600)
    later, _ = world.save("Kỳ thi tốt nghiệp THPT năm 2024")
    world.deliver()
    first, second = receiver.accepted()
    assert first["event"] == "digest" and first["count"] == 3
    assert [a["id"] for a in first["alerts"]] == ids
    assert [a["id"] for a in second["alerts"]] == [later]


def test_apprise_mail_reaches_a_real_smtp_server_in_vietnamese(
    make_world: Any, mail: MailReceiver
) -> None:
    world = make_world(f'[[alerts]]\nname = "mail"\ntype = "apprise"\nurl = "{mail.url}"\n'
                       'keywords = ["tuyen sinh"]\n')
    world.save(TONG_KET)
    world.save(TUYEN_SINH)
    assert world.deliver().sent == 1
    (message,) = mail.messages
    assert message["Subject"] == f"Báo cáo mới: {TUYEN_SINH}"
    body = MailReceiver.text(message)
    assert "Nguồn: Phòng GD&ĐT Phong Thổ (Phong Thổ, Lai Châu)" in body
    assert "Ngày đăng: 31/05/2024" in body
    assert "Xem bài: http://127.0.0.2:9/" in body
    world.deliver()
    assert len(mail.messages) == 1


def test_an_unreachable_mail_server_keeps_the_alert_with_the_reason(make_world: Any) -> None:
    port = free_port()  # nothing listens there
    world = make_world(f'[[alerts]]\nname = "mail"\ntype = "apprise"\n'
                       f'url = "mailto://127.0.0.1:{port}?from=a@example.org&to=b@example.org"\n')
    world.save(TONG_KET)
    assert world.deliver().retrying == 1
    (alert,) = world.outbox.alerts(status="pending")
    assert alert["last_error"] and "127.0.0.1" in alert["last_error"]


def test_the_atom_feed_parses_and_shows_each_report_once_newest_first(
    make_world: Any, tmp_path: Path
) -> None:
    world = make_world('[[alerts]]\nname = "feed"\ntype = "feed"\npath = "out/feed.xml"\n'
                       'max_entries = 2\nurl = "https://example.org/feed.xml"\n')
    titles = [TONG_KET, TUYEN_SINH, "Khai giảng năm học mới"]
    for title in titles:
        world.save(title)
        world.clock.advance(60)
    world.deliver()
    feed_path = tmp_path / "out" / "feed.xml"
    parsed = feedparser.parse(feed_path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == [titles[2], titles[1]]
    entry = parsed.entries[0]
    assert entry.link.startswith("http://127.0.0.2:9/")
    assert entry.author == "Phòng GD&ĐT Phong Thổ"
    assert entry.published.startswith("2024-05-31")
    assert "Ngày đăng: 31/05/2024" in entry.content[0].value
    ids = [e.id for e in parsed.entries]
    world.outbox.requeue()  # as if the write had not been recorded: it is written again
    world.deliver()
    again = feedparser.parse(feed_path.read_bytes())
    assert [e.id for e in again.entries] == ids
    assert [p.name for p in feed_path.parent.iterdir()] == ["feed.xml"]  # no temporary left


def test_the_jsonl_file_holds_each_alert_once_even_when_sent_twice(
    make_world: Any, tmp_path: Path
) -> None:
    world = make_world('[[alerts]]\nname = "log"\ntype = "jsonl"\npath = "alerts.jsonl"\n')
    ids = [world.save(title)[0] for title in (TONG_KET, TUYEN_SINH)]
    world.deliver()
    world.outbox.requeue()  # a crash after writing, before recording: the batch comes again
    world.deliver()
    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ids


KILLED_AFTER_STORING = """
import os, signal, sys
from datetime import date
from crawler.alerts.cycle import sync_channels
from crawler.config import load_config
from crawler.runner import source_record
from db import PageRecord, ReportRecord, open_db

config = load_config(sys.argv[1])
store = open_db(config.db_path)
store.sync_sources(source_record(s) for s in config.sources)
sync_channels(store, config)
url = "http://127.0.0.2:9/tin-moi.html"
store.save_report(
    PageRecord(url=url, source_id="phongtho", kind="article", status=200, outcome="report",
               content_hash="killed"),
    ReportRecord(content_hash="killed", title="Báo cáo sơ kết học kỳ I", text="Nội dung " * 50,
                 published=date(2024, 1, 15), byline=None, platform=None, score=0.9,
                 signals=(), source_id="phongtho", province="Lai Châu", district="Phong Thổ",
                 level="district", url=url),
)
os.kill(os.getpid(), signal.SIGKILL)  # dies after storing, before any delivery
"""


def test_a_process_killed_between_storing_and_sending_sends_on_the_next_start(
    tmp_path: Path, receiver: WebhookReceiver
) -> None:
    config = write_config(tmp_path, webhook("hook", receiver.url))
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_STORING, str(config.path)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert receiver.received == []
    report = finish_cycle(config, [])  # the next process's delivery
    assert report.sent == 1
    (document,) = receiver.accepted()
    assert document["title"] == "Báo cáo sơ kết học kỳ I"


def test_known_reports_never_alert_again_also_after_init_is_rerun(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(webhook("hook", receiver.url))
    world.save(TONG_KET)
    world.save(TUYEN_SINH)
    world.deliver()
    world.store.close()
    for _ in range(2):
        result = CliRunner().invoke(cli, ["--config", str(world.config.path), "init"])
        assert result.exit_code == 0, result.output
    # A channel added later gets the reports found from then on, not the known ones.
    world.config = write_config(world.config.path.parent,
                                webhook("hook", receiver.url) + webhook("new", receiver.url))
    world.store = open_db(world.config.db_path, now=world.clock)
    world.outbox = Outbox(world.store, now=world.clock)
    sync_channels(world.store, world.config, world.clock)
    world.clock.advance(86400)
    assert world.deliver().sent == 0
    fresh, _ = world.save("Kỳ thi tốt nghiệp THPT năm 2024")
    world.deliver()
    assert [d["title"] for d in receiver.accepted()] == [
        TONG_KET, TUYEN_SINH, "Kỳ thi tốt nghiệp THPT năm 2024", "Kỳ thi tốt nghiệp THPT năm 2024"]
    assert sorted(c for c, r, _ in world.statuses() if r == fresh) == ["hook", "new"]


def test_a_channel_removed_from_the_config_queues_nothing_more(make_world: Any) -> None:
    world = make_world(webhook("a", "http://127.0.0.1:9/a") + webhook("b", "http://127.0.0.1:9/b"))
    world.outbox.sync_channels([channels_of(world.config)[0].record()])
    world.save(TONG_KET)
    assert [c for c, _, _ in world.statuses()] == ["a"]
    assert {c["name"]: c["enabled"] for c in world.outbox.channels()} == {"a": True, "b": False}
    world.outbox.sync_channels([])  # the last [[alerts]] deleted
    world.save(TUYEN_SINH)
    assert [c for c, _, _ in world.statuses()] == ["a"]
    assert not any(c["enabled"] for c in world.outbox.channels())


# ----------------------------------------------------------------------------- source health


@pytest.mark.parametrize(
    ("status", "counts", "cuts", "kind"),
    [
        ("ok", {"pages_fetched": 30, "new_reports": 2}, {}, OK),
        ("ok", {"pages_fetched": 12, "not_modified": 10}, {"known": 14}, OK),  # nothing new
        ("ok", {"pages_fetched": 0, "errors": 5}, {}, FAILED),  # portal down
        ("failed", {"pages_fetched": 4}, {}, FAILED),
        ("ok", {"pages_fetched": 6, "not_modified": 0}, {}, EMPTY),  # redesign: no article
        ("ok", {"pages_fetched": 3, "not_modified": 3}, {}, UNCHANGED),  # all 304
    ],
)
def test_a_cycle_is_judged_from_its_figures(
    status: str, counts: dict[str, int], cuts: dict[str, int], kind: str
) -> None:
    assert judge_cycle(status, counts, cuts).kind == kind


def test_a_failing_source_raises_one_operator_alert_and_one_recovery_notice(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(
        webhook("ops", receiver.url, "operator = true\nreports = false")
        + webhook("users", "http://127.0.0.1:9/users"),
        crawl="[crawl]\nalert_after_failures = 3",
    )
    down = CycleVerdict(FAILED, 0, "12 request(s) failed")
    events = []
    for _cycle in range(5):
        events += [n["event"] for n in record_health(world.store, world.config,
                                                     [("phongtho", down)], world.clock)]
        world.clock.advance(3600)
    assert events == ["source_down"]  # after the third failure, once
    assert load_health(world.store, "phongtho").state == "down"
    events += [n["event"] for n in record_health(world.store, world.config,
                                                 [("phongtho", CycleVerdict(OK, 20))], world.clock)]
    assert events == ["source_down", "source_recovered"]
    world.deliver()
    documents = receiver.accepted()
    assert [d["event"] for d in documents] == ["source_down", "source_recovered"]
    assert documents[0]["source"] == "phongtho" and documents[0]["cycles"] == 3
    assert documents[0]["detail"] == "12 request(s) failed"
    assert [c for c, _, _ in world.statuses()] == ["ops", "ops"]  # users hear nothing of it


def test_a_source_that_suddenly_yields_no_articles_alerts_but_a_new_one_does_not(
    make_world: Any,
) -> None:
    world = make_world(webhook("ops", "http://127.0.0.1:9/ops", "operator = true"),
                       crawl="[crawl]\nalert_after_failures = 2")
    empty = CycleVerdict(EMPTY, 0, "6 page(s) fetched, no article found on them")
    never = record_health(world.store, world.config, [("dienbien", empty)] * 4, world.clock)
    assert never == []  # never yielded articles: nothing stopped working
    record_health(world.store, world.config, [("phongtho", CycleVerdict(OK, 9))], world.clock)
    notices = record_health(world.store, world.config, [("phongtho", empty)] * 3, world.clock)
    assert [(n["event"], n["problem"]) for n in notices] == [("source_down", "empty")]


# ----------------------------------------------------------------------------- CLI


def test_alerts_list_retry_and_test_from_the_command_line(
    make_world: Any, receiver: WebhookReceiver
) -> None:
    world = make_world(webhook("hook", receiver.url))
    world.save(TONG_KET)
    receiver.mode = "error"
    world.deliver()
    config = str(world.config.path)
    runner = CliRunner()

    listed = runner.invoke(cli, ["--config", config, "alerts", "list", "--pending"])
    assert listed.exit_code == 0, listed.output
    assert TONG_KET in listed.output and "HTTP 500" in listed.output
    as_json = runner.invoke(cli, ["--config", config, "alerts", "list", "--format", "json"])
    (row,) = json.loads(as_json.stdout)
    assert (row["status"], row["attempts"], row["channel"]) == ("pending", 1, "hook")

    receiver.mode = "ok"
    retried = runner.invoke(cli, ["--config", config, "alerts", "retry"])
    assert retried.exit_code == 0, retried.output
    assert "alerts hook: 1 sent" in retried.output
    assert [d["title"] for d in receiver.accepted()] == [TONG_KET]

    tested = runner.invoke(cli, ["--config", config, "alerts", "test", "hook"])
    assert tested.exit_code == 0, tested.output
    assert receiver.accepted()[-1]["event"] == "test"
    unknown = runner.invoke(cli, ["--config", config, "alerts", "test", "nope"])
    assert unknown.exit_code == 2 and "no channel named 'nope' (known: hook)" in unknown.stderr
    receiver.down()
    failing = runner.invoke(cli, ["--config", config, "alerts", "test", "hook"])
    assert failing.exit_code == 1 and "cannot connect" in failing.stderr
