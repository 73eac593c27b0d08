"""parse_file and parse_many: the CLI's records, file by file; gzip files
told by their magic bytes; errors in place; the Article immutable."""
import dataclasses
import gzip
import json
import os
import subprocess
import tempfile
import unittest

import newsmeta

import nmtest


def fixture_inputs():
    for case in sorted(os.listdir(nmtest.FIXTURES)):
        for name in ("input.html", "input.txt"):
            path = os.path.join(nmtest.FIXTURES, case, name)
            if os.path.isfile(path):
                yield path


class Files(unittest.TestCase):
    def test_parse_many_gives_the_cli_records(self):
        cli = os.environ.get("NEWSMETA_CLI")
        if not cli:
            self.skipTest("NEWSMETA_CLI is not set (the CLI is not built)")
        paths = list(fixture_inputs())
        with tempfile.TemporaryDirectory() as tmp:
            empty = os.path.join(tmp, "empty.html")
            open(empty, "wb").close()
            zipped = os.path.join(tmp, "page.html.gz")
            with open(paths[0], "rb") as f, gzip.open(zipped, "wb") as z:
                z.write(f.read())
            results = newsmeta.parse_many(paths + [empty, zipped], workers=4)
            self.assertEqual(len(results), len(paths) + 2)
            for path, got in zip(paths, results):
                want = json.loads(subprocess.run([cli, path], capture_output=True).stdout)
                self.assertIsInstance(got, newsmeta.Article, path)
                self.assertEqual(got.to_dict(), want, path)
            self.assertIsInstance(results[-2], newsmeta.Error)
            self.assertEqual(results[-2].status, newsmeta.Status.EMPTY_INPUT)
            self.assertEqual(results[-1].to_dict(), results[0].to_dict())
            missing = newsmeta.parse_many([os.path.join(tmp, "nope.html")])[0]
            self.assertIsInstance(missing, OSError)
            pairs = newsmeta.parse_many([(nmtest.FULL_HTML, nmtest.FULL_URL)])
            self.assertEqual(pairs[0].headline, "Harbour bridge reopens after repairs")
            with self.assertRaises(newsmeta.Error) as e:
                newsmeta.parse_file(zipped, max_input_bytes=100)
            self.assertEqual(e.exception.status, newsmeta.Status.TOO_LARGE)

    def test_article_is_immutable(self):
        a = newsmeta.parse_html(nmtest.FULL_HTML, nmtest.FULL_URL)
        with self.assertRaises(dataclasses.FrozenInstanceError):
            a.headline = "Something else"
        with self.assertRaises(AttributeError):
            a.authors.append("Someone")
        with self.assertRaises(dataclasses.FrozenInstanceError):
            a.paragraphs[0].text = "changed"
        self.assertEqual(a.to_dict(), json.loads(a.to_json()))


if __name__ == "__main__":
    unittest.main()
