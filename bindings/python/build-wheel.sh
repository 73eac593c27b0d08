#!/usr/bin/env bash
# Build the Python wheel with the library inside it, offline.
#
# usage: bindings/python/build-wheel.sh BUILD_DIR OUT_DIR
#   BUILD_DIR  a CMake build of newsmeta (its libnewsmeta.so.0 goes in the wheel)
#   OUT_DIR    where newsmeta_c-<version>-py3-none-<platform>.whl is written
#
# The wheel holds the newsmeta package and libnewsmeta.so.0; the libraries
# that one links (libxml2, Jansson, ICU, zlib, Brotli) come from the system
# (Debian 12: libxml2 libjansson4 libicu72 zlib1g libbrotli1). Needs pip,
# setuptools and wheel (Debian: python3-pip python3-wheel); no network.
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,11p' "${BASH_SOURCE[0]}" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
lib=$(readlink -f "$build/libnewsmeta.so.0")
[ -f "$lib" ] || { echo "build-wheel: no libnewsmeta.so.0 in $build" >&2; exit 1; }
python=${PYTHON:-/usr/bin/python3}
stage=$(mktemp -d "${TMPDIR:-/tmp}/newsmeta-wheel.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp -r "$here/newsmeta" "$here/pyproject.toml" "$here/setup.py" "$here/README.md" "$stage/"
rm -rf "$stage/newsmeta/__pycache__"
cp "$lib" "$stage/newsmeta/libnewsmeta.so.0"
strip --strip-unneeded "$stage/newsmeta/libnewsmeta.so.0" 2>/dev/null || true
PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_NO_CACHE_DIR=1 \
    "$python" -m pip wheel --no-build-isolation --no-deps --no-index -w "$out" "$stage" >&2
ls "$out"/newsmeta_c-*.whl
