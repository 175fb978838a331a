#!/usr/bin/env bash
# The library crates can be published: each packages (metadata complete, only its own
# files) and its packaged source builds on its own, in dependency order, with the
# siblings taken from the packages just made rather than from a registry. Offline.
#
# `cargo publish --dry-run` asks the registry's index first, so it cannot run offline;
# `cargo package` does the same packaging and verification without it. With `--online`,
# this script runs `cargo publish --dry-run` too (docs/releasing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
crates=(release-doc release-rules release-gen)
packages=()
for crate in "${crates[@]}"; do packages+=(-p "$crate"); done
fail() {
    echo "check-publish: $*" >&2
    exit 1
}

# Each package holds its README, its sources, and nothing from outside its folder.
for crate in "${crates[@]}"; do
    list=$(cargo package --offline --locked --allow-dirty --list -p "$crate")
    grep -qx README.md <<<"$list" || fail "$crate: README.md is not packaged"
    grep -qx src/lib.rs <<<"$list" || fail "$crate: src/lib.rs is not packaged"
    ! grep -E '^(tests|benches|examples)/' <<<"$list" ||
        fail "$crate: tests, benches or examples are packaged (they read the workspace's fixtures)"
done

# The metadata a registry shows, and the corpus crate stays private.
cargo metadata --offline --locked --no-deps --format-version 1 | python3 -c '
import json, sys
packages = {p["name"]: p for p in json.load(sys.stdin)["packages"]}
errors = []
for name in sys.argv[1:]:
    package = packages[name]
    missing = [key for key in ("description", "license", "repository", "readme",
                               "rust_version", "keywords", "categories")
               if not package.get(key)]
    if package.get("publish") == []:
        missing.append("publish = true")
    if missing:
        errors.append(name + ": missing " + ", ".join(missing))
if packages["release-corpus"].get("publish") != []:
    errors.append("release-corpus: must stay publish = false")
if errors:
    sys.exit("check-publish: " + "; ".join(errors))
' "${crates[@]}"

# Package and verify in dependency order; cargo puts each package in a local registry
# for the next one to build against. Cargo unpacks those packages under
# $CARGO_HOME/registry/src/-<hash of the local registry's path>/ and reuses an unpacked
# copy it finds there: a second checkout at the same path (a CI clone made again) would
# build against the old sources of the siblings. Those copies go first.
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
for crate in "${crates[@]}"; do
    rm -rf "$cargo_home"/registry/src/-*/"$crate"-[0-9]*
done
cargo package --offline --locked --allow-dirty "${packages[@]}"

if [ "${1:-}" = --online ]; then
    cargo publish --dry-run --locked --allow-dirty "${packages[@]}"
fi
echo "check-publish: ${#crates[@]} passed, 0 failed"
