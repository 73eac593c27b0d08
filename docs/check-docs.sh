#!/usr/bin/env bash
# Documentation tests, registered by docs/CMakeLists.txt (label docs).
#
#   check-docs.sh api DOXYGEN DOXYFILE OUTDIR
#       Doxygen builds the API reference into OUTDIR with no warning.
#   check-docs.sh man GROFF MAN PAGE...
#       Each man page renders with groff -man -ww and no warning, and man -l
#       renders it with its NAME section.
#   check-docs.sh man-install CMAKE INSTALL_SCRIPT MANDIR MAN
#       The docs directory's install script puts newsmeta.1 and newsmeta.3
#       under PREFIX/MANDIR/man1 and man3, where man finds them.
#   check-docs.sh man3-example PROGRAM SAMPLE
#       The example program of newsmeta(3) prints the sample's headline.
#   check-docs.sh missing WHAT
#       Fails, saying WHAT is missing.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/newsmeta-docs.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

cmd_api() {
    local doxygen=$1 doxyfile=$2 out=$3 rc=0
    rm -rf "$out"
    mkdir -p "$out"
    # Same configuration as the docs target, another output folder.
    { cat "$doxyfile"; echo "OUTPUT_DIRECTORY = $out"; } |
        "$doxygen" - >"$out/doxygen.out" 2>"$out/doxygen.err" || rc=$?
    if [ -s "$out/doxygen.err" ] || [ "$rc" -ne 0 ]; then
        cat "$out/doxygen.err" >&2
        fail "doxygen exited with status $rc and $(wc -l <"$out/doxygen.err") lines of warnings"
    fi
    local page
    for page in index.html newsmeta_8h.html newsmeta__version_8h.html \
                structnewsmeta__article.html structnewsmeta__options.html; do
        [ -s "$out/html/$page" ] || fail "the reference has no $page"
    done
    ok "API reference built with no warning: $out/html/index.html"
}

cmd_man() {
    local groff=$1 man=$2 page err
    shift 2
    [ -n "$groff" ] && [ -x "$groff" ] || fail "groff is missing (Debian: groff-base)"
    [ -n "$man" ] && [ -x "$man" ] || fail "man is missing (Debian: man-db)"
    err=$scratch/stderr.txt
    for page in "$@"; do
        # -ww: every warning category; -z: format, print nothing.
        LC_ALL=C.UTF-8 "$groff" -man -Tutf8 -ww -z "$page" 2>"$err" || fail "groff failed on $page"
        if [ -s "$err" ]; then
            cat "$err" >&2
            fail "groff warns about $page"
        fi
        local text
        text=$(MANWIDTH=80 LC_ALL=C.UTF-8 "$man" -l "$page" 2>"$err") || fail "man -l $page failed"
        if [ -s "$err" ]; then
            cat "$err" >&2
            fail "man -l $page wrote to stderr"
        fi
        grep -q '^NAME$' <<<"$text" || fail "man -l $page: no NAME section"
        grep -q '^SYNOPSIS$' <<<"$text" || fail "man -l $page: no SYNOPSIS section"
        ok "$page renders ($(wc -l <<<"$text") lines)"
    done
}

cmd_man_install() {
    local cmake=$1 script=$2 mandir=$3 man=$4 tmp=$scratch
    "$cmake" -DCMAKE_INSTALL_PREFIX="$tmp/prefix" -P "$script" >/dev/null ||
        fail "$script failed"
    case $mandir in /*) ;; *) mandir=$tmp/prefix/$mandir ;; esac
    [ -f "$mandir/man1/newsmeta.1" ] || fail "not installed: $mandir/man1/newsmeta.1"
    [ -f "$mandir/man3/newsmeta.3" ] || fail "not installed: $mandir/man3/newsmeta.3"
    [ -n "$man" ] && [ -x "$man" ] || fail "man is missing (Debian: man-db)"
    local found
    found=$("$man" -M "$mandir" -w 1 newsmeta) || fail "man -M $mandir does not find newsmeta(1)"
    [ "$found" = "$mandir/man1/newsmeta.1" ] || fail "man found $found"
    found=$("$man" -M "$mandir" -w 3 newsmeta) || fail "man -M $mandir does not find newsmeta(3)"
    [ "$found" = "$mandir/man3/newsmeta.3" ] || fail "man found $found"
    ok "installed to $mandir/man1 and $mandir/man3"
}

cmd_man3_example() {
    local program=$1 sample=$2 out
    out=$("$program" <"$sample") || fail "the newsmeta(3) example exited with status $?"
    [ "$(head -n 1 <<<"$out")" = "Floating solar farm opens on Harrowmere reservoir" ] ||
        fail "the newsmeta(3) example printed: $out"
    grep -qx 'by Marta Oyelaran' <<<"$out" || fail "no author line: $out"
    grep -q '^published 2026-03-14T07:30:00+00:00 (from json-ld)$' <<<"$out" ||
        fail "no publication line: $out"
    ok "the newsmeta(3) example compiles and runs"
}

case ${1:-} in
    api) shift; cmd_api "$@" ;;
    man) shift; cmd_man "$@" ;;
    man-install) shift; cmd_man_install "$@" ;;
    man3-example) shift; cmd_man3_example "$@" ;;
    missing) fail "$2 is needed for this test (scripts/setup installs it)" ;;
    *) echo "usage: $0 api|man|man-install|man3-example|missing ..." >&2; exit 2 ;;
esac
