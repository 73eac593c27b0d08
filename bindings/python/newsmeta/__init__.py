"""newsmeta: turn a news article into a structured record.

A ctypes binding of the newsmeta C library (libnewsmeta.so.0); no compiler
is needed. ::

    import newsmeta
    article = newsmeta.parse_html(open("page.html", "rb").read(), url="https://...")
    print(article.headline, article.authors, article.published)

``parse_html`` and ``parse_text`` return an :class:`Article` (dataclasses
built directly from the C structs), or raise :class:`Error`, whose
``status`` is a :class:`Status`. ``Article.to_json()`` is the library's JSON
record, ``Article.to_dict()`` the same record as Python dicts and lists.
``iter_warc(path)`` yields ``(WarcRecord, Article)`` for each page of a WARC
archive, read and parsed by the C library.

The library is found through $NEWSMETA_LIBRARY, then next to this package,
then on the system's library path (see ``newsmeta._ffi``). Parsing releases
the GIL, so threads parse in parallel.
"""
from __future__ import annotations

import ctypes as _ct
from typing import Optional, Union

from . import _ffi
from ._ffi import LibraryNotFoundError
from ._model import (SCHEMA_VERSION, Article, Error, Link, LinkKind, Paragraph,
                     ParagraphKind, Precision, Source, Sources, Status, Timestamp)
from ._model import _Owned, article_from_c
from ._warc import WarcReader, WarcRecord, is_warc, iter_warc

__version__ = "0.2.0"

__all__ = [
    "parse_html", "parse_text", "Article", "Timestamp", "Paragraph", "Link", "Sources",
    "Status", "Source", "Precision", "ParagraphKind", "LinkKind", "Error",
    "LibraryNotFoundError", "library_version", "library_path", "SCHEMA_VERSION",
    "iter_warc", "WarcReader", "WarcRecord", "is_warc", "parse_file", "parse_many",
]

Input = Union[bytes, bytearray, memoryview, str]


def _encode(value, what):
    """value as the NUL-terminated UTF-8 bytes of a C string argument.

    A NUL would end the C string early and the rest would be silently
    lost, so it is a ValueError; a str that cannot be UTF-8 (a lone
    surrogate) is a UnicodeEncodeError, bytes that are not UTF-8 the
    library's INVALID_ARGUMENT."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8")
    elif not isinstance(value, bytes):
        raise TypeError("%s must be str, bytes or None, not %s" % (what, type(value).__name__))
    if b"\0" in value:
        raise ValueError("%s must not contain a NUL character" % what)
    return value


def _c_unsigned(value, ctype, what):
    """value checked to fit the unsigned C field of type ctype, which ctypes
    would silently wrap: OverflowError when too large, ValueError when
    negative, TypeError when not an int."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
    if value < 0:
        raise ValueError("%s must be a non-negative int (0: the default)" % what)
    if value >= 1 << (8 * _ct.sizeof(ctype)):
        raise OverflowError("%s is %d, larger than the C field (%d bytes) holds"
                            % (what, value, _ct.sizeof(ctype)))
    return value


def _parse_options(charset, default_timezone, max_input_bytes, no_body, no_links):
    """The options as a pointer to an NmOptions, or None for the defaults."""
    max_input_bytes = _c_unsigned(max_input_bytes or 0, _ct.c_size_t, "max_input_bytes")
    if charset is None and default_timezone is None and not max_input_bytes and not no_body \
            and not no_links:
        return None
    # Filled here (equivalent to newsmeta_options_init_sized() with the
    # size of this mirror): `size` tells the library how much of the
    # struct this binding knows, so the struct can grow in later
    # versions; zero fields mean the defaults.
    return _ct.byref(_ffi.NmOptions(
        _ct.sizeof(_ffi.NmOptions),
        (_ffi.OPT_NO_BODY if no_body else 0) | (_ffi.OPT_NO_LINKS if no_links else 0),
        _encode(charset, "charset"), _encode(default_timezone, "default_timezone"),
        max_input_bytes))


def _parse(fn_name, data, url, charset, default_timezone, max_input_bytes, no_body, no_links):
    lib = _ffi.load()
    if isinstance(data, str):
        # A str has no charset of its own: it is handed over as UTF-8, and
        # says so, so that a <meta charset> in the page does not override it.
        if charset is not None:
            raise ValueError("charset applies to bytes input only; a str is passed as UTF-8")
        data = data.encode("utf-8")
        charset = b"utf-8"
    elif not isinstance(data, bytes):
        if not isinstance(data, (bytearray, memoryview)):
            raise TypeError("input must be bytes or str, not %s" % type(data).__name__)
        data = bytes(data)
    url_b = _encode(url, "url")
    opts = _parse_options(charset, default_timezone, max_input_bytes, no_body, no_links)
    out = _ct.POINTER(_ffi.NmArticle)()
    err = _ffi.NmError()
    # The foreign call releases the GIL (ctypes.CDLL).
    status = getattr(lib, fn_name)(data, len(data), url_b, opts, _ct.byref(out), _ct.byref(err))
    if status != 0:
        if out:  # not expected: the library sets *out to NULL on failure
            lib.newsmeta_article_free(out)
        raise Error(status, err.message.decode("utf-8", "replace"))
    owned = _Owned(out, lib.newsmeta_article_free)
    return article_from_c(out.contents, owned)


