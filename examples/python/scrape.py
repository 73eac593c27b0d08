#!/usr/bin/python3
"""Print the headline, authors, publication time and first paragraphs of a
news page.

    NEWSMETA_LIBRARY=build/libnewsmeta.so.0 PYTHONPATH=bindings/python \\
        /usr/bin/python3 examples/python/scrape.py examples/sample-article.html
    curl -s "$URL" | python3 examples/python/scrape.py --url "$URL" -

(PYTHONPATH and NEWSMETA_LIBRARY are not needed once the package and the
library are installed; see bindings/python/README.md.)
"""
import argparse
import sys
import textwrap

import newsmeta


def main():
    ap = argparse.ArgumentParser(description="Show the main fields of a news page.")
    ap.add_argument("file", nargs="?", default="-", help="HTML file, or - for stdin")
    ap.add_argument("--url", help="the page's URL (base for links, date hints)")
    ap.add_argument("-n", "--paragraphs", type=int, default=3, help="paragraphs to show")
    args = ap.parse_args()

    if args.file == "-":
        html = sys.stdin.buffer.read()
    else:
        with open(args.file, "rb") as f:
            html = f.read()

    try:
        article = newsmeta.parse_html(html, url=args.url)
    except newsmeta.Error as e:
        print("scrape: %s: %s" % (args.file, e), file=sys.stderr)
        return 1

    print(article.headline or "(no headline)")
    if article.authors:
        print("By " + ", ".join(article.authors))
    published = article.published
    if published:
        # an aware datetime when the page gave the UTC offset, naive otherwise
        when = published.datetime.isoformat() if published.datetime else published.iso
        print("Published %s (%s, from %s)" % (when, published.precision.label, published.source))
    body = [p for p in article.paragraphs if p.kind == newsmeta.ParagraphKind.PARAGRAPH]
    for p in body[:args.paragraphs]:
        print()
        print(textwrap.fill(p.text, width=78))
    return 0


if __name__ == "__main__":
    sys.exit(main())
