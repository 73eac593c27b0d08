"""newsmeta.iter_warc / WarcReader: the C library's WARC reader from Python.
Archives are written here (gzip record by record, as crawlers do); the
pages come out as Articles equal to parse_html's, damage as records with an
error, and the counts say what was skipped."""
import gzip
import os
import tempfile
import unittest

import newsmeta

import nmtest


def record(kind, uri, content_type, block):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s-%d>\r\n"
            "WARC-Date: 2026-03-14T09:30:00Z\r\n%sContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, kind, len(block), "WARC-Target-URI: %s\r\n" % uri if uri else "",
               content_type, len(block))).encode()
    return gzip.compress(head + block + b"\r\n\r\n")


def response(uri, html, headers=b"Content-Type: text/html; charset=utf-8\r\n"):
    return record("response", uri, "application/http; msgtype=response",
                  b"HTTP/1.1 200 OK\r\n" + headers + b"\r\n" + html)


class Warc(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.pages = nmtest.fixture_pages()[:3]
        parts = [record("warcinfo", None, "application/warc-fields", b"software: test\r\n")]
        for n, (case, url, html) in enumerate(self.pages):
            uri = url or "https://news.example/%s" % case
            parts.append(record("request", uri, "application/http; msgtype=request",
                                b"GET / HTTP/1.1\r\n\r\n"))
            if n == 1:
                parts.append(response(uri, gzip.compress(html),
                                      b"Content-Type: text/html\r\nContent-Encoding: gzip\r\n"))
            else:
                parts.append(response(uri, html, b"Content-Type: text/html\r\n"))
        cut = response("https://news.example/cut", self.pages[0][2])
        parts.insert(3, cut[:len(cut) // 2])  # a gzip member cut short
        self.path = os.path.join(self.tmp.name, "crawl.warc.gz")
        with open(self.path, "wb") as f:
            f.write(b"".join(parts))

    def tearDown(self):
        self.tmp.cleanup()

    def test_pages_damage_and_counts(self):
        with newsmeta.WarcReader(self.path) as reader:
            got = list(reader)
            counts = reader.counts
        self.assertEqual(len(got), len(self.pages) + 1)
        damaged = [meta for meta, art in got if meta.error is not None]
        self.assertEqual(len(damaged), 1)
        self.assertEqual(damaged[0].error.status, newsmeta.Status.DAMAGED)
        self.assertTrue(damaged[0].error.message)
        pages = [(meta, art) for meta, art in got if meta.error is None]
        for (meta, art), (case, url, html) in zip(pages, self.pages):
            uri = url or "https://news.example/%s" % case
            self.assertEqual(meta.target_uri, uri)
            self.assertEqual(meta.http_status, 200)
            self.assertEqual(meta.content_type, "text/html")
            self.assertTrue(meta.record_id.startswith("<urn:uuid:response-"))
            self.assertEqual(art.to_dict(), newsmeta.parse_html(html, uri).to_dict())
            warc = meta.to_dict()
            self.assertEqual(sorted(warc), ["archive", "date", "http_status", "offset",
                                            "record_id", "target_uri"])
            with open(self.path, "rb") as f:  # the offset is where a gzip member starts
                f.seek(meta.offset)
                self.assertEqual(f.read(2), b"\x1f\x8b")
        self.assertEqual((counts["pages"], counts["errors"], counts["requests"],
                          counts["warcinfo"]), (len(self.pages), 1, len(self.pages), 1))

    def test_iter_warc_and_is_warc(self):
        self.assertEqual(len(list(newsmeta.iter_warc(self.path))), len(self.pages) + 1)
        with open(self.path, "rb") as f:
            self.assertTrue(newsmeta.is_warc(f.read(512)))
        self.assertFalse(newsmeta.is_warc(b"<html><body>not an archive</body></html>"))

    def test_errors(self):
        with self.assertRaises(newsmeta.Error) as e:
            newsmeta.WarcReader(os.path.join(self.tmp.name, "missing.warc.gz"))
        self.assertEqual(e.exception.status, newsmeta.Status.IO)
        with self.assertRaises(ValueError):
            newsmeta.WarcReader("crawl\0.warc")
        with self.assertRaises(OverflowError):
            newsmeta.WarcReader(self.path, max_input_bytes=1 << 80)
        small = list(newsmeta.iter_warc(self.path, max_input_bytes=100))
        self.assertTrue(all(meta.error is not None for meta, _ in small))
        self.assertIn(newsmeta.Status.TOO_LARGE, [meta.error.status for meta, _ in small])
        reader = newsmeta.WarcReader(self.path)
        reader.close()
        self.assertEqual(list(reader), [])
        with self.assertRaises(ValueError):
            reader.counts


if __name__ == "__main__":
    unittest.main()
