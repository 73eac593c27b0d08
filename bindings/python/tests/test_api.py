"""Every field of the record, options, to_json/to_dict, pickling, and how
the library is found."""
import copy
import datetime as dt
import glob
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import unittest

import newsmeta
from newsmeta import (Article, Link, LinkKind, Paragraph, ParagraphKind, Precision, Source,
                      Sources, Timestamp)

import nmtest

OPT_STR = (str, type(None))


def text_pages():
    """Plain-text pages: ours, plus the text fixtures (tests/fixtures/*/input.txt)."""
    out = [("text-page", nmtest.TEXT_PAGE.encode())]
    for path in sorted(glob.glob(os.path.join(nmtest.FIXTURES, "*", "input.txt"))):
        with open(path, "rb") as f:
            out.append((os.path.basename(os.path.dirname(path)), f.read()))
    return out


class FullPage(unittest.TestCase):
    """The synthetic page that fills every field the HTML parser fills."""

    @classmethod
    def setUpClass(cls):
        cls.a = newsmeta.parse_html(nmtest.FULL_HTML.encode(), url=nmtest.FULL_URL)

    def test_strings(self):
        a = self.a
        self.assertIsInstance(a, Article)
        self.assertEqual(a.url, nmtest.FULL_URL)
        self.assertEqual(a.headline, "Harbour bridge reopens after repairs")
        self.assertEqual(a.byline, "By Ana Lima and Ben Okafor")
        self.assertEqual(a.authors, ("Ana Lima", "Ben Okafor"))
        self.assertEqual(a.publisher, "Coastal Media Group")
        self.assertEqual(a.description, "The swing bridge was closed for nine months.")
        self.assertEqual(a.language, "en-GB")
        self.assertEqual(a.site_name, "The Coastal Courier")
        self.assertEqual(a.canonical_url, nmtest.FULL_URL)
        self.assertEqual(a.image, "https://www.coastal-courier.example/img/bridge.jpg")
        self.assertEqual(a.section, "Local")
        self.assertEqual(a.tags, ("Transport", "Harbour", "Bridges"))
        self.assertEqual(a.captions,
                         ("The bridge on its first morning back in service. Photo: Carla Diaz",))
        self.assertEqual(a.charset, "UTF-8")
        self.assertIsInstance(a.image_credit, OPT_STR)

    def test_timestamps(self):
        p, m = self.a.published, self.a.modified
        self.assertIsInstance(p, Timestamp)
        self.assertEqual(p.iso, "2024-05-06T08:15:00+02:00")
        self.assertEqual(p.datetime, dt.datetime(2024, 5, 6, 8, 15,
                                                 tzinfo=dt.timezone(dt.timedelta(hours=2))))
        self.assertEqual(p.datetime.utcoffset(), dt.timedelta(hours=2))
        self.assertTrue(p.aware)
        self.assertEqual(p.precision, Precision.SECOND)
        self.assertGreaterEqual(p.precision, Precision.HOUR)
        self.assertTrue(p.offset_known)
        self.assertEqual(p.offset_minutes, 120)
        self.assertEqual(p.utc_seconds, 1714976100)
        self.assertEqual(p.datetime.timestamp(), p.utc_seconds)
        self.assertEqual(p.zone, "+02:00")
        self.assertEqual(p.raw, "2024-05-06T08:15:00+02:00")
        self.assertIs(p.source, Source.JSONLD)
        self.assertEqual(p.source, "json-ld")
        self.assertEqual(m.datetime, dt.datetime(2024, 5, 6, 8, 40, 30, tzinfo=dt.timezone.utc))
        self.assertEqual(m.iso, "2024-05-06T10:40:30+02:00")

    def test_paragraphs(self):
        ps = self.a.paragraphs
        self.assertTrue(all(isinstance(p, Paragraph) for p in ps))
        kinds = [p.kind for p in ps]
        self.assertEqual(kinds, [ParagraphKind.PARAGRAPH, ParagraphKind.HEADING,
                                 ParagraphKind.PARAGRAPH, ParagraphKind.QUOTE,
                                 ParagraphKind.LIST_ITEM, ParagraphKind.LIST_ITEM,
                                 ParagraphKind.PREFORMATTED, ParagraphKind.PARAGRAPH])
        self.assertEqual(ps[1].text, "Nine months of work")
        self.assertEqual(ps[1].level, 2)
        self.assertEqual([p.level for p in ps if p.kind != ParagraphKind.HEADING], [0] * 7)
        self.assertEqual(ps[6].text, "Open:   06:00-23:00\nClosed: 23:00-06:00")
        self.assertTrue(ps[0].text.startswith("The harbour swing bridge reopened"))
        self.assertIn("\n\n".join([ps[0].text, ps[1].text]), self.a.text)

    def test_links(self):
        body, related = self.a.links
        self.assertIsInstance(body, Link)
        self.assertEqual(body.href, "https://council.example/bridge")
        self.assertEqual(body.text, "city council said")
        self.assertIs(body.kind, LinkKind.BODY)
        self.assertEqual(body.paragraph, 0)
        p0 = self.a.paragraphs[0].text
        self.assertEqual(p0.encode()[body.start:body.end].decode(), body.text)
        self.assertEqual(p0[body.char_start:body.char_end], body.text)
        self.assertEqual(related.href,
                         "https://www.coastal-courier.example/news/2023/08/01/bridge-closes")
        self.assertEqual(related.text, "Harbour bridge closes for repairs")
        self.assertIs(related.kind, LinkKind.RELATED)
        self.assertEqual(related.start, related.end)
        self.assertEqual(related.char_start, related.char_end)

    def test_sources(self):
        s = self.a.sources
        self.assertIsInstance(s, Sources)
        self.assertEqual(s.headline, "markup")
        self.assertEqual(s.byline, Source.MARKUP)
        self.assertEqual(s.authors, Source.JSONLD)
        self.assertEqual(s.publisher, Source.JSONLD)
        self.assertEqual(s.published, Source.JSONLD)
        self.assertEqual(s.modified, Source.JSONLD)
        self.assertEqual(s.description, Source.JSONLD)
        self.assertEqual(s.site_name, Source.META)
        self.assertEqual(s.canonical_url, Source.META)
        self.assertEqual(s.section, Source.JSONLD)
        self.assertEqual(s.tags, Source.JSONLD)
        self.assertEqual(s.body, Source.MARKUP)
        for name in ("language", "image"):
            self.assertIsInstance(getattr(s, name), Source)

    def test_to_dict_is_the_json_record(self):
        rec = json.loads(self.a.to_json())
        self.assertEqual(self.a.to_dict(), rec)
        self.assertEqual(rec["schema_version"], newsmeta.SCHEMA_VERSION)
        pretty = self.a.to_json(pretty=True)
        self.assertIn("\n  \"headline\"", pretty)
        self.assertEqual(json.loads(pretty), rec)
        self.assertNotIn("\n", self.a.to_json())


