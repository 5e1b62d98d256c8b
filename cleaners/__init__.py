"""Cleaners: pure functions from a fetched page's HTML to a clean, classified article.

Nothing here does I/O or imports Scrapy or SQLite. Entry points: `extract(html, url)`,
`classify(article)`, `content_hash(article)`.
"""
