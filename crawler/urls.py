"""URL rules for the generic spider: one spelling per page, traps to skip, hints to prioritise.

Everything here is a pure function of the URL string: no Scrapy, no network, no page content.
The spider that crawls every portal from its homepage calls, for each link it finds:

- `canonicalize` to dedupe ("one spelling per page"): tracking and session noise removed;
- `is_same_site` to stay on the source's own host (or its www. twin);
- `trap_reason` to skip links that multiply without end or are not pages (calendars, growing
  paths, print/share views, search and sort variants, logins, files);
- `link_hint` and `page_number` to order the queue and bound paging depth;
- `url_shape` to key the per-shape budget (`crawl.max_per_shape` in the config).

The rules are generic, written against the URL conventions of the platforms Vietnamese portals
run on (NukeViet, Liferay, SharePoint, WordPress, Joomla, VHV, custom .edu.vn CMSs) but keyed on
structure (a date where a slug should be, a language code after a page) rather than on any one
site. The page itself has the last word: `link_hint` is a guess for ordering only.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, NamedTuple
from urllib.parse import parse_qsl, unquote, unquote_plus, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

LinkHint = Literal["article", "listing", "feed", "sitemap", "unknown"]

# Reasons `trap_reason` returns; the spider counts skipped links under these names.
REASON_NOT_HTTP = "not http"
REASON_INVALID = "invalid url"
REASON_FILE = "file"
REASON_LOGIN = "session/login"
REASON_PRINT = "print view"
REASON_SEARCH = "search"
REASON_SORT = "sort/view"
REASON_CALENDAR = "calendar"
REASON_GROWING = "growing path"
REASON_LANGUAGE = "other language"

MAX_URL_LENGTH = 500  # decoded characters; real article URLs stay far below
MAX_PATH_DEPTH = 12  # non-empty path segments

_WEB_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")

# --- canonicalize ---------------------------------------------------------------------------

# Servlet containers and PHP put the session in the path: "/a.jsp;jsessionid=0A1B?x=1".
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sessionid|sid)=[^/?#;]*", re.IGNORECASE)
# ASP.NET cookieless sessions: "/(S(lit3py55t21z5v55vlm25s55))/page.aspx", also "(X(1)S(…))".
_COOKIELESS_SEGMENT = re.compile(r"/\((?:[A-Za-z]\([^()/]*\))+\)(?=/|$)")
_TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "ttclid", "li_fat_id", "igshid", "zarsrc", "gidzl", "_ga", "_gl", "_hsenc", "_hsmi",
        "mkt_tok", "action_object_map", "action_type_map", "action_ref_map", "ref_src",
        "ref_url", "_openstat", "spm",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "mc_", "fb_", "pk_", "mtm_", "hsa_")
# "ref"/"src"/"source"/"from" are tracking only when the value names a channel; "src=12" or
# "from=2023-01-01" can be real parameters.
_CHANNEL_KEYS = frozenset({"ref", "src", "source", "from"})
_CHANNEL_VALUE = re.compile(
    r"^(?:[a-z]+[._-])*(?:facebook|fb|zalo|twitter|tw|google|gg|youtube|yt|tiktok|linkedin|"
    r"instagram|ig|messenger|telegram|viber|email|mail|newsletter|rss|feed|share|social|sns|"
    r"home|homepage|trangchu|trang-chu|sidebar|menu|footer|header|banner|related|widget|"
    r"notification|push|copylink|qr|qrcode)(?:[._-][a-z0-9]+)*$"
)
_SESSION_KEYS = frozenset(
    {"phpsessid", "jsessionid", "sessionid", "session_id", "sessid", "cfid", "cftoken",
     "oscsid", "zenid"}
)  # fmt: skip
# "sid" is also "section id" on some portals ("?sid=12"); only a token-like value is a session.
_SESSION_TOKEN = re.compile(r"^(?=.*[0-9])(?=.*[A-Za-z])[0-9A-Za-z_-]{16,}$")
# Liferay friendly URLs ("/-/asset_publisher/…") carry the listing they were clicked from, so one
# article gets a new spelling for every listing page that links to it.
_BACKLINK_KEYS = frozenset({"redirect", "inheritredirect", "backurl"})


# On a Liferay article view, portlet state parameters ("p_p_id", "_tinmoinhat_WAR_x_cur") belong
# to the sidebar portlets around the article: each sidebar page gives the article a new spelling.
# A Liferay web content view; the group is the article's URL title (or id), which names it
# under any page and any asset publisher instance.
_LIFERAY_ARTICLE = re.compile(
    r"/-/(?:view_content|asset_publisher/[^/]+/content)/([^/?#]*)", re.IGNORECASE
)
_PORTLET_STATE = re.compile(r"^(?:p_p_\w+|_\w+_(?:cur|delta|keywords|orderbycol|orderbytype))$")


_ESCAPED_AMPERSAND = re.compile(r"^(?:amp(?:;|%3b))+", re.IGNORECASE)


def _is_noise_param(
    key: str, value: str, friendly_liferay: bool, liferay_article: bool = False
) -> bool:
    key = key.lower()
    if liferay_article and _PORTLET_STATE.match(key):
        return True
    if key in _TRACKING_KEYS or key.startswith(_TRACKING_PREFIXES):
        return True
    if key in _CHANNEL_KEYS and (
        _CHANNEL_VALUE.match(value.lower()) or value.lower().startswith(("http:", "https:"))
    ):
        return True
    if key in _SESSION_KEYS or key.startswith("aspsessionid"):
        return True
    if key == "sid" and _SESSION_TOKEN.match(value):
        return True
    if key in _LANGUAGE_KEYS and _language_subtag(value) in _VIETNAMESE_SUBTAGS:
        # "?language=vi-VN" on a Vietnamese portal names the language it shows anyway: the
        # language switch on every page would otherwise give each page a second URL.
        return True
    return friendly_liferay and (key in _BACKLINK_KEYS or key.endswith(("_redirect", "_backurl")))


def canonicalize(url: str) -> str:
    """The one spelling of `url` used for deduplication; idempotent.

    Lower-case scheme and host, default port and fragment dropped, dot segments resolved,
    percent-encoding normalised, query sorted, tracking and session parameters removed. Only
    http(s) URLs are rewritten; other schemes, and URLs that cannot be parsed (bad port, broken
    IPv6 host), come back stripped of surrounding spaces: the spider canonicalizes every link
    it extracts and must not fail on one bad href; `trap_reason` names those "invalid url".
    """
    url = url.strip()
    scheme = _SCHEME.match(url)
    if not scheme or scheme.group(1).lower() not in _WEB_SCHEMES:
        return url
    try:
        return _canonicalize_web(url)
    except ValueError:
        return url


def _canonicalize_web(url: str) -> str:
    head, sep, tail = url.partition("?")
    if not sep:
        head, sep, tail = url.partition("#")
    head = _COOKIELESS_SEGMENT.sub("", _PATH_SESSION.sub("", head))
    parts = urlsplit(canonicalize_url(head + sep + tail, keep_blank_values=True))

    netloc = (parts.hostname or "").rstrip(".")
    if ":" in netloc:  # IPv6 literal: hostname drops the brackets
        netloc = f"[{netloc}]"
    port = parts.port
    if port is not None and port != _DEFAULT_PORTS[parts.scheme]:
        netloc += f":{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    if userinfo:
        netloc = f"{userinfo}@{netloc}"

    friendly_liferay = "/-/" in parts.path
    liferay_article = bool(_LIFERAY_ARTICLE.search(parts.path))
    kept = []
    repaired = False
    for pair in parts.query.split("&") if parts.query else ():
        if _ESCAPED_AMPERSAND.match(pair):
            # "amp;catid=3": a link written with "&amp;" and never decoded (Joomla's <base href>)
            pair, repaired = _ESCAPED_AMPERSAND.sub("", pair), True
        key, _, value = pair.partition("=")
        if not _is_noise_param(
            unquote_plus(key), unquote_plus(value), friendly_liferay, liferay_article
        ):
            kept.append(pair)
    if repaired:  # back in the order canonicalize_url gives, by key then value
        kept.sort(key=lambda pair: pair.partition("=")[::2])
    return urlunsplit((parts.scheme, netloc, parts.path, "&".join(kept), ""))


# --- shared parsing -------------------------------------------------------------------------


class _Url(NamedTuple):
    """A URL taken apart once for the rules below (decoded, lower-case)."""

    scheme: str
    netloc: str
    path: str
    segments: tuple[str, ...]  # non-empty path segments
    query: tuple[tuple[str, str], ...]  # (key, value), keys lower-case
    length: int  # decoded length of the canonical URL


_EXTENSION = re.compile(r"\.([a-z][a-z0-9]{0,4}|7z|3gp)$")


def _split_ext(segment: str) -> tuple[str, str]:
    """'abc-123.html' → ('abc-123', 'html'); a segment without a file extension → (segment, '')."""
    match = _EXTENSION.search(segment)
    if not match:
        return segment, ""
    return segment[: match.start()], match.group(1)


@lru_cache(maxsize=8192)
def _parse(url: str) -> _Url | None:
    """`url` canonicalized and split, or None when it cannot be parsed."""
    try:
        canonical = canonicalize(url)
        parts = urlsplit(canonical)
        _ = parts.hostname, parts.port  # raise ValueError for a broken host or port
    except ValueError:
        return None
    path = unquote(parts.path).lower()
    segments = tuple(s for s in path.split("/") if s)
    query = tuple(
        (key.lower(), value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
    )
    return _Url(
        scheme=parts.scheme.lower(),
        netloc=parts.netloc.lower(),
        path=path,
        segments=segments,
        query=query,
        length=len(unquote(canonical)),
    )


def _key_tail(key: str) -> str:
    """Namespaced keys ("_8_month", "_101_INSTANCE_x_cur", "from_date") → their last word."""
    return key.rstrip("_").rpartition("_")[2]


# --- url_shape ------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_PAGINATION_SEGMENT = re.compile(r"^(?:page|trang|pg|p)[-_]?\d+$")
_OPAQUE_ID = re.compile(r"^(?:[0-9a-f]{16,}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$")
_SLUG_SEPARATOR = re.compile(r"[-_+ ]")
_LONG_SLUG_WORDS = 4
_LONG_SLUG_CHARS = 30


def _segment_shape(segment: str) -> str:
    base, ext = _split_ext(segment)
    suffix = f".{ext}" if ext else ""
    if _PAGINATION_SEGMENT.match(base):
        return _DIGITS.sub("{n}", base) + suffix
    if _OPAQUE_ID.match(base):
        return "{id}" + suffix
    words = [w for w in _SLUG_SEPARATOR.split(base) if w]
    has_number = any(w.isdigit() for w in words)
    has_word = any(not w.isdigit() for w in words)
    if (
        len(words) > 1
        and has_word
        and (has_number or len(words) >= _LONG_SLUG_WORDS or len(base) >= _LONG_SLUG_CHARS)
    ):
        return "{slug}" + suffix
    return _DIGITS.sub("{n}", base) + suffix


def url_shape(url: str) -> str:
    """The URL's pattern for per-shape budgets: host, path with numbers and slugs masked, query
    keys without values.

    "/vi/news/giao-duc/abc-def-123.html" and "/vi/news/giao-duc/xyz-456.html" share a shape, so
    do "/lich-am/?date=2023-01-05" and "/lich-am/?date=1999-12-31".
    """
    parsed = _parse(url)
    if parsed is None or parsed.scheme not in _WEB_SCHEMES:
        scheme = _SCHEME.match(url.strip())
        return f"{scheme.group(1).lower()}:" if scheme else url.strip()
    shape = "/" + "/".join(_segment_shape(s) for s in parsed.segments)
    if parsed.segments and parsed.path.endswith("/"):
        shape += "/"
    keys = sorted({key for key, _ in parsed.query})
    return parsed.netloc + shape + ("?" + "&".join(keys) if keys else "")


# --- trap_reason ----------------------------------------------------------------------------

_FILE_EXTENSIONS = frozenset(
    {
        "pdf", "doc", "docx", "dot", "xls", "xlsx", "xlsm", "ppt", "pptx", "pps", "ppsx", "odt",
        "ods", "odp", "rtf", "csv", "txt", "zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz",
        "jpg", "jpeg", "png", "gif", "bmp", "webp", "svg", "ico", "tif", "tiff", "heic", "mp3",
        "mp4", "m4a", "m4v", "avi", "mov", "wmv", "flv", "mkv", "webm", "wav", "ogg", "3gp",
        "exe", "msi", "apk", "dmg", "iso", "css", "js", "json", "woff", "woff2", "ttf", "eot",
        "swf", "psd", "dwg",
    }
)  # fmt: skip
# A parameter that hands a file to a download script: "DownloadFile.aspx?file=quyet-dinh.pdf".
_FILE_VALUE = re.compile(r"\.(?:" + "|".join(sorted(_FILE_EXTENSIONS)) + r")$", re.IGNORECASE)

# Keys whose value names a module, action or view: "nv=users", "option=com_search", "op=print/…".
_ROUTE_KEYS = frozenset(
    {"nv", "op", "option", "task", "action", "act", "module", "mod", "view", "layout", "format",
     "mode", "type", "controller", "do", "cmd", "func", "p_p_id", "tmpl", "c", "a", "page"}
)  # fmt: skip
_LOGIN_SEGMENT = re.compile(
    r"^(?:log-?in|log-?out|log-?off|sign-?in|sign-?out|sign-?up|register|registration|"
    r"dang-?nhap|dang-?xuat|dang-?ky|users|user-?login|my-?account|admin|administrator|"
    r"wp-admin|wp-login|xmlrpc|captcha|comments?(?:-page-\d+)?|binh-?luan|statistics|"
    r"thong-?ke-?truy-?cap|authenticate|lost-?password|quen-?mat-?khau|"
    r"_layouts|_vti_bin|_login|_windows|_trust)$"
)
_LOGIN_KEYS = frozenset(
    {"replytocom", "returnurl", "return_url", "redirect_to", "redirect_uri", "captcha"}
)
_LOGIN_ROUTE = re.compile(
    r"(?:^|[./_])(?:log-?in|log-?out|sign-?in|sign-?out|sign-?up|register|captcha|"
    r"com_users?|users|statistics|comment|lostpassword)(?:$|[./_])"
)
_PRINT_SEGMENT = re.compile(
    r"^(?:print(?:er|able|view|preview|-preview|-version|-view|-friendly)?|in-?bai(?:-?viet)?|"
    r"in-?trang|in-?tin|sendmail|send-?mail|savefile|save-?file|mailto|share|sharer|"
    r"email-?this|send-?to-?friend|gui-?email|gui-?bai(?:-?viet)?)(?:[-_]\d+)?$"
)
_PRINT_KEYS = frozenset({"print", "printable", "printview", "isprint", "printmode", "inbai"})
_PRINT_ROUTE = re.compile(
    r"^(?:print|printer|printpreview|print-preview|sendmail|savefile|com_mailto|mailto)"
    r"(?:$|[/._-])"
)
_SEARCH_SEGMENT = re.compile(
    r"^(?:(?:oss)?search(?:[-_]?results?)?|tim-?kiem|ket-?qua-?tim-?kiem|seek)$"
)
_SEARCH_KEYS = frozenset(
    {"q", "query", "keyword", "keywords", "kw", "key", "tukhoa", "tu_khoa", "tu-khoa", "s",
     "search", "searchword", "searchphrase", "searchtext", "txtsearch", "txtkeyword"}
)  # fmt: skip
# A search key whose value is a path is a front controller's route: Drupal without clean URLs
# serves every page as "?q=node/12", "?q=tin-tuc/khai-giang".
_ROUTE_LIKE = re.compile(r"^[\w.-]+(?:/[\w.%-]+)+/?$")
_SEARCH_ROUTE = re.compile(r"^(?:seek|search|com_search|com_finder)(?:$|[/._-])")
_SORT_KEY = re.compile(r"^(?:sort|order|sorting|sapxep|sap_xep)(?:_?(?:by|order|dir|col|type))*$")
_VIEW_MODE_KEYS = frozenset(
    {"view", "viewmode", "view_mode", "display", "displaymode", "mode", "layout", "style"}
)
_VIEW_MODE_VALUES = frozenset(
    {"grid", "list", "table", "compact", "thumb", "thumbs", "thumbnail", "thumbnails", "card",
     "cards", "tile", "tiles", "gallery"}
)  # fmt: skip

_SEPARATED_DATE = r"(?:\d{4}[-/._]\d{1,2}(?:[-/._]\d{1,2})?|\d{1,2}[-/._]\d{1,2}[-/._]\d{2,4})"
_COMPACT_DATE = r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # 20230105
_FULL_DATE = re.compile(
    rf"^(?:{_SEPARATED_DATE}|{_COMPACT_DATE})(?:[t ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$",
    re.IGNORECASE,
)
# Seconds or milliseconds since 1970 in a date parameter (Liferay's calendar: "_date=17197…").
_EPOCH = re.compile(r"^1\d{9}(?:\d{3})?$")
# In a path an 8-digit number is more often an id than a date, so only separated dates count;
# ISO weeks ("2024-W18") are what week views of event calendars page by.
_PATH_DATE = re.compile(rf"^(?:{_SEPARATED_DATE}|(?:19|20)\d{{2}}-?w(?:0?[1-9]|[1-4]\d|5[0-3]))$")
_DAY = re.compile(r"^(?:0?[1-9]|[12]\d|3[01])$")
_MONTH = re.compile(r"^(?:0?[1-9]|1[0-2])$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_WEEK = re.compile(r"^(?:0?[1-9]|[1-4]\d|5[0-3])$")
_DAY_KEYS = frozenset({"date", "ngay", "day", "d", "dd"})
_MONTH_KEYS = frozenset({"month", "thang", "m", "mm"})
_YEAR_KEYS = frozenset({"year", "nam", "y", "yy", "yyyy"})
_WEEK_KEYS = frozenset({"week", "tuan", "w"})
# Range ends only count with a real date: "start=20" is Joomla's pagination offset.
_RANGE_KEYS = frozenset(
    {"from", "to", "fromdate", "todate", "datefrom", "dateto", "tungay", "denngay", "startdate",
     "enddate", "start", "end", "since", "until", "ngaybatdau", "ngayketthuc", "begin"}
)  # fmt: skip
_CALENDAR_SEGMENT = re.compile(
    r"^(?:lich|lich-?am|am-?lich|lich-?van-?nien|lich-?ngay|lich-?cong-?tac|calendar|events?-calendar|"
    r"ngay-?nay-?nam-?xua)$"
)
# A calendar word fused with its date: "lich-am-2023-01-05", "licham-ngay-5".
_DATED_CALENDAR_SEGMENT = re.compile(
    r"^(?:lich-?am|am-?lich|lich-?van-?nien|lich-?ngay|calendar|lich)[-_]?(?:ngay[-_]?)?\d"
)
# After a calendar segment: "/2023/01/05", "/2023-01-05", "/ngay-5-1-2023.html".
_DATE_SEGMENT = re.compile(rf"(?:^|\D){_SEPARATED_DATE}(?:\D|$)|^\d{{1,4}}$")
# "/2023/08/", "/2023/08/15/", "/2023/08/page/2/" end the path with no slug after them; not
# after "/ct/", where two numbers are a category and an article id.
_DATE_ARCHIVE = re.compile(
    r"(?<!/ct)/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?(?:/page/\d+)?/?$"
)

# The same page in another language ("?language=en-US", "?lang=en", "?culture=fr-FR"):
# Vietnamese reports are not published there.
_LANGUAGE_KEYS = frozenset({"lang", "language", "culture", "locale", "hl", "ln", "lg"})
_LANGUAGE_TAG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$")
_VIETNAMESE_SUBTAGS = frozenset({"vi", "vn", "vie"})
_LANGUAGE_SEGMENTS = frozenset(
    # "th" is left out: on school sites it is "tiểu học" (primary school), not Thai.
    # "de" and "es" too: "de" is "đề" (exam papers) as often as German.
    {"vi", "vn", "en", "fr", "zh", "cn", "lo", "km", "ko", "kr", "ja", "jp", "ru", "vi-vn",
     "en-us", "en-gb", "zh-cn", "zh-tw", "fr-fr"}
)  # fmt: skip
_OTHER_LANGUAGE_SEGMENTS = _LANGUAGE_SEGMENTS - {"vi", "vn", "vi-vn"}
# "index.php/vi/…" is a legitimate front controller path, so .php is not "page-like".
_PAGE_EXTENSIONS = frozenset({"html", "htm", "shtml", "xhtml", "aspx", "asp", "jsp", "jspx", "cfm"})
_MAX_SAME_SEGMENT = 2


def _calendar_part(key: str, value: str) -> str | None:
    """The date part ("day", "month", …) a query parameter selects, or None."""
    full = bool(_FULL_DATE.match(value) or _EPOCH.match(value))
    for name in (key, _key_tail(key)):
        if name in _DAY_KEYS and (full or _DAY.match(value)):
            return "full" if full else "day"
        if name in _MONTH_KEYS and (full or _MONTH.match(value)):
            return "full" if full else "month"
        if name in _YEAR_KEYS and _YEAR.match(value):
            return "year"
        if name in _WEEK_KEYS and _WEEK.match(value):
            return "week"
        if name in _RANGE_KEYS and full:
            return "full"
    return None


def _is_calendar(parsed: _Url) -> bool:
    parts: set[str] = set()
    for key, value in parsed.query:
        part = _calendar_part(key, value.strip().lower())
        if part is None:
            continue
        # A lone one-letter key ("?m=5") is too often a module or menu id to count by itself.
        if part == "full" or len(key) > 1:
            return True
        parts.add(part)
    if len(parts) > 1:
        return True
    if _DATE_ARCHIVE.search(parsed.path):
        return True
    bases = [_split_ext(s)[0] for s in parsed.segments]
    if bases and _PATH_DATE.match(bases[-1]):  # a bare date where a slug would be
        return True
    for i, base in enumerate(bases):
        if _DATED_CALENDAR_SEGMENT.match(base):
            return True
        if _CALENDAR_SEGMENT.match(base):
            dated_path = any(_DATE_SEGMENT.search(b) for b in bases[i + 1 :])
            dated_query = any(_FULL_DATE.match(v.strip()) for _, v in parsed.query)
            if dated_path or dated_query:
                return True
    return False


def _has_repeated_block(segments: tuple[str, ...]) -> bool:
    """A run of two or more segments immediately repeated: "/tin-tuc/gd/tin-tuc/gd/"."""
    n = len(segments)
    for size in range(2, n // 2 + 1):
        for start in range(n - 2 * size + 1):
            if segments[start : start + size] == segments[start + size : start + 2 * size]:
                return True
    return False


def _is_growing(parsed: _Url) -> bool:
    segments = parsed.segments
    if len(segments) > MAX_PATH_DEPTH or parsed.length > MAX_URL_LENGTH:
        return True
    counts: dict[str, int] = {}
    for segment in segments:
        counts[segment] = counts.get(segment, 0) + 1
        if counts[segment] > _MAX_SAME_SEGMENT:
            return True
    if _has_repeated_block(segments):
        return True
    after_page = False
    seen_language = False
    after_content = False  # a non-language segment after the first language segment
    seen_content = False  # any non-language segment so far
    run = 0
    for segment in segments:
        is_language = segment in _LANGUAGE_SEGMENTS
        if is_language:
            run += 1
            if seen_content:  # "/giao-duc-dao-tao/vi": a language code after content
                return True
            # Relative language-switch links resolved against an article or a section:
            # "….html/vi/en", "/vi/tin-tuc/en", "/tin-tuc/vi", and "/en/vi" (a switch applied
            # to a language root). Real sites put the language first, once.
            if after_page or after_content or run > 1:
                return True
            seen_language = True
            continue
        run = 0
        ext = _split_ext(segment)[1]
        seen_content = seen_content or ext != "php"  # "index.php/vi/…" is a front controller
        if ext in _PAGE_EXTENSIONS:
            if after_page:  # "/a.html/b.html": a page treated as a folder
                return True
            after_page = True
        after_content = after_content or seen_language
    return False


def _route_values(parsed: _Url) -> list[str]:
    return [value.lower() for key, value in parsed.query if key in _ROUTE_KEYS]


def trap_reason(url: str) -> str | None:
    """Why the spider must not follow `url` (one of the REASON_* strings), or None to follow it."""
    scheme = _SCHEME.match(url.strip())
    if scheme and scheme.group(1).lower() not in _WEB_SCHEMES:
        return REASON_NOT_HTTP
    parsed = _parse(url)
    if parsed is None:
        return REASON_INVALID
    segments = parsed.segments
    bases = [_split_ext(s)[0] for s in segments]
    routes = _route_values(parsed)
    keys = {key for key, _ in parsed.query}

    is_sitemap_archive = parsed.path.endswith(".xml.gz")
    if segments and not is_sitemap_archive and _split_ext(segments[-1])[1] in _FILE_EXTENSIONS:
        return REASON_FILE
    if any(_FILE_VALUE.search(value.strip()) for _, value in parsed.query):
        return REASON_FILE
    if (
        any(_LOGIN_SEGMENT.match(b) for b in bases)
        or keys & _LOGIN_KEYS
        or any("captcha" in key for key in keys)
        or any(_LOGIN_ROUTE.search(v) for v in routes)
    ):
        return REASON_LOGIN
    if (
        any(_PRINT_SEGMENT.match(b) for b in bases)
        or keys & _PRINT_KEYS
        or any(_PRINT_ROUTE.match(v) for v in routes)
        or any(_is_print_mode(key, value) for key, value in parsed.query)
    ):
        return REASON_PRINT
    searched = {
        key for key, value in parsed.query
        if key in _SEARCH_KEYS and not (key == "q" and _ROUTE_LIKE.match(value.strip()))
    }
    if (
        any(_SEARCH_SEGMENT.match(b) for b in bases)
        or searched
        or any(_SEARCH_ROUTE.match(v) for v in routes)
    ):
        return REASON_SEARCH
    for key, value in parsed.query:
        tail = _key_tail(key)
        if _SORT_KEY.match(key) or _SORT_KEY.match(tail):
            return REASON_SORT
        if (key in _VIEW_MODE_KEYS or tail in _VIEW_MODE_KEYS) and (
            value.lower() in _VIEW_MODE_VALUES
        ):
            return REASON_SORT
    if _is_calendar(parsed):
        return REASON_CALENDAR
    if _is_growing(parsed):
        return REASON_GROWING
    if _other_language(parsed):
        return REASON_LANGUAGE
    return None


def article_identity(url: str) -> str | None:
    """One key for the spellings of a URL that a platform serves the same article under, or
    None where the URL is the only name of its page (most URLs)."""
    parts = urlsplit(url)
    match = _LIFERAY_ARTICLE.search(parts.path)  # Liferay: any page, instance or language prefix
    if match and match.group(1):
        return f"{parts.netloc.lower()}/-/content/{match.group(1).lower()}"
    return None


# What a portal's homepage is called when it is not "/": "/trang-chu", "/index.php",
# "/Default.aspx", "/vi/", "/portal/home".
_HOME_SEGMENT = re.compile(
    r"^(?:index|default|home|homepage|trang-?chu|portal|main|web|guest|pages?)"
    r"(?:\.(?:html?|php|aspx?|jsp|cfm))?$"
)


def is_homepage(url: str) -> bool:
    """`url` is a site's homepage: its root, or a path made only of the names homepages go by
    (language codes included) with no query but a language choice. Never a report, whatever
    text its welcome box carries."""
    parsed = _parse(url)
    if parsed is None:
        return False
    if any(key not in _LANGUAGE_KEYS for key, _ in parsed.query):
        return False
    return all(
        _HOME_SEGMENT.match(segment) or segment in _LANGUAGE_SEGMENTS
        for segment in parsed.segments
    )


def _is_print_mode(key: str, value: str) -> bool:
    """"viewMode=print", Liferay's pop-up state ("p_p_state=pop_up"): the page as printed."""
    value = value.strip().lower()
    if key == "p_p_state":
        return value in ("pop_up", "exclusive")
    return value == "print" and (key in _VIEW_MODE_KEYS or _key_tail(key) in _VIEW_MODE_KEYS)


