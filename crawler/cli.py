"""The `eduwatch` command line (also `python -m crawler`).

Every command reads one TOML config (`--config FILE`, default ./eduwatch.toml). Problems with
input end in one line on stderr naming the file/key/URL and what to do, and a non-zero exit:
2 for bad input (config, query, arguments), 1 for failures while working.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click

from crawler.config import Config, ConfigError, load_config

DEFAULT_CONFIG = "eduwatch.toml"
EXPORT_FIELDS = (
    "id", "title", "text", "published", "url", "urls", "source", "province", "district",
    "level", "content_hash", "first_seen",
)

STARTER_CONFIG = """\
# eduwatch configuration — see README.md, "Configuration reference".
[storage]
db = "data/eduwatch.db"

[crawl]
obey_robots = true
download_delay = 1.0        # seconds between requests to one portal
max_pages = 3000            # per source and crawl
interval = "6h"             # how often `eduwatch run` crawls each source

[classifier]
threshold = 0.5

[[sources]]
id = "dienbien-huyen"
name = "UBND huyện Điện Biên"
level = "district"          # province | district | department
province = "Điện Biên"
district = "Điện Biên"
urls = ["https://dienbien.dienbien.gov.vn/"]
"""


class UsageProblem(click.ClickException):
    """Bad input: exit code 2, one line."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class WorkProblem(click.ClickException):
    """A failure while working (storage, network): exit code 1, one line."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


@contextmanager
def problems() -> Iterator[None]:
    """Turn the project's exceptions into one-line CLI errors."""
    from db import errors

    try:
        yield
    except ConfigError as exc:
        raise UsageProblem(str(exc)) from None
    except (errors.QuerySyntaxError, errors.UnknownFilterError) as exc:
        raise UsageProblem(str(exc)) from None
    except errors.StorageError as exc:
        raise WorkProblem(str(exc)) from None


class Context:
    def __init__(self, config_path: Path, config_given: bool) -> None:
        self.config_path = config_path
        self.config_given = config_given
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            with problems():
                self._config = load_config(self.config_path)
        return self._config

    def store(self) -> Any:
        from db import open_db

        with problems():
            return open_db(self.config.db_path)


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_CONFIG, show_default=True, help="The TOML configuration file.",
)
@click.version_option(package_name="eduwatch")
@click.pass_context
def cli(ctx: click.Context, config_path: Path) -> None:
    """Watch Vietnamese government portals for education reports.

    \b
    Example:
      eduwatch init && eduwatch crawl && eduwatch search "tong ket nam hoc"
    """
    source = ctx.get_parameter_source("config_path")
    ctx.obj = Context(config_path, source is not click.core.ParameterSource.DEFAULT)


# ------------------------------------------------------------------ init
@cli.command()
@pass_ctx
def init(ctx: Context) -> None:
    """Create the database (and a starter config if there is none).

    Safe to re-run: migrations apply once, stored reports are kept.

    \b
    Example:
      eduwatch --config eduwatch.toml init
    """
    from crawler.runner import source_record

    if not ctx.config_path.exists():
        ctx.config_path.parent.mkdir(parents=True, exist_ok=True)
        ctx.config_path.write_text(STARTER_CONFIG, encoding="utf-8")
        click.echo(f"wrote a starter config to {ctx.config_path}; edit its [[sources]]")
    config = ctx.config
    store = ctx.store()
    with problems():
        store.sync_sources(source_record(s) for s in config.sources)
        count = store.count_reports()
        store.close()
    click.echo(f"database ready: {config.db_path} ({count} reports, {len(config.sources)} sources)")


