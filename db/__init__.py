"""Storage: the one small API over the SQLite database. See db/store.py."""
