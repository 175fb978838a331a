#!/usr/bin/env bash
# The HTML page of `release-lint report` in a real browser: headless Chromium (Debian's
# `chromium` package, installed with apt-get when missing) loads the page of the
# generated history with no console error, its DOM holds the four SVG charts, and a
# screenshot of it is taken (kept in $REPORT_SCREENSHOT_DIR when set).
#
#   bash scripts/test-report-html.sh
#
# About 20 seconds warm, plus the install of Chromium the first time.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v chromium >/dev/null; then
    echo "test-report-html: installing chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

cd "$repo"
cargo build --locked --quiet --bin release-lint
cargo run --locked --quiet -p release-history --example write_history -- "$work/history"
bin="${CARGO_TARGET_DIR:-$repo/target}/debug/release-lint"
"$bin" report "$work/history/releases" \
    --repo "$work/history/repos/payments" --repo "$work/history/repos/ledger" \
    --format html -o "$work/report.html"

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
    --no-first-run --user-data-dir="$work/profile" --enable-logging=stderr --v=0)
url="file://$work/report.html"

chromium "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/console.log"
if grep -E 'CONSOLE|Uncaught|ERROR:.*(console|javascript)' "$work/console.log" | grep -v -i 'dbus\|gpu\|sandbox\|crashpad\|fontconfig\|vaapi\|gcm\|ozone' >"$work/errors.log"; then
    echo "test-report-html: console errors:" >&2
    cat "$work/errors.log" >&2
    exit 1
fi
for id in chart-deployments chart-change-failure-rate chart-mttr chart-lead-time; do
    if ! grep -q "<figure id=\"$id\"><svg" "$work/dom.html"; then
        echo "test-report-html: the rendered page has no $id chart" >&2
        exit 1
    fi
done

chromium "${flags[@]}" --hide-scrollbars --window-size=1200,2400 \
    --screenshot="$work/report.png" "$url" 2>>"$work/console.log"
size=$(stat -c %s "$work/report.png" 2>/dev/null || echo 0)
if [ "$size" -lt 20000 ]; then
    echo "test-report-html: the screenshot is missing or blank ($size bytes)" >&2
    exit 1
fi
if [ -n "${REPORT_SCREENSHOT_DIR:-}" ]; then
    mkdir -p "$REPORT_SCREENSHOT_DIR"
    cp "$work/report.png" "$work/report.html" "$REPORT_SCREENSHOT_DIR/"
fi
echo "test-report-html: ok (screenshot $size bytes)"
