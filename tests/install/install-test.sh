#!/usr/bin/env bash
# Install tests: install the build into a scratch prefix and use it from
# outside the source tree, the way a user of the package would.
#
#   install-test.sh setup | layout | pkgconfig | cmake | cli | cleanup
#   install-test.sh exports SHARED_LIB STATIC_LIB HEADER
#
# Registered by tests/install/CMakeLists.txt, which passes the settings in
# the environment: NM_BUILD_DIR, NM_STATE (file naming the scratch dir),
# NM_CMAKE, NM_CC, NM_CFLAGS, NM_GENERATOR, NM_PKG_CONFIG, NM_LIBDIR,
# NM_INCLUDEDIR, NM_BINDIR, NM_VERSION, NM_ABI_VERSION, NM_SAMPLE.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
expected_headline="headline: Lighthouse keepers return to Cape Morrow"
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

scratch() {
    [ -s "$NM_STATE" ] || fail "no scratch dir recorded in $NM_STATE (did install.setup run?)"
    cat "$NM_STATE"
}

check_headline() { # PROGRAM
    local out
    out=$("$@") || fail "$1 exited $?"
    [ "$out" = "$expected_headline" ] || fail "$1 printed '$out', wanted '$expected_headline'"
    ok "$1 -> $out"
}

# ---- setup and cleanup (ctest fixtures) ------------------------------------
cmd_setup() {
    if [ -s "$NM_STATE" ]; then rm -rf -- "$(cat "$NM_STATE")"; fi
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/newsmeta-install.XXXXXX")
    echo "$dir" >"$NM_STATE"
    "$NM_CMAKE" --install "$NM_BUILD_DIR" --prefix "$dir/prefix"
    ok "installed into $dir/prefix"
}

cmd_cleanup() {
    if [ -s "$NM_STATE" ]; then rm -rf -- "$(cat "$NM_STATE")"; fi
    rm -f -- "$NM_STATE"
}

# ---- what the install contains --------------------------------------------
cmd_layout() {
    local p lib inc
    p=$(scratch)/prefix
    lib=$p/$NM_LIBDIR
    inc=$p/$NM_INCLUDEDIR
    for f in "$inc/newsmeta.h" "$inc/newsmeta_version.h" \
             "$lib/libnewsmeta.so.$NM_VERSION" "$lib/libnewsmeta.a" \
             "$lib/pkgconfig/newsmeta.pc" "$lib/cmake/newsmeta/newsmeta-config.cmake" \
             "$lib/cmake/newsmeta/newsmeta-config-version.cmake" \
             "$lib/cmake/newsmeta/newsmetaTargets.cmake"; do
        [ -f "$f" ] || fail "not installed: $f"
    done
    [ "$(readlink "$lib/libnewsmeta.so.$NM_ABI_VERSION")" = "libnewsmeta.so.$NM_VERSION" ] ||
        fail "libnewsmeta.so.$NM_ABI_VERSION is not a link to libnewsmeta.so.$NM_VERSION"
    [ "$(readlink "$lib/libnewsmeta.so")" = "libnewsmeta.so.$NM_ABI_VERSION" ] ||
        fail "libnewsmeta.so is not a link to libnewsmeta.so.$NM_ABI_VERSION"
    local soname
    soname=$(LC_ALL=C readelf -d "$lib/libnewsmeta.so.$NM_VERSION" |
             sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
    [ "$soname" = "libnewsmeta.so.$NM_ABI_VERSION" ] || fail "SONAME is '$soname'"
    ok "SONAME $soname"
    # The static archive is a real archive holding the public entry points.
    nm --defined-only "$lib/libnewsmeta.a" 2>/dev/null | grep ' T newsmeta_parse_html$' >/dev/null ||
        fail "libnewsmeta.a does not define newsmeta_parse_html"
    ok "static library $lib/libnewsmeta.a"
    # Public headers include nothing from the dependencies.
    if grep -nE '#include *[<"](libxml|jansson|unicode/)' "$inc"/newsmeta*.h; then
        fail "an installed header includes a dependency's header"
    fi
    ok "headers"
}

# ---- pkg-config ------------------------------------------------------------
pc() { PKG_CONFIG_PATH="$(scratch)/prefix/$NM_LIBDIR/pkgconfig" "$NM_PKG_CONFIG" "$@"; }

cmd_pkgconfig() {
    local dir p
    dir=$(scratch)
    p=$dir/prefix
    [ "$(pc --modversion newsmeta)" = "$NM_VERSION" ] || fail "pkg-config --modversion: $(pc --modversion newsmeta)"
    # The .pc file must point into the prefix it was installed to.
    local cflags libs static libdir
    cflags=$(pc --cflags newsmeta)
    libs=$(pc --libs newsmeta)
    static=$(pc --static --libs newsmeta)
    libdir=$(pc --variable=libdir newsmeta)
    [ "$(cd "$libdir" && pwd -P)" = "$(cd "$p/$NM_LIBDIR" && pwd -P)" ] || fail "libdir is $libdir"
    case " $cflags " in *" -I$p/"*|*" -I$p/$NM_LIBDIR/pkgconfig/"*) ;; *) fail "--cflags: $cflags" ;; esac
    case " $libs " in *" -lnewsmeta "*) ;; *) fail "--libs: $libs" ;; esac
    for l in -lxml2 -ljansson -licuuc -licui18n; do
        case " $static " in *" $l "*) ;; *) fail "--static --libs lacks $l: $static" ;; esac
    done
    ok "newsmeta.pc: $cflags | $libs"

    rm -rf "$dir/pkgconfig" && mkdir -p "$dir/pkgconfig"
    cp "$here/consumer/headline.c" "$dir/pkgconfig/"
    # shellcheck disable=SC2086 # flags are word lists
    "$NM_CC" $NM_CFLAGS -o "$dir/pkgconfig/headline" "$dir/pkgconfig/headline.c" \
        $cflags $libs -Wl,-rpath,"$libdir"
    ldd "$dir/pkgconfig/headline" | grep "libnewsmeta.so.$NM_ABI_VERSION => $libdir/" >/dev/null ||
        fail "the program does not load libnewsmeta from the prefix: $(ldd "$dir/pkgconfig/headline")"
    check_headline "$dir/pkgconfig/headline"

    # The README's example, built the way the README says.
    local example out
    example=$(dirname "$NM_SAMPLE")/print-article.c
    cp "$example" "$dir/pkgconfig/"
    # shellcheck disable=SC2086
    "$NM_CC" $NM_CFLAGS -std=c11 -Wall -Wextra -pedantic -Werror -o "$dir/pkgconfig/print-article" \
        "$dir/pkgconfig/print-article.c" $cflags $libs -Wl,-rpath,"$libdir"
    out=$("$dir/pkgconfig/print-article" "$NM_SAMPLE") || fail "print-article exited $?"
    [ "$(head -n 1 <<<"$out")" = "headline:  Floating solar farm opens on Harrowmere reservoir" ] ||
        fail "print-article printed: $out"
    ok "examples/print-article.c"
}