def _other_language(parsed: _Url) -> bool:
    """A path that starts with another language's code ("/en/…", Liferay's "/en/web/guest/…"),
    or a query parameter that selects another language than Vietnamese."""
    if parsed.segments and parsed.segments[0] in _OTHER_LANGUAGE_SEGMENTS:
        return True
    return any(
        (key in _LANGUAGE_KEYS or _key_tail(key) in _LANGUAGE_KEYS)
        and (subtag := _language_subtag(value)) is not None
        and subtag not in _VIETNAMESE_SUBTAGS
        for key, value in parsed.query
    )


def _language_subtag(value: str) -> str | None:
    """The primary language of a language tag ("en" of "en-US"), or None if `value` is none."""
    tag = _LANGUAGE_TAG.match(value.strip().lower())
    return tag.group(1) if tag else None


# --- page_number ----------------------------------------------------------------------------

_PAGE_SEGMENT = re.compile(r"^(?:page|trang|pg)[-_]?(\d+)$")
_PAGE_WORDS = frozenset({"page", "trang"})
_PAGE_KEYS = frozenset(
    {"page", "trang", "paged", "pg", "pageindex", "page_index", "pagenum", "page_num", "pageno",
     "page_no", "pagenumber", "currentpage", "cur", "cpage"}
)  # fmt: skip
_NUMBER = re.compile(r"^\d{1,9}$")
_SITE_ROOT_PATHS = frozenset({"/", "/index.php"})


