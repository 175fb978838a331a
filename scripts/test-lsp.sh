#!/usr/bin/env bash
# End-to-end test of `release-lint server` with real LSP clients: pytest-lsp (from PyPI,
# on pygls) in a temporary virtualenv drives the binary over its standard input and
# output, as an editor does, and headless Neovim runs the documented configuration:
# tests/lsp/*.py.
#
#   bash scripts/test-lsp.sh [PYTEST ARGS...]
#
# The binary is the debug build (`cargo build`, into $CARGO_TARGET_DIR, by default
# target/ of this repository, so after `cargo test` it is already there). On 2 cores:
# about 1 minute cold (pip), about 15 s warm.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$SECONDS

command -v cargo >/dev/null || { echo "cargo is required" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }

cd "$repo"
cargo build --locked --quiet --bin release-lint
export RELEASE_LINT_BIN="${CARGO_TARGET_DIR:-$repo/target}/debug/release-lint"
[ -x "$RELEASE_LINT_BIN" ] || { echo "no binary at $RELEASE_LINT_BIN" >&2; exit 2; }

# tests/lsp/test_neovim.py runs the Neovim configuration of docs/editors.md in Debian's
# neovim, headless; installed here when missing (CI runs as root).
if ! command -v nvim >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "installing Debian's neovim for the Neovim test"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
    else
        echo "nvim is required (Debian: apt-get install neovim)" >&2
        exit 2
    fi
fi

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "pytest-lsp>=1,<2"

# -p no:cacheprovider: no .pytest_cache in the repository. pytest exits 5 when it
# collects no test, which fails this script as it should.
"$work/venv/bin/python" -m pytest -p no:cacheprovider -o asyncio_default_fixture_loop_scope=function \
    -q tests/lsp "$@"
echo "LSP end-to-end took $((SECONDS - started)) s"
