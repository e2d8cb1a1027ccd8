"""Bytes -> str: encoding detection and binary refusal."""

from __future__ import annotations

import codecs
import json
import re

from charset_normalizer import from_bytes

from ..errors import InputError

# How much of the input is sniffed for NUL bytes and control characters.
SNIFF_BYTES = 8192
# Share of control characters above which a decoded text is taken for binary junk.
MAX_CONTROL_SHARE = 0.05

# Candidates whose "chaos" (charset-normalizer's mess ratio) is within this of the
# cleanest are taken as equally good; then PREFERRED_ON_TIE decides.
CHAOS_TIE = 0.005
PREFERRED_ON_TIE = ("cp1252",)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
# Codecs that are not character encodings of a web page; a page declaring one is decoded as if it
# declared nothing ("undefined" raises on any input, "punycode" turns any bytes into noise).
NOT_PAGE_ENCODINGS = frozenset({"undefined", "punycode", "idna", "raw-unicode-escape", "unicode-escape", "utf-7"})
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(content: bytes, html: bool = False) -> str:
    """Text from bytes: BOM, then a declared HTML charset, then strict UTF-8, then detection."""
    if not content.strip():
        raise InputError("empty file")
    for bom, encoding in BOMS:
        if content.startswith(bom):
            return _checked(content.decode(encoding, errors="replace"))
    if b"\x00" in content[:SNIFF_BYTES]:
        encoding = utf16_without_bom(content[:SNIFF_BYTES])
        if encoding is None:
            raise InputError("binary file (NUL bytes), not text or HTML")
        return _checked(content.decode(encoding, errors="replace"))
    if html:
        declared = declared_encoding(content)
        if declared:
            try:
                return _checked(content.decode(declared, errors="strict"))
            except (UnicodeError, ValueError):
                pass  # a wrong declaration is common: fall through to detection
    try:
        return _checked(content.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(content[: 4 * SNIFF_BYTES])
    if encoding is None:
        raise InputError("cannot detect the character encoding (binary or corrupt file?)")
    return _checked(content.decode(encoding, errors="replace"))


# UTF-16 without a byte order mark: text in Latin script has a NUL in nearly every other byte
# (the high byte of each character) and almost none in the others; binary files have NULs anywhere.
UTF16_NUL_SHARE = 0.9
UTF16_STRAY_NUL_SHARE = 0.01


def utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when ``sample`` looks like UTF-16 text written without a BOM."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for highs, lows, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if highs.count(0) >= UTF16_NUL_SHARE * len(highs) and lows.count(0) <= UTF16_STRAY_NUL_SHARE * len(lows):
            return encoding
    return None


def declared_encoding(content: bytes) -> str | None:
    """The text encoding an HTML page's <meta charset> names, if Python knows it as one."""
    declared = META_CHARSET.search(content[:SNIFF_BYTES])
    if not declared:
        return None
    try:
        info = codecs.lookup(declared.group(1).decode("ascii"))
    except LookupError:
        return None
    if info.name in NOT_PAGE_ENCODINGS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def detect_encoding(sample: bytes) -> str | None:
    """charset-normalizer's pick; among equally clean candidates, the web's usual legacy encodings first.

    Short Western texts decode without "chaos" under cp1252, cp1250, cp1257...
    alike, and charset-normalizer's order among them is arbitrary ("Señora"
    became "Seńora"). Browsers fall back to windows-1252; so do we on a tie.
    """
    matches = list(from_bytes(sample))
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    tied = {match.encoding for match in matches if match.chaos <= cleanest + CHAOS_TIE}
    for encoding in PREFERRED_ON_TIE:
        if encoding in tied:
            return encoding
    return matches[0].encoding


def _checked(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    if sample and len(CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise InputError("binary file (control characters), not text or HTML")
    return text


def sniff(content: bytes) -> str:
    """'html', 'jsonl' or 'text' from the first bytes of an input of unknown type."""
    head = content[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith(b"{"):
        first_line = content.lstrip().split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except RecursionError:
            return "jsonl"  # JSON too deep to parse: the JSONL reader names the limit
        except ValueError:
            pass
    return "text"