class EveryPage(unittest.TestCase):
    """The dataclasses carry exactly the library's record, on every page."""

    def check_mirror(self, a, where):
        rec = json.loads(a.to_json())
        self.assertEqual(a.to_dict(), rec, where)
        for key in ("url", "headline", "byline", "publisher", "description", "language",
                    "site_name", "canonical_url", "image", "image_credit", "section",
                    "charset"):
            self.assertIsInstance(getattr(a, key), OPT_STR, key)
            self.assertEqual(getattr(a, key), rec[key], "%s: %s" % (where, key))
        for key in ("authors", "tags", "captions"):  # tuples: the Article is immutable
            self.assertEqual(list(getattr(a, key)), rec[key], "%s: %s" % (where, key))
        for key in ("published", "modified"):
            t = getattr(a, key)
            if rec[key] is None:
                self.assertIsNone(t)
                continue
            self.assertEqual(t.iso, rec[key]["iso"])
            self.assertEqual(t.utc_seconds, rec[key]["utc_seconds"])
            if t.utc_seconds is not None:
                self.assertTrue(t.aware, where)
                self.assertEqual(t.datetime.timestamp(), t.utc_seconds)
                self.assertEqual(t.datetime.utcoffset(),
                                 dt.timedelta(minutes=rec[key]["offset_minutes"]))
            elif t.datetime is not None:
                self.assertIsNone(getattr(t.datetime, "tzinfo", None), where)
                self.assertEqual(isinstance(t.datetime, dt.datetime),
                                 t.precision >= Precision.HOUR, where)
                self.assertTrue(t.datetime.isoformat().startswith(t.iso) or
                                t.precision < Precision.DAY, (where, t))
        for p, rp in zip(a.paragraphs, rec["paragraphs"]):
            self.assertEqual((p.kind.value, p.text), (rp["kind"], rp["text"]))
        for l in a.links:
            if l.kind is LinkKind.BODY and l.paragraph is not None:
                text = a.paragraphs[l.paragraph].text
                self.assertEqual(text[l.char_start:l.char_end], l.text, where)
                self.assertEqual(text.encode()[l.start:l.end].decode(), l.text, where)

    def test_fixtures(self):
        for case, url, html in nmtest.fixture_pages():
            with self.subTest(case=case):
                a = newsmeta.parse_html(html, url=url)
                self.check_mirror(a, case)
                expected = os.path.join(nmtest.FIXTURES, case, "expected.json")
                if os.path.isfile(expected):
                    with open(expected, encoding="utf-8") as f:
                        self.assertEqual(a.to_dict(), json.load(f))

    def test_text_pages(self):
        for case, text in text_pages():
            with self.subTest(case=case):
                self.check_mirror(newsmeta.parse_text(text), case)

    def test_text_page(self):
        a = newsmeta.parse_text(nmtest.TEXT_PAGE)
        self.assertEqual(a.authors, ("Rachel Stone",))
        p = a.published
        self.assertEqual(p.iso, "2022-02-23")
        self.assertEqual(p.precision, Precision.DAY)
        self.assertEqual(p.datetime, dt.date(2022, 2, 23))
        self.assertNotIsInstance(p.datetime, dt.datetime)  # no invented midnight
        self.assertFalse(p.offset_known)
        self.assertIsNone(p.offset_minutes)
        self.assertIsNone(p.utc_seconds)
        self.assertIs(p.source, Source.TEXT)
        related = [l for l in a.links if l.kind is LinkKind.RELATED]
        self.assertEqual([l.text for l in related],
                         ["Riverside towns count the cost of the winter floods"])
        self.assertIsNone(related[0].href)


