#!/usr/bin/env bash
# Browser test of the annotated HTML page (examples/annotate.rs).
#
# Renders tests/browser/report.txt (a report written by the baocao team) to HTML,
# loads the page in headless Chromium and checks that
#   - the page is self-contained (no src=, no link or url() outside the page),
#   - it loaded without any console message (errors and uncaught exceptions
#     reach Chromium's log as CONSOLE lines) and its script ran to the end,
#   - it shows every record: as many <mark> highlights, with distinct ids, as
#     the JSON output of the extract example has records;
# then takes a screenshot (docs/annotate.png, or the path given as $1).
#
#   bash tests/browser/render.sh [OUT.png]
#
# Skips (exit 0) when no Chromium is installed: `apt-get install -y chromium`.
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "browser test: skipped (no chromium; apt-get install -y chromium)"
  exit 0
fi
shot=${1:-docs/annotate.png}
report=tests/browser/report.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "browser test: FAILED: $*" >&2
  exit 1
}

cargo run --quiet --release --example annotate -- --out "$work" "$report" >/dev/null
cargo run --quiet --release --example extract -- "$report" >"$work/report.json"
page="$work/report.txt.html"
[ -s "$page" ] || fail "the example wrote no page"

# The JSON's record count, and the first record of a failed check (to show in
# the screenshot's side panel).
if command -v python3 >/dev/null; then
  read -r records focus < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
failed = [c["total"] for c in d["checks"] if not c["ok"]]
print(len(d["records"]), failed[0] if failed else 0)' "$work/report.json")
else
  # Only records have a "kind" key in the contract.
  records=$(grep -o '"kind":' "$work/report.json" | wc -l)
  focus=0
fi
[ "$records" -gt 0 ] || fail "the extractor found no record in $report"

# Self-contained: no resource from anywhere but the page itself.
if grep -Eo '(src|href)="[^"#][^"]*"|url\(|@import' "$page" | grep -v '^href="data:,"$'; then
  fail "the page loads a resource (above)"
fi

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --enable-logging=stderr --v=0)
url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"

timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile-dom" \
  --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.log" ||
  { cat "$work/dom.log" >&2; fail "chromium could not load the page"; }
if grep -F ':CONSOLE' "$work/dom.log" >&2; then
  fail "console messages while loading the page (above)"
fi
if grep -o 'data-baocao-errors="[^"]*"' "$work/dom.html" >&2; then
  fail "the page's script raised an error"
fi
ready=$(grep -o 'data-baocao-ready="[0-9]*"' "$work/dom.html" | grep -o '[0-9]\+' || true)
[ -n "$ready" ] || fail "the page's script did not run to the end"
marks=$(grep -o '<mark class="baocao ' "$work/dom.html" | wc -l)
ids=$(grep -o '<mark class="[^"]*" id="baocao-r[0-9]*"' "$work/dom.html" | sort -u | wc -l)
[ "$marks" -eq "$records" ] || fail "$marks highlights for $records records"
[ "$ids" -eq "$records" ] || fail "$ids distinct highlight ids for $records records"
[ "$ready" -eq "$records" ] || fail "the script saw $ready highlights for $records records"

mkdir -p "$(dirname "$shot")"
timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile-shot" \
  --hide-scrollbars --window-size=1280,1000 --screenshot="$shot" "$url?record=$focus" \
  >/dev/null 2>"$work/shot.log" ||
  { cat "$work/shot.log" >&2; fail "chromium could not take the screenshot"; }
if grep -F ':CONSOLE' "$work/shot.log" >&2; then
  fail "console messages while taking the screenshot (above)"
fi
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  fail "$shot is not a PNG"

echo "browser test: ok: $records records, $marks highlights, no console message; screenshot $shot"
