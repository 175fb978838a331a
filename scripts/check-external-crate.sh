#!/usr/bin/env bash
# Builds tests/external-crate, a crate outside the workspace that depends on the library
# crates by path and uses only their public API, and runs its binaries (the first
# examples of the crates' READMEs) on fixtures.
#
# Offline and with the workspace's own versions: the workspace's Cargo.lock is copied in
# (cargo drops what the crate does not use), and the target folder is the workspace's, so
# the dependencies the workspace build compiled are reused.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
crate=tests/external-crate
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

cargo fmt --manifest-path "$crate/Cargo.toml" --check
cp Cargo.lock "$crate/Cargo.lock"
run() {
    cargo run --offline --quiet --manifest-path "$crate/Cargo.toml" --bin "$@"
}
fail() {
    echo "check-external-crate: $*" >&2
    exit 1
}

# Build first, so that the lock is trimmed; then it holds no version the workspace's
# lock does not.
cargo build --offline --quiet --manifest-path "$crate/Cargo.toml"
versions() { awk '/^name = /{name=$3} /^version = /{print name, $3}' "$1" | sort; }
extra=$(comm -23 <(versions "$crate/Cargo.lock" | grep -v '^"release-lint-external-crate"') \
    <(versions Cargo.lock))
[ -z "$extra" ] || fail "tests/external-crate resolved versions the workspace's Cargo.lock lacks: $extra"

# release-doc: the open checklist items of a draft, with their lines.
open=$(run open_items fixtures/clean/draft.md)
grep -q '^[0-9][0-9]*: Deployment Prerequisites / Code & Testing: ' <<<"$open" ||
    fail "open_items printed no open Code & Testing item: $open"
closed=$(run open_items fixtures/clean/closed.md)
! grep -q 'Deployment Prerequisites' <<<"$closed" ||
    fail "open_items found open prerequisites in a closed document: $closed"

# release-rules: the findings of a broken document, at their line and column.
findings=$(run check_document fixtures/broken/bad-values.md)
grep -q '^[0-9][0-9]*:[0-9][0-9]*: error RL' <<<"$findings" ||
    fail "check_document printed no error: $findings"
clean=$(run check_document fixtures/clean/closed.md)
grep -qx 'stage closed: 0 findings' <<<"$clean" || fail "check_document: $clean"

# release-gen: a new document with a value set, which parses back to it.
new=$(run new_document "overview.release_name=Payments API" 2>&1)
grep -q '^\*\*Release\*\*: Payments API ({{ overview.release_version }})$' <<<"$new" ||
    fail "new_document did not render the release name: $new"
grep -q '^release Some("Payments API")' <<<"$new" || fail "new_document: $new"

echo "check-external-crate: 3 passed, 0 failed"
