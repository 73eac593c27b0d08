#!/usr/bin/env python3
"""Regenerate the seed inputs of the internal fuzz targets from the fixtures.

usage: tests/fuzz/make_seeds.py   (writes tests/fuzz/seeds/{jsonld,date})

- seeds/jsonld/: every <script type="application/ld+json"> block of
  tests/fixtures/*/input.html, plus hand-written shapes (@graph with @id
  references, arrays, wrappers CMSs emit);
- seeds/date/: every "raw" date of tests/fixtures*/**/expected.json, plus
  assorted formats (RFC 2822, week and ordinal dates, Unix timestamps,
  other languages, out-of-range years). The first byte of a date seed is
  the target's context selector (see fuzz_date.c).

The seeds are committed; run this again when the fixtures change.
Standard library only.
"""
import glob
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

EXTRA_JSONLD = [
    '{"@context":"https://schema.org","@graph":[{"@type":"Person","@id":"#p1","name":"Jane Doe"},'
    '{"@type":"NewsArticle","headline":"Graph","author":{"@id":"#p1"},'
    '"datePublished":"2024-05-01T10:00:00+02:00","publisher":{"@type":"Organization","name":"Ex"}}]}',
    '[{"@type":["NewsArticle","Article"],"headline":"Array of objects","author":["A B","C D"],'
    '"keywords":"x, y, z","image":{"url":"/img.jpg"}}]',
    '<!--{"@type":"BlogPosting","name":"Wrapped in a comment","dateCreated":"2019-02-03"}-->',
    '//<![CDATA[\n{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"CDATA"}}\n//]]>',
    '{"@type":"NewsArticle","headline":"Entities &amp; escapes \\u00e9 e\\u0301",'
    '"articleBody":"First line\\nSecond line\\n\\nThird","author":{"@type":"Organization","name":"Reuters"}}',
    '{"@type":"NewsArticle","datePublished":"99999-01-01","dateModified":"-0001-12-31T25:61:61Z"}',
    '{"@type":"NewsArticle","headline":"Lone \\ud800 high","description":"Nul \\u0000, low \\udc00,'
    ' pair \\ud83d\\ude00, literal \\\\u0000, \\uD800\\u0041","author":"Jo \\udbff",'
    '"keywords":"end \\ud800"}',
]

EXTRA_DATES = [
    "2024-05-01T10:20:30+05:30", "2024-05-01T10:20:30.123456789Z", "2024-05-01 10:20",
    "Wed, 01 May 2024 10:20:30 GMT", "Wed, 1 May 2024 10:20:30 -0400", "2024-W18-3",
    "2024-122", "@1714558830", "May 1, 2024 10:20 a.m. EDT", "1 mai 2024 à 10h20",
    "1. Mai 2024, 10:20 Uhr", "2024年5月1日 10時20分", "01/05/2024", "05/01/2024 10:20 PM IST",
    "99999-01-01", "0000-00-00T00:00:00Z", "2024-13-45T99:99:99+99:99",
    "9999999999999999999-01-01", "+275760-09-13T00:00:00Z", "-0001-01-01",
    "https://www.example.test/news/2024/05/01/story.html", "/2024/may/01/story",
]


def write(folder, data, prefix=b""):
    body = prefix + data
    name = hashlib.sha1(body).hexdigest()[:16]
    with open(os.path.join(HERE, "seeds", folder, name), "wb") as f:
        f.write(body)


def main():
    for d in ("jsonld", "date"):
        os.makedirs(os.path.join(HERE, "seeds", d), exist_ok=True)
        for old in glob.glob(os.path.join(HERE, "seeds", d, "*")):
            os.remove(old)
    blocks = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*", "input.html"))):
        html = open(path, encoding="utf-8", errors="replace").read()
        blocks += re.findall(r'<script[^>]*application/ld\+json[^>]*>(.*?)</script>', html,
                             flags=re.S | re.I)
    for b in blocks + EXTRA_JSONLD:
        write("jsonld", b.encode("utf-8"))
    raws = set()
    for path in glob.glob(os.path.join(ROOT, "tests", "fixtures*", "**", "expected.json"),
                          recursive=True):
        rec = json.load(open(path, encoding="utf-8"))
        for key in ("published", "modified"):
            t = rec.get(key)
            if isinstance(t, dict) and t.get("raw"):
                raws.add(t["raw"])
    for i, d in enumerate(sorted(raws) + EXTRA_DATES):
        write("date", d.encode("utf-8"), bytes([i % 16]))
    print("%d JSON-LD seeds, %d date seeds" % (len(blocks) + len(EXTRA_JSONLD),
                                               len(raws) + len(EXTRA_DATES)))


if __name__ == "__main__":
    main()
