"""The Python side of the record: enums, dataclasses, and their building
from the C structs (read field by field through ctypes; no JSON involved).
"""
from __future__ import annotations

import datetime as _dt
import enum
import json
import sys
from dataclasses import dataclass, field
from typing import List, Optional, Tuple, Union

from . import _ffi

# slots=True (Python >= 3.10) makes the records smaller and quicker to build.
_DC = {"slots": True} if sys.version_info >= (3, 10) else {}

SCHEMA_VERSION = 1  # NEWSMETA_SCHEMA_VERSION, the "schema_version" of to_dict()


class Status(enum.IntEnum):
    """newsmeta_status."""
    OK = 0
    INVALID_ARGUMENT = 1
    EMPTY_INPUT = 2
    NOT_ARTICLE = 3
    ENCODING = 4
    TOO_LARGE = 5
    NOMEM = 6
    BINARY = 7
    PARSE = 8
    INTERNAL = 9
    IO = 10
    DAMAGED = 11


class Precision(enum.IntEnum):
    """newsmeta_precision; ordered, so ``ts.precision >= Precision.HOUR`` works.
    ``label`` is the name used in JSON ("second", ...)."""
    NONE = 0
    YEAR = 1
    MONTH = 2
    DAY = 3
    HOUR = 4
    MINUTE = 5
    SECOND = 6

    @property
    def label(self) -> str:
        return self.name.lower()


class Source(str, enum.Enum):
    """newsmeta_source; the value is the name used in JSON, and members
    compare equal to it (``src == "json-ld"``)."""
    NONE = "none"
    JSONLD = "json-ld"
    META = "meta"
    MICRODATA = "microdata"
    MARKUP = "markup"
    TEXT = "text"
    URL = "url"
    OPTION = "option"

    def __str__(self) -> str:
        return self.value


class ParagraphKind(str, enum.Enum):
    """newsmeta_paragraph_kind; the value is the name used in JSON."""
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list-item"
    PREFORMATTED = "preformatted"

    def __str__(self) -> str:
        return self.value


class LinkKind(str, enum.Enum):
    """newsmeta_link_kind; the value is the name used in JSON."""
    BODY = "body"
    RELATED = "related"

    def __str__(self) -> str:
        return self.value


# C enum value -> member, by position (the C values are 0, 1, 2, ...).
_STATUS = tuple(Status)
_PRECISION = tuple(Precision)
_SOURCE = tuple(Source)
_PKIND = tuple(ParagraphKind)
_LKIND = tuple(LinkKind)


def _member(table, value, default):
    # A newer library may append enum values this binding does not know.
    return table[value] if 0 <= value < len(table) else default


class Error(Exception):
    """A parse (or serialization) failed. ``status`` is a :class:`Status`
    (or the bare int for a code this binding does not know), ``message`` the
    library's one-line explanation (newsmeta_error), ``reason`` the short
    description of the status (newsmeta_strerror)."""

    def __init__(self, status, message: str):
        try:
            status = Status(status)
        except ValueError:
            status = int(status)
        self.status = status
        self.message = message
        super().__init__(status, message)

    def __str__(self) -> str:
        name = self.status.name if isinstance(self.status, Status) else str(self.status)
        return "%s: %s" % (name, self.message)

    @property
    def reason(self) -> str:
        """The library's short description of the status (newsmeta_strerror)."""
        return _ffi.load().newsmeta_strerror(int(self.status)).decode("utf-8", "replace")

    def __reduce__(self):
        return (Error, (int(self.status), self.message))


@dataclass(frozen=True, **_DC)
class Timestamp:
    """newsmeta_timestamp (present ones only; an absent time is None).

    ``datetime`` is a timezone-aware ``datetime.datetime`` when the offset is
    known (which implies a precision of at least the hour), a naive one for
    a time without an offset, and a ``datetime.date`` for a day or coarser
    (the first day the text allows: ``2021-03`` gives 2021-03-01), never an
    invented midnight. ``iso`` keeps the real precision.
    """
    iso: str
    datetime: Union[_dt.datetime, _dt.date, None]
    precision: Precision
    offset_known: bool
    offset_minutes: Optional[int]
    utc_seconds: Optional[int]
    zone: Optional[str]
    raw: Optional[str]
    source: Source

    @property
    def aware(self) -> bool:
        return isinstance(self.datetime, _dt.datetime) and self.datetime.tzinfo is not None

    def to_dict(self) -> dict:
        return {
            "iso": self.iso,
            "offset_known": self.offset_known,
            "offset_minutes": self.offset_minutes,
            "utc_seconds": self.utc_seconds,
            "precision": self.precision.label,
            "zone": self.zone,
            "raw": self.raw,
            "source": self.source.value,
        }