# ---- find_package ----------------------------------------------------------
cmd_cmake() {
    local dir p
    dir=$(scratch)
    p=$dir/prefix
    rm -rf "$dir/cmake" && mkdir -p "$dir/cmake"
    cp "$here/consumer/headline.c" "$here/consumer/CMakeLists.txt" "$dir/cmake/"
    local log=$dir/cmake/configure.log
    "$NM_CMAKE" -S "$dir/cmake" -B "$dir/cmake/build" -G "$NM_GENERATOR" \
        -DCMAKE_C_COMPILER="$NM_CC" -DCMAKE_C_FLAGS="$NM_CFLAGS" \
        -DCMAKE_PREFIX_PATH="$p" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
        -DPKG_CONFIG_EXECUTABLE="$NM_PKG_CONFIG" >"$log" 2>&1 || { cat "$log"; fail "configure"; }
    cat "$log"
    grep "newsmeta $NM_VERSION from $p/" "$log" >/dev/null || fail "find_package did not find the prefix's newsmeta"
    "$NM_CMAKE" --build "$dir/cmake/build"
    check_headline "$dir/cmake/build/headline"
    check_headline "$dir/cmake/build/headline_static"
    if LC_ALL=C readelf -d "$dir/cmake/build/headline_static" | grep 'NEEDED.*libnewsmeta'; then
        fail "headline_static links libnewsmeta dynamically"
    fi
    ok "newsmeta::newsmeta_static links the archive"
}

# ---- the installed CLI -----------------------------------------------------
cmd_cli() {
    local p out
    p=$(scratch)/prefix
    # No LD_LIBRARY_PATH: the CLI finds its library through its RPATH.
    out=$(env -u LD_LIBRARY_PATH "$p/$NM_BINDIR/newsmeta" "$NM_SAMPLE") || fail "newsmeta exited $?"
    case $out in
        *'"headline":"Floating solar farm opens on Harrowmere reservoir"'*) ok "installed CLI" ;;
        *) fail "unexpected output: $out" ;;
    esac
}

# ---- exported symbols ------------------------------------------------------
# The shared object exports exactly the public newsmeta_* functions; the
# static archive defines nothing outside newsmeta_* and the internal nmi_*
# prefix, so linking it into a program cannot collide with other names.
cmd_exports() {
    local so=$1 archive=$2 header=$3 bad
    bad=$(nm -D --defined-only "$so" | awk '{print $NF}' | grep -v '^newsmeta_' || true)
    [ -z "$bad" ] || fail "$so exports symbols without the newsmeta_ prefix:"$'\n'"$bad"
    local want have missing
    want=$(grep -oE 'NEWSMETA_API[^(]*[^a-z_]newsmeta_[a-z_0-9]+\(' "$header" |
           grep -oE 'newsmeta_[a-z_0-9]+\($' | tr -d '(' | sort -u)
    have=$(nm -D --defined-only "$so" | awk '{print $NF}' | sort -u)
    missing=$(comm -23 <(echo "$want") <(echo "$have"))
    [ -z "$missing" ] || fail "declared with NEWSMETA_API but not exported:"$'\n'"$missing"
    extra=$(comm -13 <(echo "$want") <(echo "$have"))
    [ -z "$extra" ] || fail "exported but not declared in $header:"$'\n'"$extra"
    ok "$so exports the $(echo "$want" | wc -l) public functions and nothing else"
    # Sanitizer instrumentation adds its own __asan/__odr_asan/__ubsan globals.
    bad=$(nm -g --defined-only "$archive" 2>/dev/null | awk 'NF == 3 {print $3}' |
          grep -vE '^(newsmeta_|nmi_|__(odr_)?asan|__ubsan)' || true)
    [ -z "$bad" ] || fail "$archive defines global symbols without a newsmeta_/nmi_ prefix:"$'\n'"$bad"
    ok "$archive defines only newsmeta_* and nmi_* globals"
}

case ${1:-} in
    setup | cleanup | layout | pkgconfig | cmake | cli) "cmd_$1" ;;
    exports) shift; cmd_exports "$@" ;;
    *) echo "usage: $0 setup|layout|pkgconfig|cmake|cli|cleanup|exports ..." >&2; exit 2 ;;
esac
