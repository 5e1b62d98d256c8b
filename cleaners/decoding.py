"""Turning a fetched page's bytes into text, the way Vietnamese portals need it.

Order of evidence: a byte-order mark; bytes that are valid UTF-8 (a legacy page that declares
"iso-8859-1" or "windows-1252" but was saved by a UTF-8 editor is common, and valid multi-byte
UTF-8 is practically never an accident); the charset the page declares (`<meta charset>`,
`<meta http-equiv="Content-Type">`, an XML declaration) or the caller got from HTTP; then
windows-1258, the legacy Vietnamese code page, before giving up with replacement characters.

windows-1258 writes most tone marks as separate combining characters, and some pages are stored
decomposed (NFD). The page text is left as it is (composing a whole page costs more than
extracting it); what the cleaners compare is folded, and what they return is composed (NFC).
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declarations live in the head; 4 KiB is what browsers look at before giving up.
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:\-]+)""")
# Labels browsers map to another decoder (WHATWG Encoding Standard): pages that say latin-1 are
# decoded as windows-1252, and "x-user-defined"/"unicode" are not what they claim.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "unicode": "utf-8",
    "utf8": "utf-8",
    "x-user-defined": "cp1252",
    "windows-1258": "cp1258",
    "vn": "cp1258",
}
_LEGACY_VIETNAMESE = "cp1258"
# UTF-8 lead bytes of Vietnamese letters read as windows-1252: "Ã´" (ô), "Æ°" (ư), "Ä‘" (đ),
# "á»‡" (ệ), "áº¥" (ấ) — a lead character followed by a continuation-byte character.
_MOJIBAKE_LEADS = ("Ã", "Ä", "Æ", "á»", "áº")
_MOJIBAKE = re.compile(
    "(?:[ÃÄÆ]|á[º»])[\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]"
)


def declared_encoding(data: bytes) -> str | None:
    """The charset the page declares in its first bytes, normalised to a Python codec name."""
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    return codec_name(match.group(1).decode("ascii", "ignore"))


def codec_name(label: str | None) -> str | None:
    """A Python codec for a charset label ("UTF-8", "windows-1258", "latin1"), or None."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(data: bytes | str, http_encoding: str | None = None) -> str:
    """Page text from raw bytes (or `data` itself if already text).

    `http_encoding` is the charset from the Content-Type header, when the caller has one.
    """
    if isinstance(data, str):
        return repair_double_encoding(data)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, bom_encoding)
            if text is not None:
                return text
    text = _strict(data, "utf-8")
    if text is not None:
        return repair_double_encoding(text)
    for encoding in (declared_encoding(data), codec_name(http_encoding), _LEGACY_VIETNAMESE):
        if encoding and encoding != "utf-8":
            text = _strict(data, encoding)
            if text is not None:
                return text
    return data.decode("utf-8", errors="replace")


def repair_double_encoding(text: str) -> str:
    """Undo UTF-8 that was decoded as windows-1252 and saved again ("Thá»‘ng kÃª" → "Thống kê").

    Applied only when the tell-tale pairs are frequent and the round trip is lossless, so real
    text with the odd "Ã" is left alone.
    """
    sample = text[:20000]
    if not any(lead in sample for lead in _MOJIBAKE_LEADS):
        return text  # the common case, told without the regex
    if len(_MOJIBAKE.findall(sample)) < 8:
        return text
    try:
        return _as_windows_1252_bytes(text).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _as_windows_1252_bytes(text: str) -> bytes:
    # Browsers map the five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    # to the C1 controls of the same value, so those characters go back to their byte.
    out = bytearray()
    for ch in text:
        if ord(ch) <= 0x9F:  # ASCII, or a C1 control standing for an undefined byte
            out.append(ord(ch))
        else:
            out += ch.encode("cp1252")
    return bytes(out)
