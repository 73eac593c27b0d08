"""Careless callers (issue 17, item 4): no argument is silently cut,
mangled or wrapped on its way to the C library."""
import ctypes
import json
import unittest

import newsmeta
from newsmeta import Error, Status

import nmtest  # noqa: F401  (makes the environment's paths absolute)

PAGE = ("<html><head><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Lone \\ud800 surrogate", '
        '"author": {"@type": "Person", "name": "Jane Roe"}, '
        '"datePublished": "2020-01-02T03:04:05", "description": "Nul \\u0000 here"}'
        "</script></head><body><p>The council met on Tuesday evening to discuss the new "
        "library, which will open next spring after three years of building work.</p>"
        "</body></html>")
SIZE_MAX = (1 << (8 * ctypes.sizeof(ctypes.c_size_t))) - 1


class Strings(unittest.TestCase):
    def invalid(self, what, **kw):
        for fn in (newsmeta.parse_html, newsmeta.parse_text):
            with self.subTest(fn=fn.__name__, **{k: repr(v) for k, v in kw.items()}):
                with self.assertRaises(Error) as cm:
                    fn(PAGE.encode(), **kw)
                self.assertIs(cm.exception.status, Status.INVALID_ARGUMENT)
                self.assertIn(what, cm.exception.message)

    def test_nul_is_never_cut_silently(self):
        # ctypes would hand the C library the string up to the NUL only
        for name in ("url", "charset", "default_timezone"):
            for value in ("https://example.com/a\0b", b"utf-8\0garbage", "Europe/Paris\0x"):
                with self.subTest(arg=name, value=value):
                    with self.assertRaises(ValueError) as cm:
                        newsmeta.parse_html(PAGE.encode(), **{name: value})
                    self.assertIn(name, str(cm.exception))
                    self.assertIn("NUL", str(cm.exception))

    def test_invalid_utf8_bytes_are_refused(self):
        self.invalid("url is not valid UTF-8", url=b"https://example.com/caf\xc3\xa9/\xff")
        self.invalid("options.charset is not valid UTF-8", charset=b"utf-8\xc3")
        self.invalid("options.default_timezone is not valid UTF-8",
                     default_timezone=b"Europe/Par\xe9")
        with self.assertRaises(UnicodeEncodeError):  # a str that is no UTF-8
            newsmeta.parse_html(PAGE, url="https://example.com/\udc80")

    def test_unknown_zone_is_refused(self):
        self.invalid('"Europe/Pariss" is not an IANA time zone', default_timezone="Europe/Pariss")

    def test_non_ascii_url_survives(self):
        url = "https://example.com/café/naïve-日本"
        a = newsmeta.parse_html(PAGE, url=url)
        self.assertEqual(a.url, url)
        self.assertEqual(json.loads(a.to_json())["url"], url)
        self.assertEqual(a.to_dict()["url"], url)

    def test_integers_do_not_wrap(self):
        for fn in (newsmeta.parse_html, newsmeta.parse_text):
            with self.assertRaises(OverflowError):
                fn(PAGE, max_input_bytes=SIZE_MAX + 1)  # would wrap to 0, the default
            with self.assertRaises(OverflowError):
                fn(PAGE, max_input_bytes=1 << 200)
            with self.assertRaises(ValueError):
                fn(PAGE, max_input_bytes=-1)
            with self.assertRaises(TypeError):
                fn(PAGE, max_input_bytes=1.5)
            with self.assertRaises(TypeError):
                fn(PAGE, max_input_bytes=True)
        # the largest value that fits is taken as it is
        self.assertEqual(newsmeta.parse_html(PAGE, max_input_bytes=SIZE_MAX).headline,
                         "Lone \ufffd surrogate")

    def test_jsonld_escapes_repaired(self):
        # item 5: the block is repaired, not dropped
        a = newsmeta.parse_html(PAGE)
        self.assertEqual(a.headline, "Lone \ufffd surrogate")
        self.assertEqual(a.description, "Nul \ufffd here")
        self.assertEqual(a.authors, ("Jane Roe",))
        self.assertEqual(a.published.iso, "2020-01-02T03:04:05")
        self.assertEqual(a.truncated, ())


if __name__ == "__main__":
    unittest.main()
