#!/usr/bin/env bash
# A consumer project builds newsmeta with add_subdirectory and without Check:
# pkg-config is wrapped so that asking for "check" fails, as on a machine
# without it. Built twice: both libraries (linking the shared one), and with
# NEWSMETA_BUILD_SHARED=OFF (linking the static one). Each build must not
# configure the tests, and its program must print the sample's headline.
#
# usage: run.sh NEWSMETA_SOURCE CMAKE SAMPLE_HTML EXPECTED_HEADLINE
set -euo pipefail
src=$1 cmake=$2 sample=$3 headline=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/newsmeta-subproject.XXXXXX")
trap 'rm -rf "$work"' EXIT
real_pkg_config=$(command -v pkg-config)
cat > "$work/pkg-config" <<WRAP
#!/bin/sh
for a in "\$@"; do [ "\$a" = check ] && exit 1; done
exec "$real_pkg_config" "\$@"
WRAP
chmod +x "$work/pkg-config"
for variant in both static-only; do
    extra=()
    [ "$variant" = static-only ] && extra=(-DNEWSMETA_BUILD_SHARED=OFF)
    build=$work/$variant
    "$cmake" -S "$here/consumer" -B "$build" -DNEWSMETA_SOURCE="$src" \
        -DPKG_CONFIG_EXECUTABLE="$work/pkg-config" "${extra[@]}" > "$work/$variant.log" 2>&1 ||
        { cat "$work/$variant.log"; echo "FAIL: $variant: configure"; exit 1; }
    ! grep -q "^CHECK_" "$build/CMakeCache.txt" || { echo "FAIL: $variant: the tests were configured"; exit 1; }
    "$cmake" --build "$build" -j 2 --target consumer > "$work/$variant-build.log" 2>&1 ||
        { tail -30 "$work/$variant-build.log"; echo "FAIL: $variant: build"; exit 1; }
    got=$("$build/consumer" < "$sample")
    [ "$got" = "$headline" ] || { echo "FAIL: $variant printed '$got'"; exit 1; }
    echo "ok: $variant"
done
