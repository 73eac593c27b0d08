"""examples/dask-warc.py on a LocalCluster with two worker processes over
four archives written here (one with a damaged gzip member): its .jsonl.gz
files hold exactly the CLI's records of each archive (`newsmeta --jsonl`)."""
import gzip
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

import nmtest
from test_warc import record, response


class DaskWarc(unittest.TestCase):
    def test_four_archives_two_workers(self):
        if importlib.util.find_spec("distributed") is None:
            self.fail("dask.distributed is not importable by %s (Debian: apt-get install "
                      "python3-distributed)" % sys.executable)
        cli = os.environ.get("NEWSMETA_CLI")
        if not cli:
            self.skipTest("NEWSMETA_CLI is not set (the CLI is not built)")
        pages = nmtest.fixture_pages()
        with tempfile.TemporaryDirectory() as tmp:
            archives = os.path.join(tmp, "archives")
            os.mkdir(archives)
            for n in range(4):
                parts = [record("warcinfo", None, "application/warc-fields", b"x: y\r\n")]
                for case, url, html in pages[n::4]:
                    parts.append(response(url or "https://news.example/" + case, html))
                if n == 2:
                    parts.insert(1, parts[1][:len(parts[1]) // 2])
                with open(os.path.join(archives, "crawl-%d.warc.gz" % n), "wb") as f:
                    f.write(b"".join(parts))
            out = os.path.join(tmp, "records")
            script = os.path.join(nmtest.EXAMPLES, "dask-warc.py")
            r = subprocess.run([sys.executable, script, archives, "-n", "2", "-o", out],
                               cwd=tmp, capture_output=True, text=True, timeout=110)
            self.assertEqual(r.returncode, 1, r.stderr)  # 1: one damaged stretch
            self.assertRegex(r.stderr, r"4 archives, %d records \(1 errors\) with 2 worker "
                             r"thread\(s\).*pages/s" % (len(pages) + 1))
            for n in range(4):
                archive = os.path.join(archives, "crawl-%d.warc.gz" % n)
                cli_run = subprocess.run([cli, "--jsonl", "-j", "2", archive],
                                         capture_output=True, timeout=60)
                want = [json.loads(line) for line in cli_run.stdout.decode().splitlines()]
                with gzip.open(os.path.join(out, "crawl-%d.jsonl.gz" % n), "rt",
                               encoding="utf-8") as f:
                    got = [json.loads(line) for line in f]
                self.assertEqual(got, want, "crawl-%d" % n)
            self.assertEqual(sorted(os.listdir(out)),
                             ["crawl-%d.jsonl.gz" % n for n in range(4)])


if __name__ == "__main__":
    unittest.main()
