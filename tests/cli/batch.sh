#!/usr/bin/env bash
# Batch mode of the CLI: input order, error records, identical output for
# any number of threads, the three input forms, exit codes.
# usage: batch.sh NEWSMETA_CLI FIXTURES_DIR
set -euo pipefail
cli=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

pages=("$fixtures"/*/input.html)
[ ${#pages[@]} -ge 3 ] || fail "need fixture pages in $fixtures"
# Many inputs, with a missing file and an empty one in the middle.
: > "$work/empty.html"
inputs=("${pages[@]}" "$work/missing.html" "$work/empty.html" "${pages[@]}" "${pages[@]}")

set +e
"$cli" --jsonl -j 1 "${inputs[@]}" > "$work/j1.jsonl"; rc1=$?
"$cli" --jsonl -j 4 "${inputs[@]}" > "$work/j4.jsonl"; rc4=$?
set -e
[ "$rc1" -eq 1 ] || fail "-j 1 with failing pages should exit 1, got $rc1"
[ "$rc4" -eq 1 ] || fail "-j 4 with failing pages should exit 1, got $rc4"
cmp -s "$work/j1.jsonl" "$work/j4.jsonl" || fail "-j 1 and -j 4 outputs differ"
[ "$(wc -l < "$work/j1.jsonl")" -eq ${#inputs[@]} ] || fail "one line per input expected"

# Line i is the record of input i, "input" first: compare with single-page
# runs (which name no input).
i=0
for f in "${inputs[@]}"; do
    i=$((i + 1))
    line=$(sed -n "${i}p" "$work/j1.jsonl")
    prefix="{\"input\":\"$f\","
    [ "${line:0:${#prefix}}" = "$prefix" ] || fail "line $i does not start with its input: $line"
    line="{${line:${#prefix}}"
    if [ -s "$f" ]; then
        want=$("$cli" "$f")
        [ "$line" = "$want" ] || fail "line $i is not the record of $f"
    else
        case "$line" in
            '{"error":'*) ;;
            *) fail "line $i should be an error record for $f: $line" ;;
        esac
    fi
done

# A list of paths (--files-from), and a JSONL stream on stdin.
printf '%s\n' "${pages[@]}" > "$work/list.txt"
"$cli" --files-from "$work/list.txt" -j 2 > "$work/list.jsonl"
head -n ${#pages[@]} "$work/j1.jsonl" | cmp -s - "$work/list.jsonl" || fail "--files-from output differs"

/usr/bin/python3 - "$work/stream.jsonl" "${pages[@]}" <<'PY'
import json, sys
out = sys.argv[1]
with open(out, "w", encoding="utf-8") as f:
    for p in sys.argv[2:]:
        f.write(json.dumps({"url": "https://example.test/" + p.split("/")[-2], "html": open(p, encoding="utf-8").read()}) + "\n")
    f.write("this is not json\n")
    f.write(json.dumps({"text": "A Title Of Several Words\n\nA body paragraph that is long enough to be read as prose, with a full stop."}) + "\n")
PY
set +e
"$cli" --jsonl -j 2 < "$work/stream.jsonl" > "$work/stream.out"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "stream with a bad line should exit 1, got $rc"
/usr/bin/python3 - "$work/stream.out" ${#pages[@]} <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
n = int(sys.argv[2])
assert len(lines) == n + 2, len(lines)
for i, line in enumerate(lines[:n]):
    rec = json.loads(line)
    assert rec["url"].startswith("https://example.test/"), rec["url"]
bad = json.loads(lines[n])
assert "error" in bad and bad["error"]["input"] == "stdin:%d" % (n + 1), bad
text = json.loads(lines[n + 1])
assert text["headline"] == "A Title Of Several Words", text["headline"]
PY

# Bad usage.
set +e
"$cli" --jsonl -j 0 "${pages[0]}" >/dev/null 2>&1; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "-j 0 should be a usage error"
# A zone or charset the library refuses: said once, before any page.
for bad in "-z Nowhere/Atlantis" "--charset utf8mb4"; do
    set +e
    # shellcheck disable=SC2086
    msg=$("$cli" --jsonl $bad "${pages[0]}" 2>&1 >/dev/null); rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "$bad should be a usage error (exit $rc)"
    case $msg in *"${bad#* }"*) ;; *) fail "$bad: the message names it: $msg" ;; esac
done
echo "batch mode: ok"
