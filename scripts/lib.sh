# shellcheck shell=bash
# Shared helpers for scripts/setup and scripts/test. Source it; do not run it.
#
#   NEWSMETA_ROOT            the repository root
#   nm_log MESSAGE...        print a step heading on stderr
#   nm_install_deps          apt-get install whatever build/test package is missing
#   nm_build DIR [ARGS...]   configure (cmake -S ROOT -B DIR ARGS...) and build DIR
#
# Honoured environment: CC (default cc, i.e. gcc), JOBS (default: nproc).

NEWSMETA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian 12 packages the build, the tests and the schema check need
# (zlib1g-dev and libbrotli-dev: the WARC reader; wget: the WARC tests;
# python3-markdown: the Markdown round trip; python3-venv: the wheel test; python3-pip and python3-distributed: the Python binding's python.install
# and python.dask tests; doxygen, groff-base and man-db: the API reference
# and the man page tests; libcurl4-openssl-dev: the crawler example).
NEWSMETA_DEPS=(build-essential cmake pkg-config libxml2-dev libjansson-dev libicu-dev
               zlib1g-dev libbrotli-dev wget
               check python3 python3-jsonschema python3-pip python3-distributed python3-markdown python3-venv
               doxygen groff-base man-db libcurl4-openssl-dev)

nm_log() {
    printf '\n==> %s\n' "$*" >&2
}

nm_jobs() {
    echo "${JOBS:-$(nproc 2>/dev/null || echo 2)}"
}

# Install only what is missing, so a machine that has everything never
# touches the network, and apt-get update runs only when needed.
nm_install_deps() {
    local missing=() pkg
    for pkg in "${NEWSMETA_DEPS[@]}"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        nm_log "dependencies: all installed"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || {
            echo "scripts: need root or sudo to install: ${missing[*]}" >&2
            return 1
        }
        sudo=(sudo)
    fi
    # Wait for another apt/dpkg run instead of failing on its lock.
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q
               -o DPkg::Lock::Timeout=600)
    nm_log "installing: ${missing[*]}"
    "${apt[@]}" update
    "${apt[@]}" install -y --no-install-recommends "${missing[@]}"
}

nm_build() {
    local dir=$1
    shift
    case $dir in /*) ;; *) dir=$NEWSMETA_ROOT/$dir ;; esac
    local cc
    cc=$(command -v "${CC:-cc}") || { echo "scripts: no C compiler '${CC:-cc}'" >&2; return 1; }
    # A build dir copied from another checkout, or configured with another
    # compiler than CC asks for, cannot be reused: start it afresh.
    if [ -f "$dir/CMakeCache.txt" ]; then
        local home cc_cached
        home=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$dir/CMakeCache.txt")
        cc_cached=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$dir/CMakeCache.txt")
        if [ "$home" != "$NEWSMETA_ROOT" ] || [ "$cc_cached" != "$cc" ]; then
            nm_log "discarding stale CMake cache in $dir"
            rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
        fi
    fi
    nm_log "configure $dir: $*"
    # Build chatter goes to stderr, so a script's stdout is only its result.
    cmake -S "$NEWSMETA_ROOT" -B "$dir" -DCMAKE_C_COMPILER="$cc" "$@" >&2
    nm_log "build $dir"
    cmake --build "$dir" -j "$(nm_jobs)" >&2
}