def _page_in_segments(segments: Iterable[str]) -> int | None:
    previous = ""
    for segment in segments:
        base = _split_ext(segment)[0]
        match = _PAGE_SEGMENT.match(base)
        if match:
            return int(match.group(1))
        if previous in _PAGE_WORDS and _NUMBER.match(base):
            return int(base)
        previous = base
    return None


def page_number(url: str) -> int | None:
    """The pagination index a listing URL carries ("page-3", "?page=3", "/page/3/",
    "_101_cur=3", "?p=3" off the site root, "trang-3"), else None."""
    parsed = _parse(url)
    if parsed is None:
        return None
    found = _page_in_segments(parsed.segments)
    if found is not None:
        return found
    for key, value in parsed.query:
        value = value.strip()
        if key == "op":  # NukeViet without rewriting: "op=giao-duc/page-3"
            found = _page_in_segments(value.lower().split("/"))
            if found is not None:
                return found
        if not _NUMBER.match(value):
            continue
        if key in _PAGE_KEYS or key.endswith("_cur"):
            return int(value)
        # WordPress's "/?p=123" is a post id; elsewhere "p" pages a listing.
        if key == "p" and parsed.path not in _SITE_ROOT_PATHS:
            return int(value)
    return None


# --- link_hint ------------------------------------------------------------------------------

