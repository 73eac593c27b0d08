#!/usr/bin/env bash
# Runs the examples as ctests (registered by examples/CMakeLists.txt) and
# checks what they print, so that they cannot rot.
#
#   run-example.sh lines EXPECTED -- COMMAND...
#       COMMAND must exit 0 and print every line of EXPECTED (lines starting
#       with '#' and empty lines aside), each exactly, in that order; other
#       lines may come between them.
#   run-example.sh threads PROGRAM DIR...
#       PROGRAM (parallel-articles) over copies of the DIRs: 8 threads must
#       print exactly what 1 thread prints, one line per HTML file.
#   run-example.sh crawl PROGRAM PYTHON SITE_DIR
#       Serves SITE_DIR with PYTHON's http.server on a free port of
#       127.0.0.1 and crawls it with PROGRAM (crawl).
#   run-example.sh missing WHAT
#       Fails, saying what is missing to build an example.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# Scratch space and the HTTP server, removed and stopped however we exit.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/newsmeta-example.XXXXXX")
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

# ---- expected lines, in order ------------------------------------------------
# check_lines EXPECTED_FILE OUTPUT_FILE
check_lines() {
    local expected=$1 output=$2 want n=0 line_no=0 found
    local -a got
    mapfile -t got <"$output"
    while IFS= read -r want || [ -n "$want" ]; do
        case $want in '' | '#'*) continue ;; esac
        found=
        while [ "$line_no" -lt "${#got[@]}" ]; do
            if [ "${got[$line_no]}" = "$want" ]; then
                found=1
                line_no=$((line_no + 1))
                break
            fi
            line_no=$((line_no + 1))
        done
        [ -n "$found" ] || {
            echo "---- output ----" >&2
            cat "$output" >&2
            fail "line not printed (or not in this order): $want"
        }
        n=$((n + 1))
    done <"$expected"
    ok "$n expected lines printed, in order"
}

cmd_lines() {
    local expected=$1
    shift
    [ "${1:-}" = "--" ] && shift
    local out=$scratch/output.txt
    "$@" >"$out" || fail "$1 exited with status $?"
    check_lines "$expected" "$out"
}

# ---- threads: 1 vs 8 ---------------------------------------------------------
cmd_threads() {
    local program=$1
    shift
    local tmp=$scratch
    # Twelve copies (symbolic links) of every folder, so that the pool has
    # enough pages to keep its threads busy at the same time.
    local copy dir abs files
    for copy in $(seq -w 1 12); do
        for dir in "$@"; do
            abs=$(cd "$dir" && pwd)
            mkdir -p "$tmp/pages/$copy"
            cp -rs "$abs" "$tmp/pages/$copy/$(basename "$abs")"
        done
    done
    files=$(find -L "$tmp/pages" -type f \( -name '*.html' -o -name '*.htm' \) | wc -l)
    [ "$files" -ge 12 ] || fail "only $files pages found under $*"
    "$program" -j 1 "$tmp/pages" >"$tmp/one.txt" || fail "-j 1 exited with status $?"
    "$program" -j 8 "$tmp/pages" >"$tmp/eight.txt" || fail "-j 8 exited with status $?"
    [ "$(wc -l <"$tmp/one.txt")" -eq "$files" ] ||
        fail "-j 1 printed $(wc -l <"$tmp/one.txt") lines for $files pages"
    cmp -s "$tmp/one.txt" "$tmp/eight.txt" || {
        diff "$tmp/one.txt" "$tmp/eight.txt" | head -n 20 >&2
        fail "8 threads printed something else than 1 thread"
    }
    grep -q $'\t{"schema_version":' "$tmp/one.txt" || fail "no record in the output"
    LC_ALL=C sort -c -t $'\t' -k1,1 "$tmp/one.txt" 2>/dev/null || fail "the output is not in path order"
    ok "$files pages: 8 threads print the same $(wc -c <"$tmp/one.txt") bytes as 1 thread"
}

