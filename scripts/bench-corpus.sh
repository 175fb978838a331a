#!/usr/bin/env bash
# Times `release-lint check --format json` over a generated corpus of 1,000 documents against
# the floor (a bare pulldown-cmark pass over the same files), `fix --diff` and `report` next
# to `check`, one document whole-process, and
# reports peak memory (maximum resident set size) for 1,000 and 10,000 documents.
#
# Usage: scripts/bench-corpus.sh [WORKDIR]   (needs hyperfine and /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || apt-get install -y hyperfine
[ -x /usr/bin/time ] || apt-get install -y time
cargo build --release -q -p release-lint -p release-corpus
bin=target/release
work="${1:-$(mktemp -d)}"
rm -rf "$work/c1k" "$work/c10k"
"$bin/release-corpus" --seed 42 --count 1000 --out "$work/c1k"
"$bin/release-corpus" --seed 42 --count 10000 --out "$work/c10k"
one="$work/c1k/team-00/release-0000.md"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
echo "corpus: $(find "$work/c1k" -name '*.md' | wc -l) files, $(du -sh "$work/c1k" | cut -f1)"
# The linter exits 1 when it finds something: -i ignores the status.
hyperfine -N -i --warmup 3 --export-markdown "$work/corpus.md" \
  -n floor "$bin/floor $work/c1k" \
  -n "release-lint check --format json (1,000)" "$bin/release-lint check --format json $work/c1k"
# `fix --diff` (writes nothing) next to `check` over the same files (issue 15: within 1.3x).
hyperfine -N -i --warmup 3 --export-markdown "$work/fix.md" \
  -n "release-lint check --format json (1,000)" "$bin/release-lint check --format json $work/c1k" \
  -n "release-lint fix --diff (1,000)" "$bin/release-lint fix --diff $work/c1k"
# `report` next to `check` over the same files (issue 14: within 1.5x).
hyperfine -N -i --warmup 2 --export-markdown "$work/report.md" \
  -n "release-lint check --format json (10,000)" "$bin/release-lint check --format json $work/c10k" \
  -n "release-lint report --format json (10,000)" "$bin/release-lint report --format json $work/c10k"
hyperfine -N -i --warmup 5 --export-markdown "$work/one.md" \
  -n "release-lint check one document" "$bin/release-lint check --format json $one"
for dir in c1k c10k; do
  for cmd in check report; do
    /usr/bin/time -v -o "$work/time.txt" "$bin/release-lint" $cmd --format json "$work/$dir" >/dev/null 2>&1 || true
    kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
    echo "peak memory $cmd $dir: ${kb} KB"
  done
done
echo "results in $work"
