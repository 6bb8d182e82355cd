#!/usr/bin/env bash
# Issue 14's scale figures, measured in one run: `faithful score` peak RSS on 1x and 4x the same replies (and their
# ratio), run-file bytes per reply, and the size of each report. Replies are a faithful.transcript/1 JSONL file (or .gz),
# e.g. the real loop corpus: scripts/scale-figures.sh ../shared/realdata/codesim-loops/replies.jsonl.gz
set -euo pipefail

replies="${1:?usage: scripts/scale-figures.sh <replies.jsonl[.gz]> [work-folder]}"
work="${2:-$(mktemp -d)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/src/Cli/Faithful.Cli/bin/Release/net10.0/faithful.dll"

if [[ ! -x /usr/bin/time ]]; then
  echo "skipped: /usr/bin/time (GNU time) is needed for peak RSS; install the 'time' package." >&2
  exit 0
fi

[[ -f "$cli" ]] || dotnet build "$root/src/Cli/Faithful.Cli" -c Release >/dev/null

mkdir -p "$work"
one="$work/replies-1x.jsonl"
four="$work/replies-4x.jsonl"
if [[ "$replies" == *.gz ]]; then zcat "$replies" > "$one"; else cp "$replies" "$one"; fi
cat "$one" "$one" "$one" "$one" > "$four"

measure() { # <label> <input>
  local out="$work/out-$1"
  rm -rf "$out"
  /usr/bin/time -f "%M %e" -o "$work/time-$1" dotnet "$cli" score "$2" --out "$out" >"$work/log-$1" 2>&1 || true
  read -r kb seconds < "$work/time-$1"
  local lines; lines=$(grep -c . "$2")
  local run; run=$(stat -c %s "$out/scored.jsonl")
  printf '%-3s %7d replies  peak RSS %7.1f MB  %6.1f s  run file %8.1f MB (%5.0f B/reply)  HTML %6.2f MB  JSON %6.2f MB  JUnit %6.2f MB  Markdown %6.2f MB\n' \
    "$1" "$lines" "$(echo "$kb/1024" | bc -l)" "$seconds" "$(echo "$run/1048576" | bc -l)" "$(echo "$run/$lines" | bc -l)" \
    "$(echo "$(stat -c %s "$out/report.html")/1048576" | bc -l)" "$(echo "$(stat -c %s "$out/report.json")/1048576" | bc -l)" \
    "$(echo "$(stat -c %s "$out/junit.xml")/1048576" | bc -l)" "$(echo "$(stat -c %s "$out/report.md")/1048576" | bc -l)"
  echo "$kb" > "$work/rss-$1"
}

measure 1x "$one"
measure 4x "$four"
printf 'peak RSS 4x / 1x: %.2f (target: within 1.3; under 500 MB for the 6,553 loop replies)\n' \
  "$(echo "$(cat "$work/rss-4x")/$(cat "$work/rss-1x")" | bc -l)"
