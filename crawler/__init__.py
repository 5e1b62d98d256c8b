"""Crawler: Scrapy project (settings, the generic portal spider, pipelines, middlewares) and CLI."""
