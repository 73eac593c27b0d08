#!/usr/bin/env python3
"""WARC archives made by a real crawler and by hand, read by the newsmeta CLI.

usage: archives.py NEWSMETA_CLI FIXTURES_DIR

1. wget (Debian's, --warc-file) fetches every HTML fixture from a local HTTP
   server four ways (as is, gzip-encoded, chunked, chunked and gzip-encoded),
   plus an image and a missing page, into a gzip archive and a plain one.
   `newsmeta --jsonl ARCHIVE` must give each page once, and each record must
   equal, less its "warc" object, the CLI's record of the fixture file read
   with the same URL.
2. Archives written here with damage: a gzip member cut short, a wrong
   Content-Length (too long, too short), garbage between records, a record
   cut at the end of the file. Each damage gives one error record, and every
   intact record after it is still extracted.
Standard library only.
"""
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def run_cli(cli, args, stdin=None):
    p = subprocess.run([cli] + args, input=stdin, capture_output=True, timeout=300)
    lines = [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]
    return p.returncode, lines, p.stderr.decode("utf-8", "replace")


# ---- 1. wget against a local server ------------------------------------------

def html_fixtures(fixtures):
    pages = {}
    for case in sorted(os.listdir(fixtures)):
        path = os.path.join(fixtures, case, "input.html")
        if os.path.exists(path):
            with open(path, "rb") as f:
                pages[case] = f.read()
    return pages


def make_handler(pages):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            parts = self.path.strip("/").split("/")
            if parts == ["image.png"]:
                return self.reply(200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" * 8)
            if len(parts) != 2 or parts[1] not in pages:
                return self.reply(404, {"Content-Type": "text/html"}, b"<html><body>gone</body></html>")
            how, page = parts[0], pages[parts[1]]
            headers = {"Content-Type": "text/html"}
            if how in ("gzip", "chunked-gzip"):
                page = gzip.compress(page)
                headers["Content-Encoding"] = "gzip"
            if how.startswith("chunked"):
                return self.reply_chunked(headers, page)
            return self.reply(200, headers, page)

        def reply(self, status, headers, body):
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def reply_chunked(self, headers, body):
            self.send_response(200)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            for at in range(0, len(body), 1000):
                piece = body[at:at + 1000]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")

    return Handler


def wget_archives(cli, fixtures, tmp):
    pages = html_fixtures(fixtures)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(pages))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d" % server.server_address[1]
    ways = ("plain", "gzip", "chunked", "chunked-gzip")
    urls = ["%s/%s/%s" % (base, how, case) for case in pages for how in ways]
    with open(os.path.join(tmp, "urls.txt"), "w") as f:
        f.write("\n".join(urls + [base + "/image.png", base + "/plain/no-such-page"]) + "\n")
    for name, extra in (("wget", []), ("wget-plain", ["--no-warc-compression"])):
        subprocess.run(["wget", "--quiet", "--tries=1", "--timeout=20", "--no-proxy",
                        "--warc-file=" + os.path.join(tmp, name), "--output-document=/dev/null",
                        "--input-file=" + os.path.join(tmp, "urls.txt")] + extra,
                       cwd=tmp, timeout=300)
    server.shutdown()
    expected = {}
    for case in pages:
        rc, lines, err = run_cli(cli, ["--url", "%s/plain/%s" % (base, case),
                                       os.path.join(fixtures, case, "input.html")])
        expected[case] = lines[0] if lines else {"error": err}
    for archive in ("wget.warc.gz", "wget-plain.warc"):
        path = os.path.join(tmp, archive)
        check(os.path.exists(path), "wget wrote " + archive)
        if not os.path.exists(path):
            continue
        rc, lines, err = run_cli(cli, ["--jsonl", "-j", "2", path])
        seen = {}
        for rec in lines:
            check(rec.pop("input", None) == path, "%s: every record names its input" % archive)
            warc = rec.pop("warc", None)
            check(warc is not None, "%s: every record carries its warc object" % archive)
            if not warc:
                continue
            check(warc.get("archive") == path and isinstance(warc.get("offset"), int)
                  and warc.get("record_id", "").startswith("<urn:uuid:")
                  and warc.get("date"), "%s: warc fields of %s" % (archive, warc))
            uri = warc.get("target_uri", "")
            seen[uri] = seen.get(uri, 0) + 1
            how, case = uri[len(base) + 1:].split("/", 1)
            if warc.get("http_status") == 404:
                continue
            want = json.loads(json.dumps(expected.get(case)).replace(
                "%s/plain/%s" % (base, case), uri))
            check(rec == want, "%s: the record of %s equals the file's" % (archive, uri))
        for url in urls:
            check(seen.get(url) == 1, "%s: %s comes out once (%s)" % (archive, url, seen.get(url)))
        check(base + "/image.png" not in seen, "%s: the image is skipped" % archive)


