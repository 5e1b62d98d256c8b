"""`eduwatch demo`: the main job, end to end, on the bundled offline sample portals.

Starts the sample portals on loopback addresses, writes a config for them, runs two monitoring
cycles (each `eduwatch crawl` in its own process, as `eduwatch run` does) and prints what was
found against what the portals hold: reports found / expected, noise strings left, and the
requests each cycle cost (counted by the portals themselves).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from cleaners.noise_markers import leaked_markers

# Loopback portals answer at once; the politeness delay for real portals would only slow the demo.
DEMO_CRAWL = {"download_delay": 0.0, "concurrency_per_host": 8}


def _norm(title: str) -> str:
    return " ".join(title.split()).casefold()


def _crawl(config_path: Path, out: TextIO) -> int:
    command = [sys.executable, "-m", "crawler", "--config", str(config_path), "crawl"]
    completed = subprocess.run(command, stdout=out, stderr=out, check=False)
    return completed.returncode


def run_demo(workdir: Path, *, port: int = 0, out: TextIO | None = None) -> int:
    from crawler.sample_portals import start_portals
    from db import open_db

    out = out or sys.stdout
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    with start_portals(port) as portals:
        config_path = portals.write_config(
            workdir / "eduwatch.toml", workdir / "eduwatch.db", crawl=DEMO_CRAWL
        )
        print("eduwatch demo: sample portals on loopback", file=out)
        for portal_id, url in portals.base_urls.items():
            print(f"  {portal_id:<22} {url}", file=out)
        print(f"config: {config_path}\n\n== cycle 1: first crawl", file=out, flush=True)
        if _crawl(config_path, out) != 0:
            print("demo failed: the first crawl did not finish", file=out)
            return 1
        requests_1 = len(portals.requests)
        portals.reset_requests()
        print("\n== cycle 2: incremental crawl (nothing new published)", file=out, flush=True)
        if _crawl(config_path, out) != 0:
            print("demo failed: the second crawl did not finish", file=out)
            return 1
        requests_2 = len(portals.requests)
        expected = portals.manifest.expected_reports()

    store = open_db(workdir / "eduwatch.db")
    try:
        reports = [report for r in store.iter_reports(order="newest")
                   if (report := store.get_report(r["id"])) is not None]
    finally:
        store.close()
    print(f"\n== reports stored: {len(reports)} (expected {len(expected)})", file=out)
    leaks = 0
    gold = {_norm(t): e.normalized_text for e in expected for t in e.titles}
    for report in reports:
        leaked = leaked_markers(report["text"], gold.get(_norm(report["title"]), ""))
        leaks += len(leaked)
        sources = ", ".join(sorted({u["source_id"] for u in report["urls"]}))
        print(f"  #{report['id']:<3} {report['published'] or '----------'}  "
              f"{report['title'][:80]}", file=out)
        print(f"        {len(report['urls'])} URL(s), seen on: {sources}", file=out)
    found_titles = {_norm(r["title"]) for r in reports}
    missing = sorted(e.title for e in expected if not {_norm(t) for t in e.titles} & found_titles)
    print(f"\nnoise strings found in stored reports: {leaks}", file=out)
    print(f"requests: cycle 1 = {requests_1}, cycle 2 = {requests_2}", file=out)
    for title in missing:
        print(f"  missing: {title}", file=out)
    print(
        f"\ntry:  eduwatch --config {config_path} search \"tong ket nam hoc\"\n"
        f"      eduwatch --config {config_path} show 1",
        file=out,
    )
    return 0 if not leaks and len(reports) == len(expected) and not missing else 1
