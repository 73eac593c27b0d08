"""Threads: the same results as a loop, and the foreign calls release the GIL."""
import ctypes
import os
import time
import unittest
from concurrent.futures import ThreadPoolExecutor

import newsmeta
from newsmeta import _ffi

import nmtest


def extract(job):
    kind, url, data = job
    try:
        if kind == "text":
            a = newsmeta.parse_text(data, url=url)
        else:
            a = newsmeta.parse_html(data, url=url)
    except newsmeta.Error as e:
        return ("error", int(e.status), e.message)
    return (a.to_dict(), a.to_json())


def jobs():
    out = [("html", url, html) for _, url, html in nmtest.fixture_pages()]
    out += [("html", nmtest.FULL_URL, nmtest.FULL_HTML.encode()),
            ("text", None, nmtest.TEXT_PAGE.encode()),
            ("html", None, b""),                       # an error, too
            ("html", None, b"\x00\x01\x02binary" * 50)]
    return out


class Threads(unittest.TestCase):
    def test_pool_matches_loop(self):
        work = jobs() * 25
        expected = [extract(j) for j in work]
        self.assertTrue(any(r[0] == "error" for r in expected))
        for workers in (2, 4, 8):
            with self.subTest(workers=workers):
                with ThreadPoolExecutor(max_workers=workers) as pool:
                    got = list(pool.map(extract, work))
                self.assertEqual(got, expected)

    def test_shared_article_read_from_threads(self):
        a = newsmeta.parse_html(nmtest.FULL_HTML, url=nmtest.FULL_URL)
        want = a.to_json()
        with ThreadPoolExecutor(max_workers=4) as pool:
            got = list(pool.map(lambda _: a.to_json(), range(200)))
        self.assertEqual(set(got), {want})

    def test_calls_release_the_gil(self):
        # ctypes.CDLL functions drop the GIL around the call; PyDLL ones,
        # or functions flagged FUNCFLAG_PYTHONAPI, would keep it.
        lib = _ffi.load()
        self.assertIsInstance(lib, ctypes.CDLL)
        self.assertNotIsInstance(lib, ctypes.PyDLL)
        for name in ("newsmeta_parse_html", "newsmeta_parse_text", "newsmeta_to_json",
                     "newsmeta_article_free"):
            self.assertFalse(getattr(lib, name)._flags_ & ctypes._FUNCFLAG_PYTHONAPI, name)

    def test_speedup_report(self):
        # Informational only: on a loaded or single-core machine threads may
        # not be faster, so nothing is asserted about the ratio.
        page = max((html for _, _, html in nmtest.fixture_pages()), key=len)
        n = 300
        t = time.perf_counter()
        for _ in range(n):
            newsmeta.parse_html(page)
        one = time.perf_counter() - t
        t = time.perf_counter()
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda _: newsmeta.parse_html(page), range(n)))
        two = time.perf_counter() - t
        print("\n%d parses: 1 thread %.3fs, 2 threads %.3fs (%d CPUs)"
              % (n, one, two, os.cpu_count() or 0))


if __name__ == "__main__":
    unittest.main()
