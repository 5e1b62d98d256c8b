"""Cleaners: pure functions from a fetched page's HTML to a clean, classified article.

Nothing here does I/O or imports Scrapy or SQLite. Entry points: `extract(html, url)`,
`classify(title, text, threshold)`,
`content_hash(text)`.
"""
