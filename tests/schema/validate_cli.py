#!/usr/bin/python3
"""Validate the newsmeta CLI's JSON against docs/schema.json.

Runs the built CLI on every tests/fixtures/<case>/input.html (with its url)
and input.txt (with --text) in several modes (compact, --pretty, --timezone, --no-body) plus a few
inline pages that reach the schema's rarer branches, and validates every
record. Then checks that the schema is strict: records with a key added,
a key removed or a value out of its enum must be rejected.

Needs the jsonschema module (Debian: python3-jsonschema). Without it this
test fails; it never passes silently.

usage: validate_cli.py --schema docs/schema.json --cli build/newsmeta
                       --fixtures tests/fixtures
"""
import argparse
import copy
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write(
        "FAIL: the Python module 'jsonschema' is not installed for %s; the schema test "
        "cannot run. Install it (Debian/Ubuntu: apt-get install python3-jsonschema) or "
        "point NEWSMETA_TEST_PYTHON at an interpreter that has it.\n" % sys.executable)
    sys.exit(1)

MODES = [
    [],
    ["--pretty"],
    ["--timezone", "Asia/Kolkata"],
    ["--no-body"],
]

# (fixture, mode) pairs left out, each for a library bug reported to the
# maintainers; printed when skipped so they are not forgotten. None today.
KNOWN_ISSUES = {}

# Pages for branches the fixtures do not reach: a related link before any
# paragraph ("paragraph": null), a date from the URL (precision "day"), a
# year-month date, a heading at level 3.
INLINE_PAGES = [
    ("related-first", "https://example.test/a/b",
     "<html><body><article><p>Read more: <a href=\"/x\">First thing</a></p>"
     "<p>The article text follows here, and it is long enough to be a paragraph of the "
     "body.</p></article></body></html>"),
    ("url-date", "https://example.test/2020/11/26/story",
     "<p>A paragraph of body text that is long enough to count as the article.</p>"),
    ("month-date", None,
     "<html><head><meta property=\"article:published_time\" content=\"2019-07\"></head>"
     "<body><h3>A small heading</h3><p>A paragraph of body text that is long enough to "
     "count as the article.</p></body></html>"),
]


def run_cli(cli, args, stdin=None):
    proc = subprocess.run([cli] + args, input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (" ".join(args), proc.returncode,
                                                 proc.stderr.decode("utf-8", "replace")))
    return proc.stdout.decode("utf-8")


def fixture_cases(root):
    """(name, CLI arguments for the input, url) of every case folder."""
    for name in sorted(os.listdir(root)):
        html = os.path.join(root, name, "input.html")
        text = os.path.join(root, name, "input.txt")
        if os.path.isfile(html):
            args = [html]
        elif os.path.isfile(text):
            args = ["--text", text]
        else:
            continue
        url_file = os.path.join(root, name, "url")
        url = None
        if os.path.isfile(url_file):
            with open(url_file, encoding="utf-8") as f:
                url = f.read().strip() or None
        yield name, args, url


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(record)"
    return "%s: %s" % (where, error.message)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--fixtures", required=True)
    opts = ap.parse_args()

    with open(opts.schema, encoding="utf-8") as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)  # the schema itself is valid
    validator = validator_cls(schema)

    failures = []
    records = []

    def check(label, text, mode):
        if not text.endswith("\n"):
            failures.append("%s: output does not end with a newline" % label)
        body = text[:-1] if text.endswith("\n") else text
        if "--pretty" not in mode and "\n" in body:
            failures.append("%s: compact output spans several lines" % label)
        try:
            record = json.loads(body)
        except ValueError as e:
            failures.append("%s: not JSON: %s" % (label, e))
            return None
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
        for e in errors:
            failures.append("%s: %s" % (label, describe(e)))
        records.append(record)
        return record

    count = 0
    for name, input_args, url in fixture_cases(opts.fixtures):
        url_args = ["--url", url] if url else []
        by_mode = {}
        for mode in MODES:
            label = "%s %s" % (name, " ".join(mode) or "(compact)")
            issue = KNOWN_ISSUES.get((name, " ".join(mode)))
            if issue:
                print("skipped %s: known library issue: %s" % (label, issue))
                continue
            try:
                text = run_cli(opts.cli, mode + url_args + input_args)
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                failures.append("%s: %s" % (label, e))
                continue
            by_mode[tuple(mode)] = check(label, text, mode)
            count += 1
        if by_mode.get(()) is not None and by_mode.get(("--pretty",)) is not None:
            if by_mode[()] != by_mode[("--pretty",)]:
                failures.append("%s: --pretty and compact records differ" % name)
    if count == 0:
        failures.append("no fixtures found in %s" % opts.fixtures)

    for name, url, html in INLINE_PAGES:
        args = (["--url", url] if url else []) + ["-"]
        try:
            check(name, run_cli(opts.cli, args, stdin=html.encode("utf-8")), [])
            count += 1
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            failures.append("%s: %s" % (name, e))

    # The schema must be strict: each mutation of a valid record is invalid.
    mutations = {}
    full = next((r for r in records if r.get("published") and r.get("paragraphs")
                 and r.get("links")), None)
    if full is None:
        failures.append("no record with a date, paragraphs and links to mutate")
    else:
        def mutate(fn):
            r = copy.deepcopy(full)
            fn(r)
            return r

        mutations = {
            "extra top-level key": lambda r: r.update(extra=1),
            "missing top-level key": lambda r: r.pop("headline"),
            "wrong schema_version": lambda r: r.update(schema_version=2),
            "absent string as empty array": lambda r: r.update(byline=[]),
            "unknown precision": lambda r: r["published"].update(precision="fortnight"),
            "extra timestamp key": lambda r: r["published"].update(extra=1),
            "offset_known false with an offset": lambda r: r["published"].update(offset_known=False),
            "unknown source": lambda r: r["sources"].update(body="guess"),
            "source 'none' instead of null": lambda r: r["sources"].update(body="none"),
            "missing sources key": lambda r: r["sources"].pop("tags"),
            "unknown paragraph kind": lambda r: r["paragraphs"][0].update(kind="aside"),
            "level on a paragraph": lambda r: r["paragraphs"][0].update(level=2),
            "heading without level": lambda r: r["paragraphs"][0].update(kind="heading"),
            "unknown link kind": lambda r: r["links"][0].update(kind="nav"),
            "negative link offset": lambda r: r["links"][0].update(start=-1),
            "missing link key": lambda r: r["links"][0].pop("end"),
        }
        for what, fn in mutations.items():
            if validator.is_valid(mutate(fn)):
                failures.append("schema accepts an invalid record: %s" % what)

    if failures:
        sys.stderr.write("schema check FAILED (%d problems):\n" % len(failures))
        for f in failures:
            sys.stderr.write("  %s\n" % f)
        return 1
    print("schema check passed: %d records valid against %s; %d invalid variants rejected"
          % (count, os.path.basename(opts.schema), len(mutations)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