@dataclass(frozen=True, **_DC)
class Paragraph:
    """newsmeta_paragraph: one body block. ``level`` is 1-6 for headings, else 0."""
    kind: ParagraphKind
    text: str
    level: int = 0

    def to_dict(self) -> dict:
        if self.kind is ParagraphKind.HEADING:
            return {"kind": self.kind.value, "level": self.level, "text": self.text}
        return {"kind": self.kind.value, "text": self.text}


@dataclass(frozen=True, **_DC)
class Link:
    """newsmeta_link.

    ``start``/``end`` are the library's byte offsets into the UTF-8 text of
    paragraph ``paragraph``; ``char_start``/``char_end`` are the same span as
    Python string indices, so that for a body link
    ``article.paragraphs[link.paragraph].text[link.char_start:link.char_end]
    == link.text``; ``utf16_start``/``utf16_end`` are the span in UTF-16
    code units (JavaScript's string indices), as in the JSON record. Related links have ``start == end`` (and ``paragraph``
    is the block they follow, or None); ``href`` is None when the page gave
    none (plain-text input).
    """
    href: Optional[str]
    text: str
    kind: LinkKind
    paragraph: Optional[int]
    start: int
    end: int
    char_start: int
    char_end: int
    utf16_start: int
    utf16_end: int

    def to_dict(self) -> dict:
        return {"href": self.href, "text": self.text, "kind": self.kind.value,
                "paragraph": self.paragraph, "start": self.start, "end": self.end,
                "char_start": self.char_start, "char_end": self.char_end,
                "utf16_start": self.utf16_start, "utf16_end": self.utf16_end}


@dataclass(frozen=True, **_DC)
class Sources:
    """Where each field came from (newsmeta_sources, plus the sources of the
    two timestamps); None where the field was not found."""
    headline: Optional[Source] = None
    byline: Optional[Source] = None
    authors: Optional[Source] = None
    publisher: Optional[Source] = None
    published: Optional[Source] = None
    modified: Optional[Source] = None
    description: Optional[Source] = None
    language: Optional[Source] = None
    site_name: Optional[Source] = None
    canonical_url: Optional[Source] = None
    image: Optional[Source] = None
    section: Optional[Source] = None
    tags: Optional[Source] = None
    body: Optional[Source] = None

    def to_dict(self) -> dict:
        return {k: (None if v is None else v.value)
                for k, v in ((k, getattr(self, k)) for k in _SOURCE_KEYS)}


_SOURCE_KEYS = ("headline", "byline", "authors", "publisher", "published", "modified",
                "description", "language", "site_name", "canonical_url", "image", "section",
                "tags", "body")


class _Owned:
    """Owns one newsmeta_article*: frees it with newsmeta_article_free()
    when the Python Article that holds it goes away."""
    __slots__ = ("ptr", "_free")

    def __init__(self, ptr, free):
        self.ptr = ptr
        self._free = free

    def __del__(self):
        ptr, self.ptr = self.ptr, None
        if ptr:
            self._free(ptr)