# ------------------------------------------------------------------ crawl
@cli.command()
@click.option("--source", "source_ids", multiple=True, metavar="ID",
              help="Crawl only this source (repeatable). Default: every enabled source.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Print progress lines to stderr while crawling.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Summary format.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
@pass_ctx
def crawl(ctx: Context, source_ids: tuple[str, ...], progress: bool, fmt: str,
          verbose: bool) -> None:
    """Run one monitoring cycle: crawl, clean, classify, deduplicate, store.

    Ends with a summary per source: pages fetched, new reports, duplicates, non-reports,
    skipped by budget, errors.

    \b
    Example:
      eduwatch crawl --source dienbien-huyen
    """
    from crawler import progress as progress_module
    from crawler.runner import run_cycle, select_sources
    from crawler.summary import format_table

    config = ctx.config
    with problems():
        sources = select_sources(config, source_ids)
    if not sources:
        raise UsageProblem(f"{config.path}: sources: no enabled source to crawl; add [[sources]]")
    if progress:
        click.echo(f"crawling {len(sources)} source(s): {', '.join(s.id for s in sources)}",
                   err=True)
    progress_module.STREAM = sys.stderr
    with problems():
        summaries = run_cycle(config, [s.id for s in sources],
                              progress_interval=2.0 if progress else 0.0, verbose=verbose)
    if fmt == "json":
        click.echo(json.dumps([{"source": s.source_id, "status": s.status, **s.counts,
                                "cuts": dict(s.cuts)} for s in summaries], ensure_ascii=False))
    else:
        click.echo(format_table(summaries))
        for s in summaries:
            if s.cuts:
                cuts = ", ".join(f"{k} {v}" for k, v in s.cuts.items())
                click.echo(f"  {s.source_id} cut: {cuts}")
    from crawler.cli_monitor import end_of_cycle

    end_of_cycle(config, summaries)  # source health, then the alerts this cycle queued
    if any(s.status == "failed" for s in summaries):
        sys.exit(1)


# ------------------------------------------------------------------ export
def _report_filter(province: tuple[str, ...] = (), district: tuple[str, ...] = (),
                   source: tuple[str, ...] = (), level: tuple[str, ...] = (),
                   since: date | None = None, until: date | None = None) -> Any:
    from db import ReportFilter

    try:
        return ReportFilter(
            provinces=tuple(province), districts=tuple(district), sources=tuple(source),
            levels=tuple(level), since=since, until=until,
        )
    except ValueError as exc:  # since after until
        raise UsageProblem(str(exc)) from None


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    # A callback, not click.DateTime: a bad date is one line like every other bad filter value.
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(
            f"--{param.name} {value!r} is not a date; write YYYY-MM-DD, e.g. 2023-09-05"
        ) from None


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    # Places match without diacritics, case or "Tỉnh"/"Huyện"; values the database does not
    # hold (levels included) are refused by db/ in one line listing the known ones.
    options = [
        click.option("--province", multiple=True,
                     help="Only this province (repeatable; 'lai chau' = 'Tỉnh Lai Châu')."),
        click.option("--district", multiple=True, help="Only this district (repeatable)."),
        click.option("--source", multiple=True, help="Only this source id (repeatable)."),
        click.option("--level", multiple=True,
                     help="Only sources of this level: province, district or department "
                          "(repeatable)."),
        click.option("--since", metavar="YYYY-MM-DD", callback=_day,
                     help="Published on or after this day (else first seen)."),
        click.option("--until", metavar="YYYY-MM-DD", callback=_day,
                     help="Published on or before this day (else first seen)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _export_row(report: dict[str, Any]) -> dict[str, Any]:
    return {name: report.get(name) for name in EXPORT_FIELDS}


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(_export_row(row), ensure_ascii=False, default=_json_default) + "\n")
        count += 1
    return count


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    count = 0
    for row in rows:
        record = _export_row(row)
        record["urls"] = " ".join(record["urls"] or [])
        writer.writerow(record)
        count += 1
    return count


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of stdout (required for parquet).")
@filter_options
@pass_ctx
def export(ctx: Context, /, fmt: str, output: Path | None, **filters: Any) -> None:
    """Export reports (streamed: a large corpus is never loaded whole).

    Each row: id, title, text, published (YYYY-MM-DD or null), url, urls, source, province,
    district, level, content_hash, first_seen.

    \b
    Example:
      eduwatch export --format csv --province "Điện Biên" -o reports.csv
    """
    store = ctx.store()
    with problems():
        rows = store.iter_reports(_report_filter(**filters))
        if fmt == "parquet":
            if output is None:
                raise UsageProblem("export --format parquet needs --output FILE.parquet")
            from crawler.export_parquet import write_parquet

            count = write_parquet(rows, output, EXPORT_FIELDS)
        elif output is None:
            try:
                count = (write_jsonl if fmt == "jsonl" else write_csv)(rows, sys.stdout)
                sys.stdout.flush()
            except BrokenPipeError:
                # The reader stopped (`| head`): not an error. Point stdout at nothing so the
                # interpreter's final flush does not fail again.
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115
                count = 0
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8", newline="") as out:
                count = (write_jsonl if fmt == "jsonl" else write_csv)(rows, out)
        store.close()
    if output is not None:
        click.echo(f"wrote {count} reports to {output}", err=True)


# ------------------------------------------------------------------ search
SEARCH_FIELDS = (
    "id", "title", "published", "province", "district", "source", "url", "snippet", "score",
)


def _limit(ctx: click.Context, param: click.Parameter, value: int) -> int:
    from db.search import MAX_LIMIT

    if not 1 <= value <= MAX_LIMIT:
        raise UsageProblem(f"--limit {value}: choose from 1 to {MAX_LIMIT}")
    return value


@cli.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="table for people (fits the terminal); json, csv.")
@click.option("--limit", type=int, default=20, show_default=True, callback=_limit,
              help="At most this many reports (1-1000).")
@click.option("--order", type=click.Choice(["relevance", "newest"]), default="relevance",
              show_default=True, help="relevance: bm25, title words weigh most.")
@filter_options
@pass_ctx
def search(ctx: Context, /, query: str, fmt: str, limit: int, order: str, **filters: Any) -> None:
    """Full-text search; with or without diacritics, "phrases", AND/OR/NOT, prefix*.

    "tong ket nam hoc", "tổng kết năm học" and "Tổng Kết Năm Học" find the same reports;
    đ is d; "Uỷ"/"Ủy" and "hoà"/"hòa" match each other. Words must all occur unless joined by
    OR; NOT excludes the next term; truong* matches trường and trưởng. A bad query or filter
    value is explained in one line (exit 2).

    \b
    Example:
      eduwatch search "tong ket nam hoc" --province "Dien Bien" --since 2023-01-01
      eduwatch search '"chuẩn quốc gia" AND giáo*' --format json
      eduwatch search 'hoc sinh NOT "mam non"' --order newest --limit 5
    """
    from crawler.cli_query import HIT_MARKERS, hits_table, terminal_width

    report_filter = _report_filter(**filters)
    markers = HIT_MARKERS if fmt == "table" else ("[", "]")
    store = ctx.store()
    with problems():
        try:
            hits = store.search(query, report_filter, order=order, limit=limit, markers=markers)
        finally:
            store.close()
    if fmt == "table":
        if not hits:
            click.echo("no reports match", err=True)
            return
        color = sys.stdout.isatty()
        for line in hits_table(hits, terminal_width(), color=color):
            click.echo(line)
        return
    rows = [{name: getattr(hit, name) for name in SEARCH_FIELDS} for hit in hits]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=_json_default))
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=SEARCH_FIELDS)
    writer.writeheader()
    writer.writerows(rows)