class Options(unittest.TestCase):
    def test_no_body_and_no_links(self):
        html = nmtest.FULL_HTML.encode()
        a = newsmeta.parse_html(html, no_body=True)
        self.assertEqual(a.paragraphs, ())
        self.assertEqual(a.links, ())
        self.assertEqual(a.headline, "Harbour bridge reopens after repairs")
        b = newsmeta.parse_html(html, no_links=True)
        self.assertEqual(b.links, ())
        self.assertEqual(len(b.paragraphs), 8)

    def test_default_timezone(self):
        with open(os.path.join(nmtest.FIXTURES, "naive_time", "input.html"), "rb") as f:
            html = f.read()
        naive = newsmeta.parse_html(html).published
        self.assertEqual(naive.iso, "2021-03-03T18:05:00")
        self.assertEqual(naive.datetime, dt.datetime(2021, 3, 3, 18, 5))
        self.assertIsNone(naive.datetime.tzinfo)
        self.assertFalse(naive.aware)
        self.assertIsNone(naive.utc_seconds)
        paris = newsmeta.parse_html(html, default_timezone="Europe/Paris").published
        self.assertEqual(paris.iso, "2021-03-03T18:05:00+01:00")
        self.assertEqual(paris.datetime.utcoffset(), dt.timedelta(hours=1))
        self.assertEqual(paris.zone, "Europe/Paris")

    def test_charset(self):
        body = "<p>Le café de la gare rouvre ses portes après des travaux de rénovation " \
               "qui ont duré près de deux ans, a annoncé la mairie.</p>"
        raw = nmtest.page(body, charset="windows-1252").replace(
            '<meta charset="windows-1252">', "").encode("cp1252")
        a = newsmeta.parse_html(raw, charset="windows-1252")
        self.assertIn("café", a.paragraphs[0].text)
        self.assertEqual(a.charset, "windows-1252")
        # A str is handed over as UTF-8, whatever its <meta> says.
        s = newsmeta.parse_html(nmtest.page(body, charset="windows-1252"))
        self.assertIn("café", s.paragraphs[0].text)
        self.assertEqual(s.charset, "UTF-8")
        # bytes-like inputs
        self.assertEqual(newsmeta.parse_html(bytearray(raw), charset="cp1252").paragraphs,
                         a.paragraphs)
        self.assertEqual(newsmeta.parse_html(memoryview(raw), charset="windows-1252").paragraphs,
                         a.paragraphs)

    def test_url_as_bytes(self):
        a = newsmeta.parse_html(nmtest.FULL_HTML, url=nmtest.FULL_URL.encode())
        self.assertEqual(a.url, nmtest.FULL_URL)