_SITEMAP_SEGMENT = re.compile(r"^[\w.-]*sitemap[\w.-]*\.xml(?:\.gz)?$")
_FEED_BASES = frozenset({"rss", "rss2", "feed", "atom"})
_FEED_EXTENSIONS = frozenset({"rss", "atom"})
_ARTICLE_PATH = (
    re.compile(r"/view_content/\d+"),  # Liferay: "/-/view_content/123-slug.html"
    re.compile(r"/asset_publisher/[^/]+/content/[^/]+"),  # Liferay asset publisher
    re.compile(r"/ct/\d+/\d+/?$"),  # .edu.vn CMSs: "/{slug}/ct/{catId}/{id}"
    # WordPress "/2023/08/slug/", "/2023/08/15/slug/"
    re.compile(
        r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?"
        r"/(?!page/)[^/]*[^\W\d][^/]*/?$"
    ),
    re.compile(
        r"/(?:chi-?tiet[\w-]*|details?|view|xem|posts?|bai-?viet|articles?|news-?detail|"
        r"noi-?dung|content)/\d+(?:[-/][^/]*)?/?$"
    ),
)
_ID_SLUG = re.compile(r"^\d+[-_]")  # Joomla, Liferay: "123-khai-giang-nam-hoc"
_SLUG_ID = re.compile(r"[-_.]\d+$")  # NukeViet, VHV: "khai-giang-nam-hoc-123"
_ARTICLE_ID_KEYS = frozenset(
    {"itemid", "newsid", "news_id", "articleid", "article_id", "postid", "post_id", "contentid",
     "content_id", "tinid", "idtin", "id_tin", "idbaiviet", "baivietid", "nid"}
)  # fmt: skip
_NEWS_PATH = re.compile(
    r"news|tin-?tuc|article|detail|chi-?tiet|bai-?viet|post|content|noi-?dung|view|xem|tin\b"
)
_LEADING_ID = re.compile(r"^\d+(?::|$)")  # Joomla "id=12:khai-giang"
_LISTING_PARENTS = frozenset(
    {"tag", "tags", "topic", "topics", "chu-de", "category", "categories", "chuyen-muc",
     "chuyenmuc", "danh-muc", "danhmuc", "groups", "nhom-tin", "archive", "archives"}
)  # fmt: skip
_LISTING_SEGMENTS = _LISTING_PARENTS | frozenset(
    {"news", "tin-tuc", "tintuc", "tin", "su-kien", "tin-tuc-su-kien", "thong-bao", "bai-viet",
     "blog", "van-ban", "tin-hoat-dong", "hoat-dong", "trang-chu", "home"}
)  # fmt: skip
_JOOMLA_LISTING_VIEWS = frozenset({"category", "categories", "featured", "archive", "section"})
# A leaf this many words long is an article title even without an id; section names
# ("hoat-dong-cua-nganh-giao-duc") stay shorter. One more word is asked of a leaf without a
# page extension.
_ARTICLE_SLUG_WORDS = 7