# ---- 2. damaged archives --------------------------------------------------------

PAGE = (b"<html><head><title>Page %d</title></head><body><article><h1>Page %d</h1>"
        b"<p>The reservoir's floating array began feeding the grid on Monday, the "
        b"operator said; it covers a tenth of the water and shades it in summer.</p>"
        b"</article></body></html>")


def record(n, length_error=0):
    body = PAGE % (n, n)
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:damage-%04d>\r\n"
            "WARC-Date: 2026-03-14T09:30:00Z\r\nWARC-Target-URI: https://news.example/%d\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (n, n, len(block) + length_error)).encode()
    return head + block + b"\r\n\r\n"


def damaged_archives():
    """(name, bytes, expected page numbers, expected error records)."""
    out = []
    members = [gzip.compress(record(n)) for n in range(1, 7)]
    cut = members[:]
    cut[2] = cut[2][:len(cut[2]) // 2]
    out.append(("cut-member.warc.gz", b"".join(cut), [1, 2, 4, 5, 6], 1))
    for sign, name in ((+200, "long"), (-30, "short")):
        plain = [record(n, sign if n == 3 else 0) for n in range(1, 7)]
        out.append(("length-%s.warc" % name, b"".join(plain), [1, 2, 4, 5, 6], 1))
        out.append(("length-%s.warc.gz" % name, b"".join(gzip.compress(r) for r in plain),
                    [1, 2, 4, 5, 6], 1))
    junk = b"\x00\x01 not a record \r\n" * 20
    plain = [record(n) for n in range(1, 5)]
    out.append(("garbage.warc", plain[0] + plain[1] + junk + plain[2] + plain[3], [1, 2, 3, 4], 1))
    out.append(("garbage.warc.gz", b"".join(gzip.compress(r) for r in plain[:2]) + junk +
                b"".join(gzip.compress(r) for r in plain[2:]), [1, 2, 3, 4], 1))
    whole = b"".join(record(n) for n in range(1, 4))
    out.append(("cut-end.warc", whole[:-80], [1, 2], 1))
    zipped = b"".join(gzip.compress(record(n)) for n in range(1, 4))
    out.append(("cut-end.warc.gz", zipped[:-40], [1, 2], 1))
    return out


def damaged(cli, tmp):
    for name, data, pages, errors in damaged_archives():
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        rc, lines, err = run_cli(cli, ["--jsonl", path])
        got = [int(r["warc"]["target_uri"].rsplit("/", 1)[1]) for r in lines if "error" not in r]
        errs = [r for r in lines if "error" in r]
        check(got == pages, "%s: pages %s, expected %s" % (name, got, pages))
        check(len(errs) == errors, "%s: %d error records, expected %d" % (name, len(errs), errors))
        for e in errs:
            check(e["error"].get("message") and e.get("warc", {}).get("archive") == path,
                  "%s: the error record says what and where: %s" % (name, e))
        check(rc == 1, "%s: exit 1 when a stretch was damaged (got %d)" % (name, rc))


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, fixtures = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="nm-warc-")
    try:
        if shutil.which("wget"):
            wget_archives(cli, fixtures, tmp)
        else:
            check(False, "wget is installed (scripts/lib.sh installs it)")
        damaged(cli, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failure(s)" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
