"""WARC archives: the C library's reader (newsmeta_warc_*), page by page.

The archive is mapped and read by the C library (WARC 1.0 and 1.1, plain or
gzip; HTTP chunked and gzip/deflate/br codings removed), which also parses
each page; Python only builds the records. The GIL is released during both.
"""
from __future__ import annotations

import ctypes as _ct
import os
import sys
from dataclasses import dataclass
from typing import Iterator, Optional, Tuple

from . import _ffi
from ._model import Article, Error, Status

_DC = {"slots": True} if sys.version_info >= (3, 10) else {}


def _text(value):
    return value.decode("utf-8") if value is not None else None


@dataclass(frozen=True, **_DC)
class WarcRecord:
    """Where a page (or a damaged stretch) of an archive came from.

    ``offset`` is the byte offset of the record in the archive file (for a
    gzip archive, of the gzip member holding it). ``error`` is None for a
    page that was parsed; otherwise the :class:`Error` that stopped it: a
    damaged stretch (``Status.DAMAGED``), a page over the size limit
    (``TOO_LARGE``), or the parse's own error (``NOT_ARTICLE``, ...).
    """
    archive: str
    offset: int
    record_id: Optional[str]
    date: Optional[str]
    target_uri: Optional[str]
    http_status: int
    content_type: Optional[str]
    charset: Optional[str]
    error: Optional[Error] = None

    def to_dict(self) -> dict:
        """The "warc" object of the CLI's records (``newsmeta --jsonl ARCHIVE``)."""
        return {"archive": self.archive, "offset": self.offset, "record_id": self.record_id,
                "date": self.date, "target_uri": self.target_uri,
                "http_status": self.http_status}


class WarcReader:
    """The pages of one WARC archive, in archive order::

        with newsmeta.WarcReader("crawl.warc.gz") as reader:
            for record, article in reader:
                ...
            print(reader.counts)

    Iterating yields ``(WarcRecord, Article)`` for each HTML page, and
    ``(WarcRecord, None)`` with ``record.error`` set for a stretch that could
    not be read or a page that could not be extracted; the reading goes on
    after either. ``counts`` says what was read and skipped so far. The
    parse options are those of :func:`newsmeta.parse_html` (the page's URL
    and served charset come from the archive). Raises :class:`Error`
    (``Status.IO``) when the file cannot be opened, :class:`ValueError` for
    a path holding a NUL.
    """

    def __init__(self, path, *, default_timezone: Optional[str] = None,
                 max_input_bytes: int = 0, no_body: bool = False, no_links: bool = False):
        from . import _parse_options  # the same checks as parse_html's
        self.path = os.fspath(path)
        path_b = os.fsencode(self.path)
        if b"\0" in path_b:
            raise ValueError("path holds a NUL character")
        self._options = dict(default_timezone=default_timezone, max_input_bytes=max_input_bytes,
                             no_body=no_body, no_links=no_links)
        opts = _parse_options(None, default_timezone, max_input_bytes, no_body, no_links)
        self._lib = _ffi.load()
        self._reader = _ct.c_void_p()
        err = _ffi.NmError()
        status = self._lib.newsmeta_warc_open(path_b, opts, _ct.byref(self._reader),
                                              _ct.byref(err))
        if status != 0:
            raise Error(status, err.message.decode("utf-8", "replace"))

    def __enter__(self) -> "WarcReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        self.close()

    def close(self) -> None:
        """Release the C reader (iteration ends). Idempotent."""
        reader, self._reader = getattr(self, "_reader", None), None
        if reader:
            self._lib.newsmeta_warc_close(reader)

    @property
    def counts(self) -> dict:
        """pages, errors, not_html, requests, metadata, revisits, warcinfo, other."""
        if not self._reader:
            raise ValueError("the reader is closed")
        c = self._lib.newsmeta_warc_get_counts(self._reader).contents
        return {name: getattr(c, name) for name, _ in _ffi.NmWarcCounts._fields_}

    def _page(self, meta: WarcRecord, rec) -> Tuple[WarcRecord, Optional[Article]]:
        from . import parse_html
        body = _ct.string_at(rec.body, rec.body_length) if rec.body_length else b""
        try:
            return meta, parse_html(body, meta.target_uri, charset=meta.charset, **self._options)
        except Error as e:
            if e.status == Status.ENCODING and meta.charset is not None:
                # a served charset no browser knows is passed over, as browsers do
                try:
                    return meta, parse_html(body, meta.target_uri, **self._options)
                except Error as again:
                    e = again
            return _with_error(meta, e), None

    def __iter__(self) -> Iterator[Tuple[WarcRecord, Optional[Article]]]:
        out = _ct.POINTER(_ffi.NmWarcRecord)()
        err = _ffi.NmError()
        while self._reader:
            self._lib.newsmeta_warc_next(self._reader, _ct.byref(out), _ct.byref(err))
            if not out:
                return
            rec = out.contents
            meta = WarcRecord(self.path, rec.offset, _text(rec.record_id), _text(rec.date),
                              _text(rec.target_uri), rec.http_status, _text(rec.content_type),
                              _text(rec.charset))
            if rec.error != 0:
                yield _with_error(meta, Error(rec.error, _text(rec.message) or "")), None
            else:
                yield self._page(meta, rec)


def _with_error(meta: WarcRecord, error: Error) -> WarcRecord:
    return WarcRecord(meta.archive, meta.offset, meta.record_id, meta.date, meta.target_uri,
                      meta.http_status, meta.content_type, meta.charset, error)


def iter_warc(path, **options) -> Iterator[Tuple[WarcRecord, Optional[Article]]]:
    """Yield ``(WarcRecord, Article or None)`` for each page of the WARC
    archive at ``path``, in order (see :class:`WarcReader`, which also gives
    the counts of skipped records)."""
    with WarcReader(path, **options) as reader:
        yield from reader


def is_warc(head: bytes) -> bool:
    """Whether ``head``, the first bytes of a file (512 are enough), starts a
    WARC archive, plain or gzip (newsmeta_is_warc)."""
    head = bytes(head)
    return bool(_ffi.load().newsmeta_is_warc(head, len(head)))
