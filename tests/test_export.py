"""`eduwatch export`: every report out as JSON lines, CSV or Parquet, streamed, filters applied."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import crawler.export_parquet
from crawler.cli import EXPORT_FIELDS, cli, write_csv, write_jsonl
from db import PageRecord, ReportRecord, SourceRecord, open_db

SOURCES = (
    SourceRecord("laichau", "Cổng TTĐT tỉnh Lai Châu", "province", "Lai Châu"),
    SourceRecord("phongtho", "UBND huyện Phong Thổ", "district", "Lai Châu", "Phong Thổ"),
    SourceRecord("sgd-dienbien", "Sở GD&ĐT Điện Biên", "department", "Điện Biên"),
)
REPORT_COUNT = 30


def config_text(db_path: Path) -> str:
    lines = [f'[storage]\ndb = "{db_path}"\n']
    for source in SOURCES:
        lines.append(
            f'[[sources]]\nid = "{source.id}"\nname = "{source.name}"\nlevel = "{source.level}"\n'
            f'province = "{source.province}"\ndistrict = "{source.district}"\n'
            f'urls = ["http://127.0.0.2:9/{source.id}/"]\n'
        )
    return "\n".join(lines)


def report_text(number: int) -> str:
    # Quotes, commas and line breaks: what CSV must escape and JSON must keep.
    return (
        f'Ngày {number}/9/2023, Phòng Giáo dục và Đào tạo tổ chức "tổng kết năm học", '
        f"báo cáo số {number}.\n\nUỷ ban nhân dân biểu dương giáo viên, học sinh giỏi."
    )


@pytest.fixture
def config(tmp_path: Path) -> Iterator[Path]:
    db_path = tmp_path / "eduwatch.db"
    with open_db(db_path, now=lambda: datetime(2024, 3, 1, tzinfo=UTC)) as store:
        store.sync_sources(SOURCES)
        for number in range(1, REPORT_COUNT + 1):
            source = SOURCES[number % len(SOURCES)]
            url = f"http://127.0.0.2:9/{source.id}/bai-{number}.html"
            store.save_report(
                PageRecord(url, source.id, "article", 200, "report"),
                ReportRecord(
                    content_hash=f"hash-{number}", title=f"Tổng kết năm học, báo cáo {number}",
                    text=report_text(number),
                    published=date(2023, 9, number % 28 + 1) if number % 5 else None,
                    byline=None, platform="nukeviet", score=0.9, signals=("title",),
                    source_id=source.id, province=source.province, district=source.district,
                    level=source.level, url=url,
                ),
            )
    path = tmp_path / "eduwatch.toml"
    path.write_text(config_text(db_path), encoding="utf-8")
    yield path


def stored(config: Path) -> dict[int, dict[str, Any]]:
    store = open_db(config.parent / "eduwatch.db")
    try:
        return {r["id"]: r for r in store.iter_reports()}
    finally:
        store.close()


def export(config: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--config", str(config), "export", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_holds_every_report_whole(config: Path) -> None:
    code, out, err = export(config, "--format", "jsonl")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    reports = stored(config)
    assert len(rows) == len(reports) == REPORT_COUNT
    for row in rows:
        report = reports[row["id"]]
        assert list(row) == list(EXPORT_FIELDS)
        assert row["text"] == report["text"] and row["title"] == report["title"]
        assert row["urls"] == report["urls"] and row["published"] == report["published"]


def test_csv_round_trips_quotes_and_line_breaks(config: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "out" / "reports.csv"
    code, _, err = export(config, "--format", "csv", "--output", str(out_file))
    assert code == 0 and f"wrote {REPORT_COUNT} reports" in err
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    reports = stored(config)
    assert len(rows) == REPORT_COUNT
    for row in rows:
        report = reports[int(row["id"])]
        assert row["text"] == report["text"]
        assert row["urls"].split() == report["urls"]


def test_parquet_has_typed_columns_and_every_report(config: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "reports.parquet"
    code, _, err = export(config, "--format", "parquet", "--output", str(out_file))
    assert code == 0, err
    table = pq.read_table(out_file)
    assert table.column_names == list(EXPORT_FIELDS)
    assert table.num_rows == REPORT_COUNT
    reports = stored(config)
    for row in table.to_pylist():
        assert row["text"] == reports[row["id"]]["text"]
        assert row["urls"] == reports[row["id"]]["urls"]


def test_parquet_without_an_output_file_is_a_usage_error(config: Path) -> None:
    code, out, err = export(config, "--format", "parquet")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_filters_apply_to_the_export(config: Path) -> None:
    code, out, _ = export(config, "--province", "dien bien", "--since", "2023-09-10")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    expected = {
        r["id"] for r in stored(config).values()
        # the published day, else the day first seen
        if r["province"] == "Điện Biên" and (r["published"] or r["first_seen"][:10]) >= "2023-09-10"
    }
    assert {row["id"] for row in rows} == expected and expected
    code, _, err = export(config, "--level", "ward")
    assert code == 2 and "unknown level 'ward'" in err


class _CountingSource:
    """Rows handed out one at a time, counting how many were taken so far."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.taken = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.taken += 1
            yield row


class _RecordingOut(io.StringIO):
    def __init__(self, source: _CountingSource) -> None:
        super().__init__()
        self.source = source
        self.taken_at_writes: list[int] = []

    def write(self, text: str) -> int:
        self.taken_at_writes.append(self.source.taken)
        return super().write(text)


@pytest.mark.parametrize("writer", [write_jsonl, write_csv])
def test_text_exports_write_each_row_as_it_is_read(config: Path, writer: Any) -> None:
    store = open_db(config.parent / "eduwatch.db")
    try:
        source = _CountingSource(list(store.iter_reports()))
    finally:
        store.close()
    out = _RecordingOut(source)
    assert writer(iter(source), out) == REPORT_COUNT
    # Never more than one row read ahead of what is written: memory stays flat.
    row_writes = [taken for taken in out.taken_at_writes if taken > 0]
    assert row_writes[0] == 1
    assert max(b - a for a, b in zip(row_writes, row_writes[1:], strict=False)) <= 1


def test_parquet_is_written_in_row_groups(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crawler.export_parquet, "_BATCH", 7)
    out_file = tmp_path / "reports.parquet"
    assert export(config, "--format", "parquet", "-o", str(out_file))[0] == 0
    metadata = pq.ParquetFile(out_file).metadata
    assert metadata.num_rows == REPORT_COUNT
    assert metadata.num_row_groups == -(-REPORT_COUNT // 7)


def test_a_reader_that_stops_early_is_not_an_error(config: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler", "--config", str(config), "export"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0, err
    assert json.loads(first)["id"] and "Traceback" not in err
