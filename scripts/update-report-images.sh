#!/usr/bin/env bash
# Regenerates docs/images/main-job-*.svg: runs the main job (`faithful run`, the simulated study profile, seed 1)
# and cuts the first model's headline and failure-mode panels out of the HTML report it writes.
# Run it after changing the plots or the simulated profile, then review and commit the images.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet run --project "$root/src/Cli/Faithful.Cli" -c Release -- run --out "$out" >/dev/null
for pair in "plot-headline-0:main-job-headline" "plot-modes-0:main-job-modes"; do
  id=${pair%%:*}
  name=${pair##*:}
  svg=$(grep -oP "<svg [^>]*id=\"$id\".*?</svg>" "$out/report.html")
  test -n "$svg" || { echo "no <svg id=\"$id\"> in the report" >&2; exit 1; }
  # A standalone image needs its own background; the report page gives it one through CSS.
  printf '<?xml version="1.0" encoding="utf-8"?>\n%s\n' "${svg/<svg /<svg style=\"background:#fff\" }" > "$root/docs/images/$name.svg"
  echo "wrote docs/images/$name.svg"
done