def _slug_words(base: str) -> list[str]:
    return [w for w in _SLUG_SEPARATOR.split(base) if w]


def _leaf_is_article(leaf: str, parent: str) -> bool:
    """An article-looking last segment: a slug with an id, or a long title slug."""
    if parent in _LISTING_PARENTS:
        return False
    base, ext = _split_ext(leaf)
    if _PAGINATION_SEGMENT.match(base) or ext in _FILE_EXTENSIONS:
        return False
    words = _slug_words(base)
    alpha = [w for w in words if not w.isdigit()]
    if not alpha:
        return False
    page_like = ext in _PAGE_EXTENSIONS or ext == "php"
    if _SLUG_ID.search(base) or _ID_SLUG.match(base):
        return page_like or len(alpha) >= 2
    return len(alpha) >= _ARTICLE_SLUG_WORDS + (0 if page_like else 1)


def _query_hint(parsed: _Url) -> LinkHint | None:
    query = dict(parsed.query)
    view = query.get("view", "").lower()
    if view == "article":
        return "article"
    if view in _JOOMLA_LISTING_VIEWS:
        return "listing"
    nv = query.get("nv", "").lower()
    if nv.startswith("sitemap"):
        return "sitemap"
    if query.get("feed") or query.get("format", "").lower() in {"feed", "rss", "atom"}:
        return "feed"
    if nv:  # NukeViet without rewriting: "nv=news&op=giao-duc/abc-123.html"
        op_segments = [s for s in query.get("op", "").lower().split("/") if s]
        if op_segments and _leaf_is_article(op_segments[-1], ""):
            return "article"
        return "listing"
    for key, value in parsed.query:
        if key in _ARTICLE_ID_KEYS and _NUMBER.match(value.strip()):
            return "article"
    if _NUMBER.match(query.get("p", "")) and parsed.path in _SITE_ROOT_PATHS:
        return "article"  # WordPress "/?p=123"
    if _LEADING_ID.match(query.get("id", "")) and _NEWS_PATH.search(parsed.path):
        return "article"
    return None


