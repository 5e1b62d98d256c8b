"""The whole monitoring cycle: the real Scrapy engine against the sample portals on loopback.

One module-scoped set of portals and one database: cycle 1 (first crawl), cycle 2 (nothing
new: must be cheap), then a report is published and cycle 3 must find exactly it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cleaners.noise_markers import leaked_markers
from crawler.demo import DEMO_CRAWL
from crawler.sample_portals import PortalSet, start_portals
from db import open_db

pytestmark = pytest.mark.integration


def run_cli(config: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler", "--config", str(config), *args],
        capture_output=True, text=True, timeout=timeout, check=False,
    )


def crawl(config: Path) -> list[dict[str, Any]]:
    result = run_cli(config, "crawl", "--format", "json", "--no-progress")
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@dataclass
class World:
    portals: PortalSet
    config: Path
    db: Path
    cycle1: list[dict[str, Any]]
    requests1: list[Any]
    cycle2: list[dict[str, Any]]
    requests2: list[Any]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    workdir = tmp_path_factory.mktemp("crawl")
    with start_portals() as portals:
        config = portals.write_config(
            workdir / "eduwatch.toml", workdir / "eduwatch.db", crawl=DEMO_CRAWL
        )
        cycle1 = crawl(config)
        requests1 = list(portals.requests)
        portals.reset_requests()
        cycle2 = crawl(config)
        requests2 = list(portals.requests)
        portals.reset_requests()
        yield World(portals, config, workdir / "eduwatch.db", cycle1, requests1, cycle2, requests2)


def stored_reports(db: Path) -> list[dict[str, Any]]:
    store = open_db(db)
    try:
        return [store.get_report(r["id"]) for r in store.iter_reports()]
    finally:
        store.close()


def norm(title: str) -> str:
    return " ".join(title.split()).casefold()


def test_every_education_report_is_stored_once(world: World) -> None:
    expected = world.portals.manifest.expected_reports()
    reports = stored_reports(world.db)
    titles = [norm(r["title"]) for r in reports]
    assert len(titles) == len(set(titles)), "a report was stored twice"
    assert len(reports) == len(expected)
    # each expected report is there under one of the titles its copies carry
    for item in expected:
        candidates = {norm(t) for t in item.titles}
        assert candidates & set(titles), f"missing report {item.titles}"


def test_stored_reports_carry_no_page_noise(world: World) -> None:
    gold = {norm(t): e.normalized_text for e in world.portals.manifest.expected_reports()
            for t in e.titles}
    for report in stored_reports(world.db):
        assert leaked_markers(report["text"], gold.get(norm(report["title"]), "")) == [], (
            report["title"])
        assert len(report["text"]) > 300


def test_syndicated_report_lists_every_url_and_source(world: World) -> None:
    syndicated = [e for e in world.portals.manifest.expected_reports() if len(e.sources) > 1]
    assert syndicated, "the sample portals must syndicate a report"
    reports = stored_reports(world.db)
    for item in syndicated:
        candidates = {norm(t) for t in item.titles}
        report = next(r for r in reports if norm(r["title"]) in candidates)
        seen_sources = {u["source_id"] for u in report["urls"]}
        assert seen_sources == set(item.sources)
        assert len(report["urls"]) >= len(item.sources)


def test_non_education_news_is_remembered_but_not_stored(world: World) -> None:
    non_reports = sum(s["non_reports"] for s in world.cycle1)
    assert non_reports >= 3
    titles = {norm(r["title"]) for r in stored_reports(world.db)}
    for article in world.portals.manifest.non_education():
        assert norm(article.title) not in titles


def test_robots_and_offsite_are_respected(world: World) -> None:
    disallowed = world.portals.manifest.disallowed_paths()
    assert disallowed
    for request in world.requests1:
        assert not any(request.path.startswith(p) for p in disallowed), request
    assert sum(s["cuts"].get("offsite", 0) for s in world.cycle1) > 0


def test_traps_are_cut_not_crawled(world: World) -> None:
    cuts: dict[str, int] = {}
    for summary in world.cycle1:
        for reason, count in summary["cuts"].items():
            cuts[reason] = cuts.get(reason, 0) + count
    assert any(k.startswith("trap_") for k in cuts), cuts
    calendar_hits = [r for r in world.requests1 if "lich" in r.path or "date=" in r.path]
    assert len(calendar_hits) <= 2
    growing = [r for r in world.requests1 if r.path.count("/vi/") + r.path.count("/en/") > 2]
    assert growing == []


def test_second_cycle_is_cheap_and_refetches_no_article(world: World) -> None:
    assert sum(s["new_reports"] for s in world.cycle2) == 0
    assert len(world.requests2) * 2 < len(world.requests1), (
        len(world.requests2), len(world.requests1))
    # besides robots.txt, only each portal's start page (after its redirect, if any) is
    # fetched whole; every other refetch was conditional and answered 304
    fetched_whole = [r for r in world.requests2
                     if r.path != "/robots.txt" and r.status not in (301, 302, 304)]
    per_portal = {r.portal_id for r in fetched_whole}
    assert len(fetched_whole) == len(per_portal) <= len(world.portals.base_urls), fetched_whole
    article_paths = world.portals.manifest.article_paths()
    refetched = [r.path for r in world.requests2 if r.path in article_paths]
    assert refetched == []
    assert any(r.status == 304 for r in world.requests2)


def test_a_newly_published_report_is_found_by_the_next_cycle(world: World) -> None:
    held = world.portals.manifest.held_back()
    assert held
    article = held[0]
    world.portals.publish(article.portal, article.id)
    cycle3 = crawl(world.config)
    assert sum(s["new_reports"] for s in cycle3) == 1
    titles = {norm(r["title"]) for r in stored_reports(world.db)}
    assert norm(article.title) in titles


def test_cli_search_export_show_on_the_crawled_corpus(world: World, tmp_path: Path) -> None:
    found = run_cli(world.config, "search", "tong ket nam hoc", "--format", "json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits and all("năm học" in (h["title"] + h["snippet"]).lower() for h in hits)
    out = tmp_path / "reports.jsonl"
    exported = run_cli(world.config, "export", "--format", "jsonl", "--output", str(out))
    assert exported.returncode == 0, exported.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"id", "title", "text", "published", "url", "urls", "source", "province",
            "district", "content_hash"} <= set(rows[0])
    shown = run_cli(world.config, "show", str(rows[0]["id"]))
    assert shown.returncode == 0 and rows[0]["title"] in shown.stdout
