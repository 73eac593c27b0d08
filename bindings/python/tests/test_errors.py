"""Failures raise newsmeta.Error with the library's status and message."""
import pickle
import random
import unittest

import newsmeta
from newsmeta import Error, Status

import nmtest


class Errors(unittest.TestCase):
    def assertStatus(self, status, fn, *args, **kw):
        with self.assertRaises(Error) as cm:
            fn(*args, **kw)
        e = cm.exception
        self.assertIs(e.status, status)
        self.assertIsInstance(e.status, Status)
        self.assertIsInstance(e.message, str)
        self.assertTrue(e.message)
        self.assertIn(status.name, str(e))
        self.assertIn(e.message, str(e))
        return e

    def test_empty_input(self):
        for fn in (newsmeta.parse_html, newsmeta.parse_text):
            for data in (b"", "", b"   \n\t \r\n"):
                with self.subTest(fn=fn.__name__, data=data):
                    self.assertStatus(Status.EMPTY_INPUT, fn, data)

    def test_binary_garbage(self):
        rnd = random.Random(8)
        cases = [rnd.randbytes(4096), b"\x00" * 512, b"\x89PNG\r\n\x1a\n" + rnd.randbytes(2000),
                 b"GIF89a" + bytes(range(256)) * 8]
        for fn in (newsmeta.parse_html, newsmeta.parse_text):
            for data in cases:
                with self.subTest(fn=fn.__name__, data=data[:8]):
                    self.assertStatus(Status.BINARY, fn, data)

    def test_not_article(self):
        self.assertStatus(Status.NOT_ARTICLE, newsmeta.parse_html,
                          b"<html><head></head><body></body></html>")

    def test_too_large(self):
        html = nmtest.FULL_HTML.encode()
        e = self.assertStatus(Status.TOO_LARGE, newsmeta.parse_html, html, max_input_bytes=100)
        self.assertIn("100", e.message)
        # exactly at the limit is fine
        newsmeta.parse_html(html, max_input_bytes=len(html))

    def test_unknown_charset(self):
        e = self.assertStatus(Status.ENCODING, newsmeta.parse_html,
                              nmtest.FULL_HTML.encode(), charset="no-such-charset")
        self.assertIn("no-such-charset", e.message)

    def test_recovers_after_errors(self):
        for _ in range(3):
            self.assertStatus(Status.EMPTY_INPUT, newsmeta.parse_html, b"")
            self.assertEqual(newsmeta.parse_html(nmtest.FULL_HTML).headline,
                             "Harbour bridge reopens after repairs")

    def test_python_argument_errors(self):
        with self.assertRaises(TypeError):
            newsmeta.parse_html(42)
        with self.assertRaises(TypeError):
            newsmeta.parse_html(["<p>x</p>"])
        with self.assertRaises(TypeError):
            newsmeta.parse_html(b"<p>x</p>", url=3)
        with self.assertRaises(TypeError):
            newsmeta.parse_html(b"<p>x</p>", no_such_option=True)
        with self.assertRaises(ValueError):
            newsmeta.parse_html(b"<p>x</p>", max_input_bytes=-1)
        with self.assertRaises(ValueError):  # a str is always UTF-8
            newsmeta.parse_html("<p>x</p>", charset="latin-1")
        with self.assertRaises(UnicodeEncodeError):
            newsmeta.parse_html("<p>\ud800</p>")

    def test_error_object(self):
        e = Error(3, "nothing here")
        self.assertIs(e.status, Status.NOT_ARTICLE)
        self.assertEqual(e.status, 3)
        self.assertIsInstance(e, Exception)
        self.assertEqual(str(e), "NOT_ARTICLE: nothing here")
        self.assertEqual(e.reason, "no article content or metadata found")
        back = pickle.loads(pickle.dumps(e))
        self.assertEqual((back.status, back.message), (e.status, e.message))
        unknown = Error(99, "from a newer library")
        self.assertEqual(unknown.status, 99)
        self.assertEqual(str(unknown), "99: from a newer library")
        self.assertEqual(unknown.reason, "unknown status")


if __name__ == "__main__":
    unittest.main()