class Objects(unittest.TestCase):
    def test_pickle_and_copy(self):
        a = newsmeta.parse_html(nmtest.FULL_HTML, url=nmtest.FULL_URL)
        for b in (pickle.loads(pickle.dumps(a)), copy.copy(a), copy.deepcopy(a)):
            self.assertEqual(b, a)
            self.assertIsNot(b, a)
            # Without the C article, to_json() is written from to_dict(), identically.
            self.assertEqual(b.to_json(), a.to_json())
            self.assertEqual(b.to_json(pretty=True), a.to_json(pretty=True))

    def test_article_is_freed(self):
        a = newsmeta.parse_html(nmtest.FULL_HTML)
        owned = a._owned
        freed = []
        real = owned._free
        owned._free = lambda p: (freed.append(1), real(p))
        del owned
        del a
        self.assertEqual(freed, [1])

    def test_versions(self):
        v = newsmeta.library_version()
        self.assertRegex(v, r"^0\.\d+\.\d+")
        self.assertTrue(newsmeta.library_path())
        self.assertTrue(newsmeta.__version__)


class Loading(unittest.TestCase):
    """$NEWSMETA_LIBRARY, next to the package, then the system (each in a
    fresh interpreter)."""

    def run_py(self, code, env, cwd=None):
        return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd,
                              capture_output=True, text=True, timeout=60)

    def test_bad_env_path_is_reported(self):
        env = dict(os.environ, NEWSMETA_LIBRARY="/nonexistent/libnewsmeta.so.0")
        r = self.run_py("import newsmeta\n"
                        "try:\n    newsmeta.parse_html(b'<p>x</p>')\n"
                        "except newsmeta.LibraryNotFoundError as e:\n    print(e)\n", env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("$NEWSMETA_LIBRARY=/nonexistent/libnewsmeta.so.0: no such file", r.stdout)

    def test_next_to_package_then_system(self):
        lib = os.environ.get("NEWSMETA_LIBRARY")
        if not lib:
            self.skipTest("NEWSMETA_LIBRARY not set")
        src = os.path.join(nmtest.PY_SOURCE, "newsmeta")
        with tempfile.TemporaryDirectory() as tmp:
            pkg = os.path.join(tmp, "newsmeta")
            shutil.copytree(src, pkg, ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
            env = {k: v for k, v in os.environ.items()
                   if k not in ("NEWSMETA_LIBRARY", "LD_LIBRARY_PATH")}
            env["PYTHONPATH"] = tmp
            code = ("import newsmeta\n"
                    "try:\n    print('loaded', newsmeta.library_path())\n"
                    "except newsmeta.LibraryNotFoundError as e:\n    print(e)\n")
            # Nothing next to the package: the system path is tried, and
            # when that fails too, every place is listed.
            r = self.run_py(code, env, cwd=tmp)
            self.assertEqual(r.returncode, 0, r.stderr)
            if r.stdout.startswith("loaded"):
                self.assertIn("libnewsmeta.so.0", r.stdout)  # an installed copy
            else:
                self.assertIn("next to the package: " + os.path.join(pkg, "libnewsmeta.so.0"),
                              r.stdout)
                self.assertIn("system library path: libnewsmeta.so.0", r.stdout)
                self.assertIn('ctypes.util.find_library("newsmeta")', r.stdout)
            # A copy next to the package wins over the system.
            shutil.copy(lib, os.path.join(pkg, "libnewsmeta.so.0"))
            r = self.run_py(code, env, cwd=tmp)
            self.assertEqual(r.stdout.strip(),
                             "loaded " + os.path.join(pkg, "libnewsmeta.so.0"), r.stderr)


if __name__ == "__main__":
    unittest.main()
