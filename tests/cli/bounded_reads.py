#!/usr/bin/env python3
"""Bounded reads of the CLI (issue 17, item 3): every input stops at the
input limit + 1 byte and is refused as too large, holding at most about
the limit in memory; read errors on a path list or the stream are errors.

usage: bounded_reads.py NEWSMETA_CLI [--sanitized]

Each run's peak RSS is the child's own ru_maxrss (os.wait4). It must stay
below 2x the limit. In a sanitizer build (--sanitized) ASan adds its shadow
memory, redzones and the quarantine of freed blocks (the smaller buffers a
stream's buffer grew from): about 3.5x the limit in all, so the bound is 6x
there. A watchdog kills a run whose RSS passes 8x the limit or that
outlives its time, so a read without a bound fails the test, sanitized or
not, instead of eating the machine's memory. The child's ru_maxrss counts
the pages it shared with this process when it was forked, so this driver
never holds a large buffer: big inputs are sparse files, /dev/zero, or
written through a pipe.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

LIMIT = 64 * 1024 * 1024  # NEWSMETA_DEFAULT_MAX_INPUT_BYTES, the CLI's limit
PATH_MAX = 4096

cli = sys.argv[1]
sanitized = "--sanitized" in sys.argv[2:]
rss_bound = (6 if sanitized else 2) * LIMIT
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def watch(proc, seconds, stop):
    """Kill proc when it grows past 8x the limit or runs too long."""
    deadline = time.monotonic() + seconds
    while not stop.wait(0.02):
        if rss_kib(proc.pid) * 1024 > 8 * LIMIT or time.monotonic() > deadline:
            proc.kill()
            return


def feed_pipe(pipe, feed):
    try:
        feed(pipe)
        pipe.close()
    except BrokenPipeError:
        pass


def run(args, stdin=subprocess.DEVNULL, seconds=60, feed=None):
    """(exit code, stdout, stderr, peak RSS in bytes) of one CLI run;
    feed(pipe), when given, writes its standard input."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([cli] + args, stdin=subprocess.PIPE if feed else stdin,
                                stdout=out, stderr=err)
        stop = threading.Event()
        watchdog = threading.Thread(target=watch, args=(proc, seconds, stop))
        watchdog.start()
        feeder = threading.Thread(target=feed_pipe, args=(proc.stdin, feed)) if feed else None
        if feeder:
            feeder.start()
        _, status, usage = os.wait4(proc.pid, 0)
        if feeder:
            feeder.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        watchdog.join()
        out.seek(0)
        err.seek(0)
        return (proc.returncode, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"), usage.ru_maxrss * 1024)


def expect_too_large(what, args, stdin=subprocess.DEVNULL, max_seconds=None):
    start = time.monotonic()
    rc, out, err, rss = run(args, stdin)
    took = time.monotonic() - start
    if rc != 1 or "too large" not in err or out:
        fail("%s: want exit 1 and 'too large', got %d, stderr %r" % (what, rc, err[:200]))
    if rss >= rss_bound:
        fail("%s: peak RSS %d MiB, bound %d MiB" % (what, rss >> 20, rss_bound >> 20))
    if max_seconds is not None and took > max_seconds:
        fail("%s: took %.1f s" % (what, took))
    print("%s: exit %d, peak RSS %d MiB, %.2f s" % (what, rc, rss >> 20, took))


PAGE = ("<html><head><title>A Headline Of Some Words</title></head><body>"
        "<p>A body paragraph that is long enough to be read as prose.</p></body></html>")
HEADLINE = "A Headline Of Some Words"


def batch_records(what, args, count, **run_args):
    """The records of a batch run that exits 1 (some lines failed), and its
    peak RSS; None after a failure."""
    rc, out, err, rss = run(args, **run_args)
    lines = out.splitlines()
    if rc != 1 or len(lines) != count:
        fail("%s: want exit 1 and %d records, got %d, %d: %r"
             % (what, count, rc, len(lines), err[:200]))
        return None, rss
    records = [json.loads(line) for line in lines]
    for i, rec in enumerate(records):
        if "error" not in rec and rec.get("headline") != HEADLINE:
            fail("%s, record %d: want the page's record, got %r" % (what, i + 1, lines[i][:200]))
    return records, rss


def single_inputs(work):
    expect_too_large("newsmeta /dev/zero", ["/dev/zero"])
    with open("/dev/zero", "rb") as zero:
        expect_too_large("newsmeta < /dev/zero", [], stdin=zero)
    head = subprocess.Popen(["head", "-c", str(LIMIT + 65536), "/dev/zero"],
                            stdout=subprocess.PIPE)
    expect_too_large("a pipe of limit + 64 KiB", ["-"], stdin=head.stdout)
    head.stdout.close()
    head.wait()
    sparse = os.path.join(work, "sparse")
    with open(sparse, "wb") as f:
        f.truncate(1 << 30)
    # its size says enough: nothing is read
    expect_too_large("a sparse 1 GiB file", [sparse], max_seconds=5)
    with open(sparse, "rb") as f:
        expect_too_large("a sparse 1 GiB file on stdin", [], stdin=f, max_seconds=5)
    # the limit itself is read (and refused for its NULs, not its size)
    with open(sparse, "wb") as f:
        f.truncate(LIMIT)
    start = time.monotonic()
    rc, _, err, rss = run([sparse])
    if rc != 1 or "too large" in err:
        fail("a file of exactly the limit: want it read, got %d, %r" % (rc, err[:200]))
    print("a file of exactly the limit: exit %d (%s), peak RSS %d MiB, %.2f s"
          % (rc, err.strip(), rss >> 20, time.monotonic() - start))
    with open(sparse, "wb") as f:
        f.truncate(LIMIT + 1)
    expect_too_large("a file of the limit + 1 byte", [sparse], max_seconds=5)


def gzip_bombs(work):
    """A gzip file of 4x the limit of zeros (about 250 KiB compressed): it
    stops at the limit + 1 inflated byte, in single mode, on stdin and in a
    batch, and the run holds no more than the limit."""
    import zlib
    bomb = os.path.join(work, "bomb.html.gz")
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(1 << 20)
    with open(bomb, "wb") as f:
        for _ in range(4 * LIMIT // len(chunk)):
            f.write(z.compress(chunk))
        f.write(z.flush())
    expect_too_large("a gzip bomb", [bomb], max_seconds=20)
    with open(bomb, "rb") as f:
        expect_too_large("a gzip bomb on stdin", [], stdin=f, max_seconds=20)
    page = os.path.join(work, "page.html.gz")
    with open(page, "wb") as f:
        f.write(gzip.compress(PAGE.encode()))
    records, rss = batch_records("a gzip bomb in a batch",
                                 ["--jsonl", "-j", "1", page, bomb, page], 3)
    if records and (records[1].get("error", {}).get("status") != 5 or
                    "error" in records[0] or "error" in records[2]):
        fail("a gzip bomb in a batch: want a too-large error record for it only")
    if rss >= rss_bound:
        fail("a gzip bomb in a batch: peak RSS %d MiB, bound %d MiB" % (rss >> 20, rss_bound >> 20))
    print("a gzip bomb in a batch: peak RSS %d MiB" % (rss >> 20))


def jsonl_stream():
    """One oversized line among good ones: an error record in its place.
    The line is 4x the limit, so that a reader holding it whole would pass
    the bound; it is written through a pipe, never held here."""
    good = (json.dumps({"url": "https://example.test/a", "html": PAGE}) + "\n").encode()

    def feed(pipe):
        pipe.write(good + b'{"html": "')
        chunk = b"a" * (1 << 20)
        for _ in range(4 * LIMIT // len(chunk)):
            pipe.write(chunk)
        pipe.write(b'"}\n' + good)

    what = "JSONL with an oversized line"
    records, rss = batch_records(what, ["--jsonl", "-j", "1"], 3, feed=feed)
    if records and [("error" in r) for r in records] != [False, True, False]:
        fail("%s: want an error record for line 2 only" % what)
    elif records:
        bad = records[1]["error"]
        if bad.get("status") != 5 or bad.get("input") != "stdin:2" or \
                "too large" not in bad.get("message", ""):
            fail("%s: want a too-large error record, got %.200r" % (what, bad))
    if rss >= rss_bound:
        fail("JSONL oversized line: peak RSS %d MiB, bound %d MiB"
             % (rss >> 20, rss_bound >> 20))
    print("%s: peak RSS %d MiB" % (what, rss >> 20))


def path_lists(work):
    rc, out, err, _ = run(["--files-from", work])
    if rc != 3 or out or "cannot read" not in err:
        fail("--files-from a directory: want exit 3 and a message, got %d, %r" % (rc, err))
    directory = os.open(work, os.O_RDONLY)  # a directory as the stream
    rc, out, err, _ = run(["--jsonl"], stdin=directory)
    os.close(directory)
    if rc != 3 or out or "cannot read" not in err:
        fail("a directory as the JSONL stream: want exit 3, got %d, %r" % (rc, err))
    rc, _, err, _ = run(["--files-from", os.path.join(work, "missing")])
    if rc != 3 or "cannot open" not in err:
        fail("--files-from a missing list: want exit 3, got %d, %r" % (rc, err))
    page = os.path.join(work, "page.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(PAGE)
    listing = os.path.join(work, "list.txt")
    with open(listing, "wb") as f:
        f.write(page.encode() + b"\n" + b"x" * (8 * PATH_MAX) + b"\n" +
                page.encode() + b"\0tail\n" + page.encode() + b"\n")
    records, _ = batch_records("--files-from with bad lines",
                               ["--files-from", listing, "-j", "1"], 4)
    for i, why in ((0, None), (1, "longer than"), (2, "NUL"), (3, None)) if records else ():
        bad = records[i].get("error")
        if why and (not bad or bad.get("input") != "%s:%d" % (listing, i + 1) or
                    why not in bad.get("message", "")):
            fail("--files-from line %d: want an error record (%s), got %.200r"
                 % (i + 1, why, bad))
        elif not why and bad:
            fail("--files-from line %d: want the page's record, got %.200r" % (i + 1, bad))
    print("path lists: ok")


with tempfile.TemporaryDirectory() as work:
    single_inputs(work)
    gzip_bombs(work)
    jsonl_stream()
    path_lists(work)
if failures:
    sys.exit(1)
print("bounded reads: ok")
