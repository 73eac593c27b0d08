#!/usr/bin/env python3
"""The shared corpora's pages in one WARC archive: the CLI gives the same
records from the archive as from the page files, plus the "warc" object.

usage: corpus.py NEWSMETA_CLI [--shared DIR] [--keep ARCHIVE]

Every HTML page of every corpus under SHARED/corpus (SHARED: --shared, else
$NEWSMETA_SHARED_DIR, else ../shared beside the repository) is written as a
gzip-compressed `response` record (one gzip member per record, as crawlers
write them) with its URL from the corpus's ground truth, after a warcinfo
record and a `request` record per page. Then `newsmeta --jsonl -j 2 ARCHIVE`
must give one record per page, in order, each equal to `newsmeta --url URL
PAGE` less its "warc" object, whose fields must point back at the record.
Exits 0 (skipped) when the shared folder is absent. --keep writes the
archive there and keeps it (bench/warc-speed uses it). Standard library only.
"""
import concurrent.futures
import gzip
import json
import os
import subprocess
import sys
import tempfile
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def shared_dir(args):
    if "--shared" in args:
        return args[args.index("--shared") + 1]
    return os.environ.get("NEWSMETA_SHARED_DIR") or os.path.join(ROOT, "..", "shared")


def corpus_pages(shared):
    """(id, url, html bytes) of every HTML page of every corpus, in order."""
    base = os.path.join(shared, "corpus")
    for corpus in sorted(os.listdir(base)):
        truth_path = os.path.join(base, corpus, "ground-truth.json")
        if not os.path.exists(truth_path):
            continue
        with open(truth_path, encoding="utf-8") as f:
            truth = json.load(f)
        for pid in sorted(truth):
            path = os.path.join(base, corpus, "html", pid + ".html.gz")
            if os.path.exists(path):
                with gzip.open(path, "rb") as f:
                    yield corpus + "/" + pid, truth[pid].get("url") or "", f.read()


def warc_record(kind, uri, content_type, block, date="2026-03-14T09:30:00Z"):
    head = ["WARC/1.1", "WARC-Type: " + kind,
            "WARC-Record-ID: <urn:uuid:%s>" % uuid.uuid4(), "WARC-Date: " + date]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += ["Content-Type: " + content_type, "Content-Length: %d" % len(block), "", ""]
    return gzip.compress("\r\n".join(head).encode() + block + b"\r\n\r\n", compresslevel=6)


def write_archive(shared, path):
    """Writes the archive; returns [(id, url, page path or bytes)] in order."""
    pages = []
    with open(path, "wb") as out:
        out.write(warc_record("warcinfo", None, "application/warc-fields",
                              b"software: newsmeta tests/warc/corpus.py\r\n"))
        for pid, url, html in corpus_pages(shared):
            request = ("GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % url.split("/")[2:3]).encode()
            out.write(warc_record("request", url, "application/http; msgtype=request", request))
            response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
            out.write(warc_record("response", url, "application/http; msgtype=response", response))
            pages.append((pid, url, html))
    return pages


def file_record(cli, url, html):
    cmd = [cli] + (["--url", url] if url else []) + ["--html", "-"]
    p = subprocess.run(cmd, input=html, capture_output=True, timeout=120)
    return json.loads(p.stdout) if p.returncode == 0 else None


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    cli, shared = args[0], shared_dir(args)
    if not os.path.isdir(os.path.join(shared, "corpus")):
        print("skipped: no shared corpora at %s" % shared)
        return 0
    keep = args[args.index("--keep") + 1] if "--keep" in args else None
    tmp = None if keep else tempfile.mkdtemp(prefix="nm-warc-corpus-")
    archive = keep or os.path.join(tmp, "corpus.warc.gz")
    pages = write_archive(shared, archive)
    p = subprocess.run([cli, "--jsonl", "-j", "2", archive], capture_output=True, timeout=1200)
    records = [json.loads(line) for line in p.stdout.decode("utf-8").splitlines()]
    failures = []
    if len(records) != len(pages):
        failures.append("%d records for %d pages" % (len(records), len(pages)))
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        expected = list(ex.map(lambda page: file_record(cli, page[1], page[2]), pages))
    for (pid, url, _), want, got in zip(pages, expected, records):
        got.pop("input", None)
        warc = got.pop("warc", {})
        if warc.get("target_uri") != url or warc.get("archive") != archive:
            failures.append("%s: warc object %s" % (pid, warc))
        if "error" in got:
            if want is not None:
                failures.append("%s: an error record from the archive only: %s" % (pid, got))
        elif got != want:
            keys = sorted(k for k in set(got) | set(want or {}) if (want or {}).get(k) != got.get(k))
            failures.append("%s: the record differs from the file's (keys %s)" % (pid, keys[:5]))
    for f in failures[:20]:
        print("FAIL:", f)
    print("%d pages, %d records, %d failure(s)" % (len(pages), len(records), len(failures)))
    if tmp:
        os.remove(archive)
        os.rmdir(tmp)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
