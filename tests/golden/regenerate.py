"""Rewrite every tests/golden/<case>/expected.json from what `cleaners.extract` returns now.

The hand-written must_keep / must_drop lists are kept as they are. Review the diff of the
expected.json files like code before committing: each changed line is a change in what users
get from that page.

    .venv/bin/python tests/golden/regenerate.py            # all cases
    .venv/bin/python tests/golden/regenerate.py vhv        # cases whose name contains "vhv"
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))  # run as a script from anywhere in the checkout

from cleaners.extract import extract  # noqa: E402

CHECK_KEYS = ("must_keep", "must_drop")


def case_dirs() -> list[Path]:
    """Every golden case, by name."""
    return sorted(p.parent for p in HERE.glob("*/page.html.gz"))


def expected_for(case: Path) -> dict[str, Any]:
    """The fields a case's expected.json records, as extracted now."""
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    article = extract(gzip.decompress((case / "page.html.gz").read_bytes()), meta["url"])
    return {
        "kind": article.kind,
        "reason": article.reason,
        "platform": article.platform,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "date_source": article.date_source,
        "byline": article.byline,
        "text": article.text,
    }


def main(filters: list[str]) -> None:
    for case in case_dirs():
        if filters and not any(f in case.name for f in filters):
            continue
        path = case / "expected.json"
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        new = expected_for(case)
        new.update({key: old.get(key, []) for key in CHECK_KEYS})
        path.write_text(json.dumps(new, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        changed = sorted(k for k in new if old.get(k) != new[k] and k not in CHECK_KEYS)
        print(f"{case.name}: {', '.join(changed) if changed else 'unchanged'}")


if __name__ == "__main__":
    main(sys.argv[1:])
