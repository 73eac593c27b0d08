#!/usr/bin/env python3
"""Both shared corpora's folders of .html.gz pages as CLI inputs (issue 18,
acceptance): `newsmeta --jsonl -j2 DIR` gives one record per page, in path
order, each named by "input", and `newsmeta -o OUT -j2 DIR` writes the same
records one file each (OUT/<id>.json); a sample of pages equals the
single-page record of the decompressed page. Skipped (exit 0, a message)
without ../shared.

usage: corpus_dirs.py NEWSMETA_CLI [--shared DIR]
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
cli = sys.argv[1]
args = sys.argv[2:]
shared = (args[args.index("--shared") + 1] if "--shared" in args else
          os.environ.get("NEWSMETA_SHARED_DIR") or os.path.join(ROOT, "..", "shared"))
base = os.path.join(shared, "corpus")
if not os.path.isdir(base):
    print("skipped: no shared corpora in %s" % base)
    sys.exit(0)
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL: " + msg, file=sys.stderr)


with tempfile.TemporaryDirectory() as work:
    for corpus in sorted(os.listdir(base)):
        html = os.path.join(base, corpus, "html")
        if not os.path.isdir(html):
            continue
        names = sorted(f for f in os.listdir(html) if f.endswith(".html.gz"))
        p = subprocess.run([cli, "--jsonl", "-j2", "--quiet", html], capture_output=True,
                           timeout=600)
        lines = p.stdout.decode("utf-8").splitlines()
        recs = [json.loads(line) for line in lines]
        check(len(recs) == len(names), "%s: %d records for %d pages (exit %d)"
              % (corpus, len(recs), len(names), p.returncode))
        check([r.get("input") for r in recs] == [os.path.join(html, n) for n in names],
              "%s: the records in path order, each named by its input" % corpus)
        out = os.path.join(work, corpus)
        p = subprocess.run([cli, "-o", out, "-j2", html], capture_output=True, timeout=600)
        by_name = {r.get("input"): r for r in recs}
        written = sorted(os.listdir(out)) if os.path.isdir(out) else []
        ok = [n for n in names if "error" not in by_name.get(os.path.join(html, n), {})]
        check(written == sorted(n[:-len(".html.gz")] + ".json" for n in ok),
              "%s: -o writes one .json per page extracted" % corpus)
        for n in ok:
            with open(os.path.join(out, n[:-len(".html.gz")] + ".json"), encoding="utf-8") as f:
                if json.load(f) != by_name[os.path.join(html, n)]:
                    check(False, "%s: -o file of %s differs from its --jsonl line" % (corpus, n))
                    break
        for n in names[::max(1, len(names) // 10)]:  # a sample: single mode on stdin
            with gzip.open(os.path.join(html, n), "rb") as f:
                page = f.read()
            p = subprocess.run([cli, "-"], input=page, capture_output=True, timeout=60)
            rec = dict(by_name.get(os.path.join(html, n), {}))
            rec.pop("input", None)
            if p.returncode == 0:
                check(json.loads(p.stdout) == rec,
                      "%s: %s as a file of DIR and on stdin" % (corpus, n))
        print("%s: %d pages" % (corpus, len(recs)))
if failures:
    sys.exit(1)
print("corpus folders: ok")
