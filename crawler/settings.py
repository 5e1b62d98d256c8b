"""Scrapy settings for eduwatch. `crawler.runner.crawl_settings` overlays the [crawl] config.

Our own settings share the EDUWATCH_ prefix; their names are the constants below so that a typo
is an ImportError, not a silently ignored setting.
"""

BOT_NAME = "eduwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Names of our own settings.
DB_PATH = "EDUWATCH_DB_PATH"
CLASSIFIER_THRESHOLD = "EDUWATCH_CLASSIFIER_THRESHOLD"
MAX_PAGES = "EDUWATCH_MAX_PAGES"
MAX_DEPTH = "EDUWATCH_MAX_DEPTH"
MAX_PER_SHAPE = "EDUWATCH_MAX_PER_SHAPE"
MAX_LISTING_PAGES = "EDUWATCH_MAX_LISTING_PAGES"
PROGRESS_INTERVAL = "EDUWATCH_PROGRESS_INTERVAL"  # seconds between progress lines; 0 = off
EXTRACT_TIME_LIMIT = "EDUWATCH_EXTRACT_TIME_LIMIT"  # seconds one page's cleaning may take

EDUWATCH_DB_PATH = ""
EDUWATCH_CLASSIFIER_THRESHOLD = 0.5
EDUWATCH_MAX_PAGES = 3000
EDUWATCH_MAX_DEPTH = 8
EDUWATCH_MAX_PER_SHAPE = 300
EDUWATCH_MAX_LISTING_PAGES = 50
EDUWATCH_PROGRESS_INTERVAL = 0.0
EDUWATCH_EXTRACT_TIME_LIMIT = 60.0

USER_AGENT = "eduwatch/0.1 (education report monitor)"
ROBOTSTXT_OBEY = True
COOKIES_ENABLED = True  # ASP.NET postback listings need their session cookie
TELNETCONSOLE_ENABLED = False
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_DELAY = 0.25
RANDOMIZE_DOWNLOAD_DELAY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DEPTH_LIMIT = 0  # CrawlScopeMiddleware enforces EDUWATCH_MAX_DEPTH and counts the cuts
DEPTH_STATS_VERBOSE = False
# Breadth-first: hubs and listings are reached before deep article chains, so budgets cut the
# least useful pages first.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
LOG_LEVEL = "WARNING"
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.ConditionalRequestMiddleware": 560,
}
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.CrawlScopeMiddleware": 800,
}
ITEM_PIPELINES = {
    "crawler.pipelines.CleanPipeline": 300,
    "crawler.pipelines.StorePipeline": 800,
}
EXTENSIONS = {
    "crawler.progress.ProgressReporter": 500,
}
