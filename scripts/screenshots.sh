#!/usr/bin/env bash
# Screenshots of every page of the notebooks' site in headless Chromium: light and dark, desktop
# (1100 px) and phone (400 px), the top HEIGHT px of each page, for looking at, not for committing.
#
#   scripts/screenshots.sh [OUT] [HEIGHT]      (defaults: screenshots/, 1600)
#
# Builds notebooks/ with .build/debug/nb (swift build first) into OUT/site, then writes
# OUT/PAGE-{light,dark}-{desktop,phone}.png. A phone-width page is shown in a 400 px iframe: a
# headless window is at least 500 px wide.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
height="${2:-1600}"
nb=.build/debug/nb
command -v chromium >/dev/null || { echo "screenshots.sh: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
[ -x "$nb" ] || { echo "screenshots.sh: $nb is missing; run swift build first" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
"$nb" build notebooks --out "$out/site" --base-url "https://example.org/" --quiet || [ $? -eq 1 ]
profile="$(mktemp -d)"
trap 'rm -rf "$profile" "$out"/site/shot-*.html' EXIT
for page in "$out"/site/*.html; do
  name="$(basename "$page" .html)"
  case "$name" in shot-*) continue ;; esac
  for scheme in light dark; do
    [ "$scheme" = dark ] && blink=0 || blink=1
    for device in desktop phone; do
      [ "$device" = desktop ] && width=1100 || width=400
      frame="$out/site/shot-$name-$width.html"
      printf '<!DOCTYPE html><html><head><meta name="color-scheme" content="light dark"></head><body style="margin:0">%s</body></html>\n' \
        "<iframe src=\"$name.html\" width=\"$width\" height=\"$height\" style=\"border:0;display:block\"></iframe>" > "$frame"
      chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
        --hide-scrollbars --blink-settings=preferredColorScheme=$blink --virtual-time-budget=5000 \
        --window-size="$width,$height" --screenshot="$out/$name-$scheme-$device.png" "file://$frame" >/dev/null 2>&1
      echo "$out/$name-$scheme-$device.png"
    done
  done
done
