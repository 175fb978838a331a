#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit, installed from
# PyPI into a temporary virtualenv: in a temporary git repository, `pre-commit try-repo`
# against this repository must fail on a staged defective release document and pass on
# a clean one staged with an ordinary README.
#
#   bash scripts/test-pre-commit.sh
#
# pre-commit builds release-lint with `cargo install`, in the release profile; the test
# needs a working binary, not a fast one, so the profile is turned into an unoptimised
# one through CARGO_PROFILE_RELEASE_* variables. The build goes to $CARGO_TARGET_DIR, by
# default target/pre-commit in this repository, so a second run reuses it.
# On 2 cores: about 7 minutes cold (pip, then the build), about 1 minute warm.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$SECONDS

command -v cargo >/dev/null || { echo "cargo is required" >&2; exit 2; }
command -v git >/dev/null || { echo "git is required" >&2; exit 2; }

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
pre_commit="$work/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$work/pre-commit-home"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target/pre-commit}"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_DEBUG=false
# Keep the user's git configuration (hooks, signing, templates) out of the test repo.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid

project="$work/project"
mkdir -p "$project/releases"
cd "$project"
git init -q
git commit -q --allow-empty -m "initial"

passed=0
failed=0
check() { # check NAME EXPECTED(pass|fail)
    local name=$1 expected=$2 log="$work/$1.log"
    if "$pre_commit" try-repo "$repo" release-lint --color never >"$log" 2>&1; then
        actual=pass
    else
        actual=fail
    fi
    if [ "$actual" = "$expected" ]; then
        echo "ok: $name ($actual)"
        passed=$((passed + 1))
    else
        echo "FAILED: $name: expected $expected, got $actual; pre-commit said:" >&2
        cat "$log" >&2
        failed=$((failed + 1))
    fi
}

clean="$repo/fixtures/clean/ready.md"
# The clean `ready` fixture with one Deployment Prerequisites item left open (RL201).
sed 's/^- \[x\] Code review completed and approved$/- [ ] Code review completed and approved/' \
    "$clean" >releases/2026-11-30-mobile-gateway.md
if cmp -s "$clean" releases/2026-11-30-mobile-gateway.md; then
    echo "the defective document is not defective: fixtures/clean/ready.md changed?" >&2
    exit 2
fi
git add releases
check "defective release document" fail
if ! grep -q "RL201" "$work/defective release document.log"; then
    echo "FAILED: the failing run does not name RL201" >&2
    failed=$((failed + 1))
fi

cp "$clean" releases/2026-11-30-mobile-gateway.md
printf '# Project\n\nAn ordinary README.\n\n- [ ] an open todo that is nobody'"'"'s business\n' >README.md
git add releases README.md
check "clean release document and a README" pass

echo "pre-commit end-to-end took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
