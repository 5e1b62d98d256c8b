"""Storage: the one small API over the eduwatch SQLite database.

    store = open_db("data/eduwatch.db")          # or ":memory:", or an sqlite3.Connection
    store.save_report(page, report)              # deduplicated by content_hash
    store.search("tổng kết năm học", ReportFilter(provinces=("Lai Châu",)))

See db/store.py for the API, db/migrations.py for the schema, db/query_syntax.py for the
search language.
"""

from db.clock import utc_now
from db.errors import QuerySyntaxError, SchemaTooNewError, StorageError, UnknownFilterError
from db.migrations import SCHEMA_VERSION
from db.outbox import ALERT_STATUSES, CHANNEL_TYPES, ChannelFilter, ChannelRecord, Outbox
from db.records import (
    ARTICLE_OUTCOMES,
    LEVELS,
    OUTCOMES,
    PAGE_KINDS,
    RUN_COUNTS,
    RUN_STATUSES,
    PageRecord,
    PageState,
    ReportFilter,
    ReportRecord,
    SaveResult,
    SearchHit,
    SourceRecord,
)
from db.source_health import SourceHealth, all_health, load_health, save_health
from db.store import ReportHook, Store, open_db

__all__ = [
    "ALERT_STATUSES",
    "ARTICLE_OUTCOMES",
    "CHANNEL_TYPES",
    "LEVELS",
    "OUTCOMES",
    "PAGE_KINDS",
    "RUN_COUNTS",
    "RUN_STATUSES",
    "SCHEMA_VERSION",
    "ChannelFilter",
    "ChannelRecord",
    "Outbox",
    "PageRecord",
    "PageState",
    "QuerySyntaxError",
    "ReportFilter",
    "ReportHook",
    "ReportRecord",
    "SaveResult",
    "SchemaTooNewError",
    "SearchHit",
    "SourceHealth",
    "SourceRecord",
    "StorageError",
    "Store",
    "UnknownFilterError",
    "all_health",
    "load_health",
    "open_db",
    "save_health",
    "utc_now",
]