def link_hint(url: str) -> LinkHint:
    """A cheap guess from the URL alone of what the link leads to, for ordering the queue."""
    parsed = _parse(url)
    if parsed is None or parsed.scheme not in _WEB_SCHEMES:
        return "unknown"
    segments = parsed.segments
    leaf = segments[-1] if segments else ""
    base, ext = _split_ext(leaf)
    if _SITEMAP_SEGMENT.match(leaf):
        return "sitemap"
    if (
        any(s in _FEED_BASES or _split_ext(s)[0] in _FEED_BASES for s in segments)
        or ext in _FEED_EXTENSIONS
        or (base.startswith("rss") and ext == "xml")
    ):
        return "feed"
    from_query = _query_hint(parsed)
    if from_query is not None:
        return from_query
    if page_number(url) is not None:
        return "listing"
    if any(pattern.search(parsed.path) for pattern in _ARTICLE_PATH):
        return "article"
    if leaf and _leaf_is_article(leaf, segments[-2] if len(segments) > 1 else ""):
        return "article"
    if all(s in _LANGUAGE_SEGMENTS for s in segments):  # a homepage: "/", "/vi/"
        return "listing"
    if any(_split_ext(s)[0] in _LISTING_SEGMENTS for s in segments):
        return "listing"
    return "unknown"


# --- is_same_site ---------------------------------------------------------------------------


def _host_key(host: str) -> str:
    """A host name compared without case, trailing dot, IDN spelling or "www." prefix."""
    host = host.strip().lower().rstrip(".")
    with contextlib.suppress(UnicodeError):  # labels too long for IDNA: compare as written
        host = host.encode("idna").decode("ascii")
    return host.removeprefix("www.")


def is_same_site(url: str, hosts: Iterable[str]) -> bool:
    """True when `url` is on one of the source's hosts or its www./non-www twin, any port.

    Other subdomains are other sites: a province portal's districts are separate sources.
    """
    scheme = _SCHEME.match(url.strip())
    if not scheme or scheme.group(1).lower() not in _WEB_SCHEMES:
        return False
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return False
    if not host:
        return False
    key = _host_key(host)
    return any(_host_key(h) == key for h in hosts if h.strip())
