#!/usr/bin/env python3
"""Inputs, batch records and options of the CLI (issue 18, items 2-4):
a directory tree of fixtures with gzip-compressed pages read recursively in
path order (--jsonl -j2 DIR, -o OUT DIR), gzip by its magic bytes in single
mode and on stdin, --files-from PATH<TAB>URL, "input" first in every batch
record (the path, a stream record's id, or stdin:LINE), getopt_long
conventions (bundled flags, --opt=value, -j4, --), --url with several
inputs refused, --no-links, and the progress line forced on a pipe.

usage: inputs.py NEWSMETA_CLI FIXTURES_DIR
"""
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

cli, fixtures = sys.argv[1], sys.argv[2]
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL: " + msg, file=sys.stderr)


def run(args, stdin=None):
    p = subprocess.run([cli] + args, input=stdin, capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def single(path, *extra):
    """The single-mode record of a page, as a dict."""
    rc, out, err = run(list(extra) + [path])
    check(rc == 0, "single %s: exit %d, %s" % (path, rc, err))
    return json.loads(out) if rc == 0 else None


def make_tree(work):
    """A tree of fixture pages, some gzip-compressed, and files that are
    not pages; returns (root, [(relative path, fixture page)] in path order)."""
    names = sorted(d for d in os.listdir(fixtures)
                   if os.path.isfile(os.path.join(fixtures, d, "input.html")))[:6]
    root = os.path.join(work, "tree")
    layout = ["a.html", "b.htm.gz", "sub/c.xhtml", "sub/deep/d.html.gz", "sub-e.html",
              "z/e.HTML"]
    pages = []
    for rel, name in zip(layout, names):
        src = os.path.join(fixtures, name, "input.html")
        dst = os.path.join(root, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(src, "rb") as f:
            data = f.read()
        with open(dst, "wb") as f:
            f.write(gzip.compress(data) if rel.endswith(".gz") else data)
        pages.append((rel, src))
    for junk in ("notes.txt", "sub/image.png", "sub/deep/data.json"):
        with open(os.path.join(root, junk), "w") as f:
            f.write("not a page\n")
    os.symlink(root, os.path.join(root, "sub", "loop"))  # not followed
    pages.sort(key=lambda p: os.path.join(root, p[0]))
    return root, pages


def directory(work):
    root, pages = make_tree(work)
    rc, out, err = run(["--jsonl", "-j2", root])
    check(rc == 0, "--jsonl -j2 DIR: exit %d, %s" % (rc, err))
    lines = [json.loads(line) for line in out.splitlines()]
    check([r.get("input") for r in lines] == [os.path.join(root, rel) for rel, _ in pages],
          "--jsonl DIR: the pages in path order, each named: %s"
          % [r.get("input") for r in lines])
    for rec, (rel, src) in zip(lines, pages):
        check(list(rec)[0] == "input", "%s: \"input\" is the first key" % rel)
        rec.pop("input")
        check(rec == single(src), "%s: the record of the fixture page" % rel)
    rc, out, _ = run(["--jsonl", "-j1", root + "/"])
    check(rc == 0 and [json.loads(line)["input"] for line in out.splitlines()] ==
          [os.path.join(root, rel) for rel, _ in pages], "DIR/ names its pages DIR/PAGE")
    # a directory alone needs no --jsonl
    rc, out2, _ = run([root])
    check(rc == 0 and len(out2.splitlines()) == len(pages), "DIR alone: batch mode")

    outdir = os.path.join(work, "out")
    rc, out, err = run(["-o", outdir + "/", "-j2", root])
    check(rc == 0 and out == "", "-o OUT DIR: exit %d, stdout %r, %s" % (rc, out[:100], err))
    want = sorted(re.sub(r"\.(x?html?)(\.gz)?$", "", rel, flags=re.I) + ".json"
                  for rel, _ in pages)
    got = sorted(os.path.relpath(os.path.join(d, f), outdir)
                 for d, _, files in os.walk(outdir) for f in files)
    check(got == want, "-o: mirrored names %s, want %s" % (got, want))
    for rel, src in pages:
        name = re.sub(r"\.(x?html?)(\.gz)?$", "", rel, flags=re.I) + ".json"
        path = os.path.join(outdir, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                rec = json.loads(f.read())
            check(rec.pop("input", None) == os.path.join(root, rel) and rec == single(src),
                  "-o: %s holds the record of %s" % (name, rel))

    # -f markdown -o: one .md file per page, as the page alone would print it
    mdout = os.path.join(work, "md")
    rc, out, err = run(["-f", "markdown", "--metadata", "-o", mdout, root])
    check(rc == 0 and out == "", "-f markdown -o: exit %d, %s" % (rc, err))
    for rel, src in pages:
        name = re.sub(r"\.(x?html?)(\.gz)?$", "", rel, flags=re.I) + ".md"
        path = os.path.join(mdout, name)
        alone = run(["-f", "markdown", "--metadata", src])[1]
        check(os.path.exists(path) and open(path, encoding="utf-8").read() == alone
              and alone.startswith("---\n"), "-f markdown -o: %s is the page's Markdown" % name)
    rc, out, err = run(["-f", "html", root])
    check(rc == 2 and "--output-dir" in err, "-f html with a directory needs -o: %d %s" % (rc, err))
    rc, out, err = run(["--format=xml", pages[0][1]])
    check(rc == 2, "--format=xml is a usage error")


def archive_in_directory(work):
    """A WARC archive found in a directory: its pages, and with -o one
    .jsonl file holding its records (error records included)."""
    seed = os.path.join(fixtures, "..", "fuzz", "seeds", "warc", "damaged-cut-end.warc.gz")
    root = os.path.join(work, "crawl")
    os.makedirs(os.path.join(root, "day1"))
    shutil.copy(seed, os.path.join(root, "day1", "crawl.warc.gz"))
    rc, out, _ = run(["--jsonl", root])
    recs = [json.loads(line) for line in out.splitlines()]
    archive = os.path.join(root, "day1", "crawl.warc.gz")
    check(rc == 1 and len(recs) >= 2 and all(r.get("input") == archive for r in recs)
          and all(list(r)[:2] in (["input", "warc"], ["input", "error"]) for r in recs),
          "an archive in a directory: its records, input and warc first: %r" % out[:300])
    outdir = os.path.join(work, "crawl-out")
    rc, _, _ = run(["-o", outdir, root])
    path = os.path.join(outdir, "day1", "crawl.jsonl")
    lines = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []
    check(rc == 1 and [json.loads(line) for line in lines] == recs,
          "-o: the archive's records in day1/crawl.jsonl")


def gzip_inputs(work):
    src = os.path.join(fixtures, "boilerplate", "input.html")
    with open(src, "rb") as f:
        data = f.read()
    want = single(src)
    gz = os.path.join(work, "page.bin")  # told by its bytes, not its name
    with open(gz, "wb") as f:
        f.write(gzip.compress(data[:100]) + gzip.compress(data[100:]))  # two members
    check(single(gz) == want, "gzip file (two members) in single mode")
    rc, out, err = run(["-"], stdin=gzip.compress(data))
    check(rc == 0 and json.loads(out) == want, "gzip on stdin: exit %d, %s" % (rc, err))
    cut = os.path.join(work, "cut.html.gz")
    with open(cut, "wb") as f:
        f.write(gzip.compress(data)[:-40])
    rc, out, err = run([cut])
    check(rc == 1 and "gzip" in err, "a cut gzip file: exit 1 naming gzip, got %d %r" % (rc, err))
    rc, out, err = run(["--jsonl", cut])
    rec = json.loads(out) if out else {}
    check(rc == 1 and rec.get("error", {}).get("status") == 11,
          "a cut gzip file in batch mode: an error record of status 11: %r" % out[:200])


def files_from_and_stream(work):
    pages = sorted(os.path.join(fixtures, d, "input.html") for d in os.listdir(fixtures)
                   if os.path.isfile(os.path.join(fixtures, d, "input.html")))[:3]
    listing = os.path.join(work, "list.tsv")
    with open(listing, "w", encoding="utf-8") as f:
        for i, p in enumerate(pages):
            f.write("%s\thttps://news.example/%d/story\n" % (p, i) if i != 1 else p + "\n")
    rc, out, err = run(["--files-from", listing, "-j2"])
    recs = [json.loads(line) for line in out.splitlines()]
    check(rc == 0 and len(recs) == 3, "--files-from with tabs: exit %d, %s" % (rc, err))
    for i, (rec, p) in enumerate(zip(recs, pages)):
        url = "https://news.example/%d/story" % i if i != 1 else None
        check(rec.get("input") == p and rec.get("url") == url,
              "--files-from line %d: input %r url %r" % (i + 1, rec.get("input"), rec.get("url")))
        rec.pop("input")
        check(rec == single(p, *(["--url", url] if url else [])),
              "--files-from line %d: the page's record with its URL" % (i + 1))

    html = open(pages[0], encoding="utf-8").read()
    stream = "".join(json.dumps(r) + "\n" for r in (
        {"id": "doc-7", "url": "https://news.example/a", "html": html},
        {"id": 42, "html": html},
        {"html": html},
        {"id": "bad"}))
    rc, out, _ = run(["--jsonl", "-j2"], stdin=stream.encode())
    recs = [json.loads(line) for line in out.splitlines()]
    check(rc == 1 and [r.get("input") for r in recs] == ["doc-7", 42, "stdin:3", "bad"],
          "stream: the ids passed through, else stdin:LINE: %r"
          % [r.get("input") for r in recs])
    check(recs and recs[-1].get("error", {}).get("input") == "stdin:4",
          "stream: the error record keeps error.input stdin:LINE")
    outdir = os.path.join(work, "stream-out")
    rc, _, err = run(["-o", outdir, "-j1"], stdin=stream.encode())
    got = sorted(os.listdir(outdir)) if os.path.isdir(outdir) else []
    check(rc == 1 and got == ["42.json", "doc-7.json", "stdin-3.json"] and '"bad"' in err,
          "stream -o: files by id, the error on stderr: %s %r" % (got, err[:200]))


def options(work):
    page = os.path.join(fixtures, "boilerplate", "input.html")
    other = os.path.join(fixtures, "broken", "input.html")
    pretty = run(["--pretty", "--text", page])[1]
    check(run(["-pt", page])[1] == pretty, "-pt is -p -t")
    url = "https://news.example/2026/03/14/story"
    want = run(["--url", url, page])[1]
    check(run(["--url=" + url, page])[1] == want, "--url=URL")
    check(run(["-u" + url, page])[1] == want, "-uURL")
    check(run([page, "--url", url])[1] == want, "an option after the operand")
    dash = os.path.join(work, "-page.html")
    shutil.copy(page, dash)
    check(run(["--", dash])[1] == run([page])[1], "-- ends the options: -page.html is a file")
    j = [run(a + ["--jsonl", page, other])[1] for a in (["-j4"], ["-j", "4"], ["--jobs=4"])]
    check(j[0] == j[1] == j[2] and len(j[0].splitlines()) == 2, "-j4, -j 4, --jobs=4")
    for bad in (["--jobs=0"], ["-jx"], ["--bogus"], ["-y"], ["--url"], ["-z", "Nowhere/Atlantis"],
                ["--url", url, page, other], ["--url", url, "--jsonl", page, other],
                ["--url=" + url, os.path.dirname(page)]):
        rc, out, err = run(bad + ([page] if bad[0] in ("--jobs=0", "-jx", "--bogus", "-y",
                                                        "-z") else []))
        check(rc == 2 and not out and err.startswith("newsmeta: "),
              "%s: a usage error (exit %d, %r)" % (" ".join(bad), rc, err[:120]))
    with_links = json.loads(run([page])[1])
    no_links = json.loads(run(["--no-links", page])[1])
    check(no_links["links"] == [] and no_links["paragraphs"] == with_links["paragraphs"],
          "--no-links: the body without its links")


def progress(work):
    pages = [os.path.join(fixtures, d, "input.html") for d in sorted(os.listdir(fixtures))
             if os.path.isfile(os.path.join(fixtures, d, "input.html"))][:5]
    rc, out, err = run(["--progress", "--jsonl", "-j2"] + pages)
    check(rc == 0 and len(out.splitlines()) == 5, "--progress: the records on stdout")
    check(re.search(r"^5/5 pages, \d+ pages/s, 0 errors$", err, flags=re.M) is not None
          and "\r" not in err and "\x1b" not in err,
          "--progress to a pipe: lines with done/total: %r" % err)
    rc, _, err = run(["--progress", "--quiet", "--jsonl"] + pages)
    check(rc == 0 and err == "", "--quiet after --progress: no progress line: %r" % err)
    rc, _, err = run(["--jsonl"] + pages)
    check(rc == 0 and err == "", "not a terminal: no progress line by default: %r" % err)


with tempfile.TemporaryDirectory() as work:
    directory(work)
    archive_in_directory(work)
    gzip_inputs(work)
    files_from_and_stream(work)
    options(work)
    progress(work)
if failures:
    sys.exit(1)
print("inputs and options: ok")