def parse_html(html: Input, url: Optional[str] = None, *, charset: Optional[str] = None,
               default_timezone: Optional[str] = None, max_input_bytes: int = 0,
               no_body: bool = False, no_links: bool = False) -> Article:
    """Extract the article in an HTML page (newsmeta_parse_html).

    ``html`` is the page as bytes, in any charset (the library decides it
    from a BOM, ``charset``, a ``<meta charset>``, then the bytes), or as a
    str (passed as UTF-8; ``charset`` must then be None). ``url`` is the
    page's URL, the base of relative links and a date hint.

    Options (newsmeta_options): ``charset`` the transport declared (HTTP
    Content-Type); ``default_timezone`` an IANA zone for times printed
    without one; ``max_input_bytes`` (0: 64 MiB); ``no_body`` metadata only;
    ``no_links`` no links.

    Raises :class:`Error` (``.status``: EMPTY_INPUT, BINARY, ENCODING,
    TOO_LARGE, NOT_ARTICLE, ...) when nothing can be extracted, and
    INVALID_ARGUMENT for a ``url``, ``charset`` or ``default_timezone``
    given as bytes that are not UTF-8, or a zone the library does not
    know; :class:`ValueError` for one holding a NUL character (C would cut
    it there) or a str that cannot be UTF-8 (UnicodeEncodeError);
    :class:`OverflowError` for a ``max_input_bytes`` larger than a C
    ``size_t`` (never wrapped); :class:`LibraryNotFoundError` when the C
    library cannot be loaded.
    """
    return _parse("newsmeta_parse_html", html, url, charset, default_timezone, max_input_bytes,
                  no_body, no_links)


def parse_text(text: Input, url: Optional[str] = None, *, charset: Optional[str] = None,
               default_timezone: Optional[str] = None, max_input_bytes: int = 0,
               no_body: bool = False, no_links: bool = False) -> Article:
    """Extract the article from the plain-text rendering of a page
    (newsmeta_parse_text); arguments, options and errors as for
    :func:`parse_html`."""
    return _parse("newsmeta_parse_text", text, url, charset, default_timezone, max_input_bytes,
                  no_body, no_links)


def _looks_like_html(data: bytes) -> bool:
    """As the CLI decides (cli_looks_like_html): markup at the start, after a
    BOM and blanks, or common tags near it."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True  # UTF-16: left to the HTML decoder
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if body.lstrip(b" \t\r\n")[:1] == b"<":
        return True
    head = data[:4096].lower()
    return any(tag in head for tag in (b"<html", b"<body", b"<head", b"<div", b"<p>",
                                       b"<!doctype"))


def parse_file(path, url: Optional[str] = None, *, text: Optional[bool] = None,
               **options) -> Article:
    """Extract the article in the file at ``path``: HTML, or the plain-text
    rendering of a page (``text=None`` decides from its first bytes as the CLI
    does; True or False says which), gzip-compressed or not (told by its
    magic bytes). Options as for :func:`parse_html`; raises what it raises,
    and OSError when the file cannot be read. The file's size (decompressed)
    is bounded by ``max_input_bytes`` (64 MiB by default): a larger one is
    ``Error(TOO_LARGE)`` without being read whole."""
    import gzip
    limit = options.get("max_input_bytes") or 64 * 1024 * 1024
    with open(path, "rb") as f:
        magic = f.read(2)
        f.seek(0)
        stream = gzip.GzipFile(fileobj=f) if magic == b"\x1f\x8b" else f
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise Error(Status.TOO_LARGE, "%s: more than %d bytes (max_input_bytes)" % (path, limit))
    if text is None:
        text = not _looks_like_html(data)
    return (parse_text if text else parse_html)(data, url, **options)


def parse_many(items, workers: Optional[int] = None, **options) -> list:
    """Extract many pages on a pool of ``workers`` threads (default: the
    number of CPUs); the parse releases the GIL, so they run in parallel.

    ``items`` are paths (read with :func:`parse_file`) or ``(html, url)``
    pairs (bytes or str, and a URL or None; read with :func:`parse_html`).
    Returns a list in input order holding, for each item, its
    :class:`Article`, or the :class:`Error` (or OSError) that stopped it:
    one failed page does not lose the others."""
    import concurrent.futures
    import os

    def one(item):
        try:
            if isinstance(item, (str, bytes, os.PathLike)) and not isinstance(item, bytes):
                return parse_file(item, **options)
            html_, url = item
            return parse_html(html_, url, **options)
        except (Error, OSError) as e:
            return e

    items = list(items)
    with concurrent.futures.ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:
        return list(pool.map(one, items))


def library_version() -> str:
    """The C library's version string (newsmeta_version())."""
    return _ffi.load().newsmeta_version().decode("ascii")


def library_path() -> str:
    """Where the C library was loaded from (loading it if needed)."""
    return _ffi.library_path()
