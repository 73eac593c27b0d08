#!/usr/bin/python3
"""Check that the documentation still says what the code does.

usage: docs/check_docs.py --root SOURCE_DIR --cli PATH/TO/newsmeta

Run by the docs.consistency ctest. Each check compares a list taken from
the code (the CLI's --help, the public header, lib/internal.h, the JSON
Schema) with the documents that must cover it, and names what is missing:

  - every option of `newsmeta --help` is in newsmeta(1) and the README, and
    every option newsmeta(1) describes is in --help;
  - every public function, status code, source, option field and flag of
    include/newsmeta.h is in newsmeta(3) and/or docs/guide.md;
  - every NMI_MAX_* limit of lib/internal.h is in docs/guide.md, with its
    value;
  - every key of docs/schema.json is documented in docs/json.md (and
    json.md documents no key the schema lacks); json.md's example record is
    valid against the schema;
  - relative links of README.md and docs/*.md point to existing files, and
    the README links every document of docs/.

Needs Python 3 and its jsonschema module (Debian: python3-jsonschema).
"""
import argparse
import json
import os
import re
import subprocess
import sys

problems = []


def problem(msg):
    problems.append(msg)


def read(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return f.read()


def roff_text(s):
    """Roff source to plain text, enough to search it for names."""
    s = re.sub(r"^\.\\\".*$", "", s, flags=re.M)           # comments
    s = re.sub(r"\\f[BIRP]|\\f\(..|\\f\[[^]]*\]", "", s)   # font changes
    s = s.replace("\\-", "-").replace("\\e", "\\").replace("\\(aq", "'")
    s = s.replace("\\|", "").replace("\\&", "").replace("\\%", "")
    s = re.sub(r"^\.(?:B|I|BR|RB|BI|IB|IR|RI)\s+", "", s, flags=re.M)
    return s.replace('"', "")


def has_word(text, word):
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None


def roff_section(s, name):
    m = re.search(r"^\.SH " + re.escape(name) + r"\s*$(.*?)(?=^\.SH |\Z)", s, flags=re.M | re.S)
    return m.group(1) if m else ""


# ---- the CLI ---------------------------------------------------------------
def check_cli(root, cli):
    out = subprocess.run([cli, "--help"], capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        problem("%s --help exited with %d" % (cli, out.returncode))
        return
    opts = set()
    for line in out.stdout.splitlines():
        m = re.match(r"^\s+(-\w)?(?:, )?(--[\w-]+)?", line)
        if m:
            opts.update(o for o in m.groups() if o)
    if len(opts) < 10:
        problem("could not read the options from --help:\n" + out.stdout)
        return
    man1_src = read(root, "docs/man/newsmeta.1")
    man1 = roff_text(man1_src)
    readme = read(root, "README.md")
    for o in sorted(opts):
        if not has_word(man1, o):
            problem("option %s of newsmeta --help is not in docs/man/newsmeta.1" % o)
        if not has_word(readme, o):
            problem("option %s of newsmeta --help is not in README.md" % o)
    described = set()
    for m in re.finditer(r"^\.TP\n(.*)$", roff_section(man1_src, "OPTIONS"), flags=re.M):
        described.update(re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", roff_text(m.group(1))))
    for o in sorted(described - opts):
        problem("docs/man/newsmeta.1 describes %s, which newsmeta --help does not list" % o)


# ---- the header ----------------------------------------------------------------
def enum_values(header, name):
    m = re.search(r"typedef enum %s \{(.*?)\} %s;" % (name, name), header, flags=re.S)
    if not m:
        problem("include/newsmeta.h: no enum %s" % name)
        return []
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    return re.findall(r"\b(NEWSMETA_\w+)\s*=\s*(\d+)", body)


def struct_members(header, name):
    m = re.search(r"typedef struct %s \{(.*?)\} %s;" % (name, name), header, flags=re.S)
    if not m:
        problem("include/newsmeta.h: no struct %s" % name)
        return []
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    return re.findall(r"(\w+)\s*(?:\[\d+\])?\s*;", body)


def check_api(root):
    header = read(root, "include/newsmeta.h")
    man3_src = read(root, "docs/man/newsmeta.3")
    man3 = roff_text(man3_src)
    name = roff_text(roff_section(man3_src, "NAME"))
    synopsis = roff_text(roff_section(man3_src, "SYNOPSIS"))
    guide = read(root, "docs/guide.md")

    functions = re.findall(r"NEWSMETA_API\b[^;]*?\b(newsmeta_\w+)\s*\(", header)
    functions += re.findall(r"#define (newsmeta_\w+)\(", header)
    if len(functions) < 10:
        problem("could not read the functions of include/newsmeta.h")
    for f in functions:
        if not has_word(name, f):
            problem("%s is not in the NAME section of docs/man/newsmeta.3" % f)
        if not re.search(r"\b%s\(" % f, synopsis):
            problem("%s is not in the SYNOPSIS of docs/man/newsmeta.3" % f)

    for code, value in enum_values(header, "newsmeta_status"):
        if not re.search(r"%s\s*\n\(%s\)" % (code, value), man3):
            problem("status %s (%s) is not in the ERRORS of docs/man/newsmeta.3" % (code, value))
        if not has_word(guide, code):
            problem("status %s is not in docs/guide.md" % code)
    for src, _ in enum_values(header, "newsmeta_source"):
        if not has_word(guide, src):
            problem("source %s is not in docs/guide.md" % src)
        if not has_word(man3, src):
            problem("source %s is not in docs/man/newsmeta.3" % src)
    for field in struct_members(header, "newsmeta_options"):
        for doc, text in (("docs/guide.md", guide), ("docs/man/newsmeta.3", man3)):
            if not has_word(text, field):
                problem("option field %s is not in %s" % (field, doc))
    for flag in re.findall(r"#define (NEWSMETA_(?:OPT|JSON)_\w+)", header):
        for doc, text in (("docs/guide.md", guide), ("docs/man/newsmeta.3", man3)):
            if not has_word(text, flag):
                problem("flag %s is not in %s" % (flag, doc))
    for field in struct_members(header, "newsmeta_article"):
        if not has_word(man3, field):
            problem("article field %s is not in docs/man/newsmeta.3" % field)
    for word in ("newsmeta_options_init_sized", "NEWSMETA_DEFAULT_MAX_INPUT_BYTES"):
        if not has_word(guide, word):
            problem("%s is not in docs/guide.md" % word)


# ---- limits -------------------------------------------------------------------------
def value_forms(expr):
    """Ways the docs may write a limit: 20000, 20,000, 4 MiB, 64 KiB."""
    try:
        v = int(eval(re.sub(r"(\d+)u\b", r"\1", expr), {"__builtins__": {}}))
    except Exception:  # noqa: BLE001 - not a constant expression
        return None
    forms = {str(v), "{:,}".format(v), "{:,}".format(v).replace(",", " ")}
    for unit, size in (("KiB", 1024), ("MiB", 1024 * 1024), ("GiB", 1024 ** 3)):
        if v >= size and v % size == 0:
            forms.add("%d %s" % (v // size, unit))
    return forms


def check_limits(root):
    internal = read(root, "lib/internal.h")
    guide = read(root, "docs/guide.md")
    limits = re.findall(r"^#define (NMI_MAX_\w+) (.+)$", internal, flags=re.M)
    if not limits:
        problem("no NMI_MAX_* limit found in lib/internal.h")
    for name, expr in limits:
        expr = expr.split("/*")[0].strip()
        lines = [l for l in guide.splitlines() if has_word(l, name)]
        if not lines:
            problem("limit %s (%s) is not in docs/guide.md" % (name, expr))
            continue
        forms = value_forms(expr)
        if forms and not any(f in l for l in lines for f in forms):
            problem("docs/guide.md does not give the value of %s (%s) on its line"
                    % (name, sorted(forms)[0]))


# ---- JSON ---------------------------------------------------------------------------
def schema_keys(schema):
    keys = set(schema["properties"])
    for d in schema["$defs"].values():
        keys.update(d.get("properties", {}))
    return keys


def check_json(root):
    schema = json.loads(read(root, "docs/schema.json"))
    doc = read(root, "docs/json.md")
    # the first column of the tables whose header is "| key | ..."
    documented = set()
    for table in re.findall(r"^\| key \|.*?(?=^[^|]|\Z)", doc, flags=re.M | re.S):
        documented.update(re.findall(r"^\|\s*`([\w.]+)`", table, flags=re.M))
    for key in sorted(schema_keys(schema)):
        if key not in documented:
            problem("key %r of docs/schema.json has no row in the tables of docs/json.md" % key)
    for key in sorted(documented - schema_keys(schema)):
        problem("docs/json.md documents %r, which docs/schema.json does not have" % key)
    examples = re.findall(r"```json\n(.*?)```", doc, flags=re.S)
    if not examples:
        problem("docs/json.md has no ```json example")
    try:
        import jsonschema
    except ImportError:
        problem("Python's jsonschema module is missing (Debian: python3-jsonschema)")
        return
    for i, text in enumerate(examples):
        try:
            record = json.loads(text)
        except ValueError as e:
            problem("the JSON example %d of docs/json.md does not parse: %s" % (i + 1, e))
            continue
        if "schema_version" not in record:
            continue  # a fragment, not a whole record
        try:
            jsonschema.validate(record, schema, cls=jsonschema.Draft202012Validator)
        except jsonschema.ValidationError as e:
            problem("the example record of docs/json.md is not valid: %s" % e.message)


# ---- links ----------------------------------------------------------------------------
def check_links(root):
    docs = ["README.md"] + ["docs/" + f for f in sorted(os.listdir(os.path.join(root, "docs")))
                            if f.endswith(".md")]
    for rel in docs:
        text = read(root, rel)
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = os.path.normpath(os.path.join(root, os.path.dirname(rel), target.split("#")[0]))
            if not os.path.exists(path):
                problem("%s links to %s, which does not exist" % (rel, target))
    readme = read(root, "README.md")
    wanted = ["docs/" + f for f in os.listdir(os.path.join(root, "docs"))
              if f.endswith((".md", ".json")) and f != "mainpage.md"]
    wanted += ["docs/man/" + f for f in os.listdir(os.path.join(root, "docs/man"))]
    for w in sorted(wanted):
        if "](%s)" % w not in readme:
            problem("README.md does not link %s" % w)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="the source tree")
    ap.add_argument("--cli", required=True, help="the newsmeta program")
    args = ap.parse_args()
    for check in (lambda: check_cli(args.root, args.cli), lambda: check_api(args.root),
                  lambda: check_limits(args.root), lambda: check_json(args.root),
                  lambda: check_links(args.root)):
        check()
    for p in problems:
        print("FAIL: " + p)
    if problems:
        print("%d problem(s): the documentation no longer matches the code" % len(problems))
        return 1
    print("ok: the documentation covers the CLI, the API, the limits and the JSON keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
