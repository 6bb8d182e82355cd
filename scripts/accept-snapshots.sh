#!/usr/bin/env bash
# Accepts received trace snapshots after review: every *.received.txt under the given folders (default: the
# repository's tests/ and samples/) replaces its *.verified.txt. Never run in CI: CI only reports diffs.
# Usage: scripts/accept-snapshots.sh [--dry-run] [folder...]
set -euo pipefail
cd "$(dirname "$0")/.."

dry_run=0
if [[ "${1:-}" == "--dry-run" ]]; then
  dry_run=1
  shift
fi

if [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; then
  echo "accept-snapshots: refusing to accept snapshots in CI (CI=${CI}); accept locally after review and commit the .verified.txt files." >&2
  exit 2
fi

folders=("$@")
if [[ ${#folders[@]} -eq 0 ]]; then
  folders=(tests samples)
fi

count=0
while IFS= read -r -d '' received; do
  verified="${received%.received.txt}.verified.txt"
  if [[ $dry_run -eq 1 ]]; then
    echo "would accept: $verified"
  else
    mv -f "$received" "$verified"
    echo "accepted: $verified"
  fi
  count=$((count + 1))
done < <(find "${folders[@]}" -name '*.received.txt' -not -path '*/bin/*' -not -path '*/obj/*' -print0 2>/dev/null)

echo "accept-snapshots: $count snapshot(s) $([[ $dry_run -eq 1 ]] && echo "to accept" || echo "accepted")."
