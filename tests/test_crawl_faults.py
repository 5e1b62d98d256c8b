"""Network faults are expected: a dead or failing portal is reported, never a crash, and what is
already stored stays stored."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.sample_portals import start_portals
from db import open_db

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_dead_and_failing_portals_are_reported_and_the_crawl_goes_on(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/"  # nothing listens there
    with start_portals() as portals:
        failing = portals.url("huyen-dien-bien", "/__fail/status/503")
        dropping = portals.url("tinh-dien-bien", "/__fail/drop")
        healthy = portals.url("pgd-phong-tho", "/")
        config = tmp_path / "eduwatch.toml"
        config.write_text(
            f"""
[storage]
db = "eduwatch.db"
[crawl]
download_delay = 0
timeout = 5
retries = 1
[[sources]]
id = "dead"
name = "Dead portal"
level = "district"
urls = ["{dead}"]
[[sources]]
id = "failing"
name = "Failing portal"
level = "district"
urls = ["{failing}"]
[[sources]]
id = "dropping"
name = "Dropping portal"
level = "province"
urls = ["{dropping}"]
[[sources]]
id = "healthy"
name = "Healthy portal"
level = "department"
urls = ["{healthy}"]
""",
            encoding="utf-8",
        )
        result = subprocess.run(
            [sys.executable, "-m", "crawler", "--config", str(config), "crawl",
             "--format", "json", "--no-progress"],
            capture_output=True, text=True, timeout=240, check=False,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    summary = {row["source"]: row for row in json.loads(result.stdout)}
    for source in ("dead", "failing", "dropping"):
        assert summary[source]["errors"] >= 1, summary[source]
    assert summary["dead"]["new_reports"] == 0 and summary["dead"]["pages_fetched"] == 0
    # a failing start page does not hide the portal's robots.txt sitemaps: discovery goes on
    assert summary["healthy"]["new_reports"] >= 1
    store = open_db(tmp_path / "eduwatch.db")
    try:
        failed = store.page_state(failing)
        assert failed is not None and failed.outcome == "error" and failed.status == 503
        assert store.count_reports() == sum(row["new_reports"] for row in summary.values())
    finally:
        store.close()