@dataclass(frozen=True, **_DC)
class Article:
    """The extracted record (newsmeta_article). Absent strings are None,
    absent lists empty, absent times None.

    While the Article lives it also keeps the C article it was built from
    (released with newsmeta_article_free() when the Article is garbage
    collected), so that :meth:`to_json` is the library's own serializer.
    """
    url: Optional[str]
    headline: Optional[str]
    byline: Optional[str]
    authors: Tuple[str, ...]
    publisher: Optional[str]
    published: Optional[Timestamp]
    modified: Optional[Timestamp]
    description: Optional[str]
    language: Optional[str]
    site_name: Optional[str]
    canonical_url: Optional[str]
    image: Optional[str]
    image_credit: Optional[str]
    section: Optional[str]
    tags: Tuple[str, ...]
    paragraphs: Tuple[Paragraph, ...]
    links: Tuple[Link, ...]
    captions: Tuple[str, ...]
    charset: Optional[str]
    sources: Sources
    agency: Optional[str] = None
    charset_source: str = "default"
    truncated: Tuple[str, ...] = ()
    _owned: Optional[_Owned] = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The body as plain text, one block per paragraph."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_dict(self) -> dict:
        """The record as plain dicts and lists, with the keys and values of
        the JSON record (docs/schema.json): ``to_dict() ==
        json.loads(to_json())``."""
        return {
            "schema_version": SCHEMA_VERSION,
            "url": self.url,
            "headline": self.headline,
            "byline": self.byline,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "agency": self.agency,
            "published": self.published.to_dict() if self.published else None,
            "modified": self.modified.to_dict() if self.modified else None,
            "description": self.description,
            "language": self.language,
            "site_name": self.site_name,
            "canonical_url": self.canonical_url,
            "image": self.image,
            "image_credit": self.image_credit,
            "section": self.section,
            "tags": list(self.tags),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "links": [l.to_dict() for l in self.links],
            "captions": list(self.captions),
            "charset": self.charset,
            "sources": self.sources.to_dict(),
            "charset_source": self.charset_source,
            "truncated": list(self.truncated),
        }

    def to_json(self, pretty: bool = False) -> str:
        """The JSON record, written by newsmeta_to_json() (one line, or
        indented by 2 with ``pretty``). An Article that no longer has its C
        article (one that was pickled or copied) is written from
        :meth:`to_dict` with the same keys, values and layout."""
        owned = self._owned
        if owned is None or not owned.ptr:
            if pretty:
                return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
            return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
        return self._render(_ffi.FORMAT_JSON, _ffi.JSON_PRETTY if pretty else 0)

    def _render(self, fmt: int, flags: int) -> str:
        owned = self._owned
        if owned is None or not owned.ptr:
            raise ValueError("this Article is a copy without its C record (it was pickled or "
                             "copied); render the Article returned by the parse instead")
        lib = _ffi.load()
        buf = _ffi.c_void_p()
        size = _ffi.c_size_t()
        err = _ffi.NmError()
        status = lib.newsmeta_render(owned.ptr, fmt, flags, _ffi.ctypes.byref(buf),
                                     _ffi.ctypes.byref(size), _ffi.ctypes.byref(err))
        if status != 0:
            raise Error(status, err.message.decode("utf-8", "replace"))
        try:
            return _ffi.ctypes.string_at(buf.value, size.value).decode("utf-8", "replace")
        finally:
            lib.newsmeta_free(buf)

    def to_text(self, metadata: bool = False) -> str:
        """The article as plain text (newsmeta_render): blocks separated by a
        blank line, list items as "- "; with ``metadata``, headline, authors,
        date and URL lines first."""
        return self._render(_ffi.FORMAT_TEXT, _ffi.RENDER_METADATA if metadata else 0)

    def to_markdown(self, metadata: bool = False) -> str:
        """The article as CommonMark (headings, quotes, lists, fenced code,
        links inline); with ``metadata``, YAML front matter first."""
        return self._render(_ffi.FORMAT_MARKDOWN, _ffi.RENDER_METADATA if metadata else 0)

    def to_html(self, metadata: bool = False) -> str:
        """The article as clean HTML (an <article> fragment; with
        ``metadata``, a whole document whose <head> holds the metadata)."""
        return self._render(_ffi.FORMAT_HTML, _ffi.RENDER_METADATA if metadata else 0)

    def __reduce__(self):
        # Pickling (e.g. to send results between Dask workers) drops the C
        # article: the copy is plain Python data.
        return (_rebuild, (type(self), tuple(getattr(self, f) for f in _ARTICLE_FIELDS)))

    def __copy__(self):
        return _rebuild(type(self), tuple(getattr(self, f) for f in _ARTICLE_FIELDS))


_ARTICLE_FIELDS = ("url", "headline", "byline", "authors", "publisher", "published",
                   "modified", "description", "language", "site_name", "canonical_url",
                   "image", "image_credit", "section", "tags", "paragraphs", "links",
                   "captions", "charset", "sources", "agency", "charset_source",
                   "truncated")


def _rebuild(cls, values):
    return cls(*values)


# ---- building from the C structs ------------------------------------------

