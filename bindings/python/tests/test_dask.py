"""Smoke test of examples/python/dask_extract.py: a LocalCluster with two
worker processes over the repository's fixture pages (plus one that fails)
writes one record per page, equal to a local parse."""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

import newsmeta

import nmtest


class DaskExample(unittest.TestCase):
    def test_two_workers(self):
        if importlib.util.find_spec("distributed") is None:
            self.fail("dask.distributed is not importable by %s (Debian: apt-get install "
                      "python3-distributed)" % sys.executable)
        script = os.path.join(nmtest.EXAMPLES, "python", "dask_extract.py")
        with tempfile.TemporaryDirectory() as tmp:
            pages = os.path.join(tmp, "pages")
            os.mkdir(pages)
            want = {}
            for case, _, html in nmtest.fixture_pages():
                name = case + ".html"
                with open(os.path.join(pages, name), "wb") as f:
                    f.write(html)
                rec = {"file": name}
                rec.update(newsmeta.parse_html(html).to_dict())
                want[name] = rec
            with open(os.path.join(pages, "zz-empty.html"), "wb"):
                pass
            with open(os.path.join(pages, "notes.txt"), "w") as f:  # not *.html: skipped
                f.write("not a page")
            out = os.path.join(tmp, "out.jsonl")
            t = time.perf_counter()
            r = subprocess.run([sys.executable, script, pages, "-n", "2", "-o", out],
                               cwd=tmp, capture_output=True, text=True, timeout=110)
            took = time.perf_counter() - t
            self.assertEqual(r.returncode, 1, r.stderr)  # 1: a page failed
            with open(out, encoding="utf-8") as f:
                records = [json.loads(line) for line in f]
            self.assertEqual(len(records), len(want) + 1)
            self.assertEqual([r_["file"] for r_ in records], sorted(want) + ["zz-empty.html"])
            for rec in records[:-1]:
                self.assertEqual(rec, want[rec["file"]])
            err = records[-1]
            self.assertEqual(sorted(err), ["error", "file"])
            self.assertEqual(err["file"], "zz-empty.html")
            self.assertEqual(sorted(err["error"]), ["input", "message", "name", "status"])
            self.assertEqual((err["error"]["input"], err["error"]["status"], err["error"]["name"]),
                             ("zz-empty.html", int(newsmeta.Status.EMPTY_INPUT), "empty input"))
            self.assertTrue(err["error"]["message"])
            self.assertRegex(r.stderr, r"%d pages, %d records \(1 errors\) with 2 worker "
                             r"thread\(s\).*pages/s" % (len(want) + 1, len(want) + 1))
            # the workers' scratch space went to a temporary directory, not the cwd
            self.assertEqual(sorted(os.listdir(tmp)), ["out.jsonl", "pages"])
            print("\n%s(whole run %.1f s)" % (r.stderr, took))


if __name__ == "__main__":
    unittest.main()
