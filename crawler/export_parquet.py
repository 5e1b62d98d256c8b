"""Parquet export with pyarrow, written in row groups so memory stays flat on a large corpus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

_BATCH = 5000
_TYPES = {"id": pa.int64(), "urls": pa.list_(pa.string())}


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, fields: Sequence[str]) -> int:
    schema = pa.schema([(name, _TYPES.get(name, pa.string())) for name in fields])
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    iterator = iter(rows)
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(islice(iterator, _BATCH)):
            columns = {
                name: [
                    r.get(name) if name in _TYPES or r.get(name) is None else str(r.get(name))
                    for r in batch
                ]
                for name in fields
            }
            writer.write_table(pa.table(columns, schema=schema))
            count += len(batch)
    return count