def _s(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8", "replace")


def _strings(ptr, n) -> Tuple[str, ...]:
    if not n:
        return ()
    return tuple(b.decode("utf-8", "replace") for b in ptr[:n] if b is not None)


_UTC = _dt.timezone.utc
_ZONES = {0: _UTC}


def _tz(minutes: int) -> _dt.timezone:
    tz = _ZONES.get(minutes)
    if tz is None:
        tz = _ZONES[minutes] = _dt.timezone(_dt.timedelta(minutes=minutes))
    return tz


def _naive(iso: str, precision: int):
    # iso is "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS". A day
    # or coarser is a date: no time was given, so none is made up.
    try:
        if precision >= 4:
            return _dt.datetime.fromisoformat(iso[:19])
        y = int(iso[0:4])
        m = int(iso[5:7]) if precision >= 2 else 1
        d = int(iso[8:10]) if precision >= 3 else 1
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _timestamp(t) -> Optional[Timestamp]:
    if not t.present:
        return None
    iso = _s(t.iso) or ""
    precision = t.precision
    offset = t.offset_minutes if t.offset_known else None
    utc = t.utc_seconds if t.offset_known and precision >= 4 else None
    if utc is not None:
        try:
            when = _dt.datetime.fromtimestamp(utc, _tz(offset))
        except (OverflowError, OSError, ValueError):
            when = None
    else:
        when = _naive(iso, precision) if precision else None
    return Timestamp(iso, when, _member(_PRECISION, precision, Precision.NONE),
                     bool(t.offset_known), offset, utc, _s(t.zone), _s(t.raw),
                     _member(_SOURCE, t.source, Source.NONE))


def _source(v: int) -> Optional[Source]:
    return None if v == 0 else _member(_SOURCE, v, Source.NONE)


def _char_offset(raw: bytes, text: str, offset: int) -> int:
    if len(raw) == len(text):  # ASCII: bytes and characters coincide
        return offset
    return len(raw[:offset].decode("utf-8", "replace"))


def _utf16_offset(text: str, chars: int) -> int:
    """A code point offset as UTF-16 code units: characters past U+FFFF
    count twice (surrogate pairs)."""
    head = text[:chars]
    return chars + sum(1 for c in head if ord(c) > 0xFFFF)


def article_from_c(a, owned: Optional[_Owned]) -> Article:
    """Build an Article from a NmArticle (read, not copied, by ctypes)."""
    n = a.paragraph_count
    raws = []
    paragraphs = []
    if n:
        for p in a.paragraphs[:n]:
            raw = p.text or b""
            raws.append(raw)
            paragraphs.append(Paragraph(_member(_PKIND, p.kind, ParagraphKind.PARAGRAPH),
                                        raw.decode("utf-8", "replace"), p.level))
    links = []
    n = a.link_count
    if n:
        for l in a.links[:n]:
            start, end, pi = l.start, l.end, l.paragraph
            cs, ce, us, ue = start, end, start, end
            if 0 <= pi < len(raws):
                raw, text = raws[pi], paragraphs[pi].text
                cs = _char_offset(raw, text, start)
                ce = cs if end == start else _char_offset(raw, text, end)
                us, ue = _utf16_offset(text, cs), _utf16_offset(text, ce)
            else:
                pi = None
            href = l.href
            links.append(Link(None if href is None else href.decode("utf-8", "replace"),
                              (l.text or b"").decode("utf-8", "replace"),
                              _member(_LKIND, l.kind, LinkKind.RELATED), pi, start, end, cs, ce,
                              us, ue))
    s = a.sources
    published = _timestamp(a.published)
    modified = _timestamp(a.modified)
    sources = Sources(_source(s.headline), _source(s.byline), _source(s.authors),
                      _source(s.publisher),
                      published.source if published and published.source is not Source.NONE
                      else None,
                      modified.source if modified and modified.source is not Source.NONE
                      else None,
                      _source(s.description), _source(s.language), _source(s.site_name),
                      _source(s.canonical_url), _source(s.image), _source(s.section),
                      _source(s.tags), _source(s.body))
    return Article(_s(a.url), _s(a.headline), _s(a.byline), _strings(a.authors, a.author_count),
                   _s(a.publisher), published, modified, _s(a.description), _s(a.language),
                   _s(a.site_name), _s(a.canonical_url), _s(a.image), _s(a.image_credit),
                   _s(a.section), _strings(a.tags, a.tag_count), tuple(paragraphs), tuple(links),
                   _strings(a.captions, a.caption_count), _s(a.charset), sources,
                   _s(a.agency), _member(_ffi.CHARSET_SOURCES, a.charset_source, "default"),
                   tuple(name for i, name in enumerate(_ffi.TRUNCATED) if a.truncated >> i & 1),
                   owned)
