"""The web UI: Datasette over the eduwatch database, configured by the project (`eduwatch serve`).

    ds = make_datasette(Path("data/eduwatch.db"))   # read-only; the crawler may write meanwhile
    serve(ds, host="127.0.0.1", port=8001)

What it adds to a plain Datasette: readable titles and descriptions (metadata.py), search on the
reports table in the CLI's query language with the same diacritic folding, every original URL
of a report as links, a month facet (plugin.py, month_facet.py), internal tables hidden and a
canned query of the reports found in the last 7 days.
"""

from crawler.web.app import DATABASE_NAME, make_datasette, serve

__all__ = ["DATABASE_NAME", "make_datasette", "serve"]
