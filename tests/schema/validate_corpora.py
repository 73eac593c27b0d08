#!/usr/bin/python3
"""Validate the CLI's record of every page of every shared corpus (HTML and
text renderings) against docs/schema.json, and check each body link's three
kinds of offsets (bytes, code points, UTF-16 units) against its text.

usage: validate_corpora.py --schema docs/schema.json --cli build/newsmeta [--shared DIR]

SHARED is --shared, else $NEWSMETA_SHARED_DIR, else ../shared beside the
repository; without it the test passes with "skipped". Needs jsonschema
(Debian: python3-jsonschema).
"""
import argparse
import concurrent.futures
import gzip
import json
import os
import subprocess
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pages(shared):
    base = os.path.join(shared, "corpus")
    for corpus in sorted(os.listdir(base)):
        truth_path = os.path.join(base, corpus, "ground-truth.json")
        if not os.path.exists(truth_path):
            continue
        truth = json.load(open(truth_path, encoding="utf-8"))
        for sub in sorted(os.listdir(os.path.join(base, corpus))):
            folder = os.path.join(base, corpus, sub)
            if sub != "html" and not sub.startswith("text-"):
                continue
            suffix = ".html.gz" if sub == "html" else ".txt.gz"
            for pid in sorted(truth):
                path = os.path.join(folder, pid + suffix)
                if os.path.exists(path):
                    yield "%s/%s/%s" % (corpus, sub, pid), path, truth[pid].get("url"), sub != "html"


def record(cli, path, url, text):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if not data.strip():
        return None
    cmd = [cli] + (["--text"] if text else ["--html"]) + (["--url", url] if url else []) + ["-"]
    p = subprocess.run(cmd, input=data, capture_output=True, timeout=120)
    return json.loads(p.stdout) if p.returncode == 0 else None


def link_problems(rec):
    for l in rec["links"]:
        if l["kind"] != "body":
            continue
        t = rec["paragraphs"][l["paragraph"]]["text"]
        raw, u16 = t.encode("utf-8"), t.encode("utf-16-le")
        spans = (raw[l["start"]:l["end"]].decode("utf-8", "replace"),
                 t[l["char_start"]:l["char_end"]],
                 u16[2 * l["utf16_start"]:2 * l["utf16_end"]].decode("utf-16-le", "replace"))
        if len(set(spans)) != 1 or spans[0] != l["text"]:
            yield "link %r: %r" % (l["text"], spans)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--schema", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--shared", default=os.environ.get("NEWSMETA_SHARED_DIR")
                    or os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "corpus")):
        print("skipped: no shared corpora at %s" % args.shared)
        return 0
    schema = json.load(open(args.schema, encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    todo = list(pages(args.shared))
    failures, checked = [], 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        results = ex.map(lambda p: record(args.cli, p[1], p[2], p[3]), todo)
        for (name, _, _, _), rec in zip(todo, results):
            if rec is None:
                continue
            checked += 1
            for err in validator.iter_errors(rec):
                failures.append("%s: %s at %s" % (name, err.message[:160], list(err.path)))
            failures += ["%s: %s" % (name, p) for p in link_problems(rec)]
    for f in failures[:30]:
        print("FAIL:", f)
    print("%d records of %d pages checked, %d failure(s)" % (checked, len(todo), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