# ---- crawl: a local HTTP server -----------------------------------------------
cmd_crawl() {
    local program=$1 python=$2 site=$3
    [ -x "$python" ] || fail "no Python interpreter at $python (for http.server)"
    local tmp=$scratch pid
    # Port 0: the system picks a free port, which the server prints. Should
    # this script be killed without its cleanup, timeout ends the server.
    # The log exists before the server starts: the loop below reads it at
    # once, and the background shell may not have opened it yet.
    : >"$tmp/server.log"
    timeout 600 "$python" -u -m http.server 0 --bind 127.0.0.1 --directory "$site" >>"$tmp/server.log" 2>&1 &
    pid=$!
    server_pid=$pid
    local port= i
    for i in $(seq 1 100); do
        port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9][0-9]*\).*/\1/p' "$tmp/server.log")
        [ -n "$port" ] && break
        kill -0 "$pid" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "the HTTP server exited"; }
        sleep 0.1
    done
    [ -n "$port" ] || { cat "$tmp/server.log" >&2; fail "the HTTP server did not start"; }
    for i in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
        [ "$i" -lt 100 ] || fail "nothing listens on 127.0.0.1:$port"
        sleep 0.1
    done
    ok "HTTP server on 127.0.0.1:$port"

    local base="http://127.0.0.1:$port"
    # A proxy from the environment must not see these requests.
    unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
    export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
    local rc=0
    "$program" -n 10 "$base/index.html" >"$tmp/records.jsonl" 2>"$tmp/crawl.log" || rc=$?
    [ "$rc" -eq 0 ] || { cat "$tmp/crawl.log" >&2; fail "crawl exited with status $rc"; }
    cat "$tmp/crawl.log"

    local records
    records=$(wc -l <"$tmp/records.jsonl")
    [ "$records" -eq 3 ] || fail "wanted 3 records (the start page and its 2 local links), got $records"
    local index timetable pier
    index=$(grep -F "\"url\":\"$base/index.html\"" "$tmp/records.jsonl") ||
        fail "no record for $base/index.html"
    timetable=$(grep -F "\"url\":\"$base/timetable.html\"" "$tmp/records.jsonl") ||
        fail "the relative link timetable.html was not followed"
    pier=$(grep -F "\"url\":\"$base/2026/03/14/pier-repairs.html\"" "$tmp/records.jsonl") ||
        fail "the link /2026/03/14/pier-repairs.html was not followed"
    # Relative links come out absolute, with the server's host and port.
    case $index in *"\"href\":\"$base/timetable.html\""*) ;; *)
        fail "href=\"timetable.html\" did not become $base/timetable.html: $index" ;; esac
    case $index in *"\"href\":\"$base/2026/03/14/pier-repairs.html\""*) ;; *)
        fail "href=\"/2026/03/14/pier-repairs.html\" did not become absolute: $index" ;; esac
    case $index in *'"headline":"Ferry service returns to Kessel Sound after winter refit"'*) ;; *)
        fail "unexpected headline: $index" ;; esac
    case $timetable in *'"headline":"Spring timetable for the Marrow Isle ferry"'*) ;; *)
        fail "unexpected record for the timetable: $timetable" ;; esac
    # The page's URL dates a page that carries no date itself.
    case $pier in *'"published":{"iso":"2026-03-14",'*'"source":"url"}'*) ;; *)
        fail "the pier page was not dated from its URL: $pier" ;; esac
    # Only the local pages were requested: not the other host, not the nav.
    local requests
    requests=$(sed -n 's/.*"GET \([^ ]*\) HTTP.*/\1/p' "$tmp/server.log" | sort | tr '\n' ' ')
    [ "$requests" = "/2026/03/14/pier-repairs.html /index.html /timetable.html " ] ||
        fail "unexpected requests: $requests"
    ok "3 pages crawled from $base; relative links resolved against it"
}

case ${1:-} in
    lines) shift; cmd_lines "$@" ;;
    threads) shift; cmd_threads "$@" ;;
    crawl) shift; cmd_crawl "$@" ;;
    missing) fail "$2 is needed to build this example (scripts/setup installs it)" ;;
    *) echo "usage: $0 lines|threads|crawl|missing ..." >&2; exit 2 ;;
esac