# ------------------------------------------------------------------ show
@cli.command()
@click.argument("report_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@pass_ctx
def show(ctx: Context, report_id: int, fmt: str) -> None:
    """Show one report whole: text, every URL and source, classifier signals.

    \b
    Example:
      eduwatch show 12
    """
    store = ctx.store()
    with problems():
        report = store.get_report(report_id)
        store.close()
    if report is None:
        raise UsageProblem(f"no report with id {report_id}; find ids with `eduwatch search`")
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=_json_default))
        return
    click.echo(report["title"])
    click.echo("=" * min(len(report["title"]), 100))
    place = ", ".join(p for p in (report.get("district"), report.get("province")) if p)
    click.echo(f"published: {report.get('published') or 'unknown'}   place: {place}   "
               f"first seen: {report.get('first_seen')}")
    if report.get("byline"):
        click.echo(f"byline: {report['byline']}")
    click.echo(f"level: {report.get('level')}   platform: {report.get('platform') or 'generic'}")
    click.echo("seen at:")
    for seen in report.get("urls", []):
        source = seen.get("source_id")
        if seen.get("source_name"):
            source = f"{source}: {seen['source_name']}"
        click.echo(f"  {seen['url']}")
        click.echo(f"      {source}, first seen {seen.get('first_seen')}")
    score = report.get("score")
    click.echo(f"classifier: score {'-' if score is None else f'{score:.2f}'}; signals: "
               + "; ".join(report.get("signals") or []))
    click.echo(f"content hash: {report.get('content_hash')}")
    click.echo("")
    click.echo(report["text"])


# ------------------------------------------------------------------ sources
@cli.group()
def sources() -> None:
    """Inspect the configured sources."""


@sources.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@pass_ctx
def sources_list(ctx: Context, fmt: str) -> None:
    """List sources with their report counts and last crawl.

    \b
    Example:
      eduwatch sources list --format json
    """
    from crawler.runner import source_record

    config = ctx.config
    store = ctx.store()
    with problems():
        store.sync_sources(source_record(s) for s in config.sources)
        stored = {row["id"]: row for row in store.list_sources()}
        store.close()
    rows = []
    for s in config.sources:
        row = stored.get(s.id, {})
        rows.append({"id": s.id, "name": s.name, "level": s.level, "province": s.province,
                     "district": s.district, "urls": list(s.urls), "enabled": s.enabled,
                     "reports": row.get("reports", 0), "last_run_at": row.get("last_run_at"),
                     "last_ok_at": row.get("last_ok_at")})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        state = "" if row["enabled"] else "  (disabled)"
        click.echo(f"{row['id']}  [{row['level']}] {row['name']} — {row['reports']} reports,"
                   f" last crawl {row['last_ok_at'] or 'never'}{state}")
        for url in row["urls"]:
            click.echo(f"    {url}")


# ------------------------------------------------------------------ demo
@cli.command()
@click.option("--dir", "workdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("data/demo"), show_default=True,
              help="Where the demo writes its config and database (replaced each run).")
@click.option("--port", type=int, default=0, help="Port for the sample portals (0: any free).")
def demo(workdir: Path, port: int) -> None:
    """Crawl the bundled offline sample portals twice and show what was found.

    \b
    Example:
      eduwatch demo
    """
    from crawler.demo import run_demo

    sys.exit(run_demo(workdir, port=port))


import crawler.cli_monitor  # noqa: E402, F401  (registers `run` and `alerts` on the group above)
import crawler.cli_query  # noqa: E402, F401  (registers `stats` and `serve` on the group above)


def main() -> None:
    cli(prog_name="eduwatch")


if __name__ == "__main__":
    main()
