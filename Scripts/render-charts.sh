#!/bin/sh
# Renders a chart as SVG and a report as HTML with the built wekaql, then screenshots both with headless
# Chromium, to check that real browsers draw them. Usage: Scripts/render-charts.sh [OUT_DIR]
# (default .build/charts). Needs chromium (Debian's package); builds wekaql first if it is missing.
set -eu
cd "$(dirname "$0")/.."
out=${1:-.build/charts}
mkdir -p "$out"
out=$(cd "$out" && pwd)
wekaql=.build/debug/wekaql
[ -x "$wekaql" ] || swift build --product wekaql
export LC_ALL=C.UTF-8
"$wekaql" -o "$out/chart.svg" -e 'arrests count by country sort by count desc | chart bar title "Arrest reports by country"'
"$wekaql" -o "$out/report.html" Examples/11-charts-and-checks.wql
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then echo "render-charts: no chromium found; the SVG and HTML are in $out" >&2; exit 1; fi
for page in chart.svg report.html; do
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1400 \
        --screenshot="$out/${page%.*}.png" "file://$out/$page" >/dev/null 2>&1
    echo "render-charts: $out/${page%.*}.png"
done
