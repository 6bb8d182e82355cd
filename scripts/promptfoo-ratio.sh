#!/usr/bin/env bash
# Issue 14: replay the same recorded replies through `faithful score` (parse, align, judge every step, classify, four
# reports) and through promptfoo (echo provider, one regex assertion, concurrency 4), in one run, and print the ratios.
# promptfoo is timed two ways, since both tools should keep what they computed:
#   - out of the box (`promptfoo eval`): results saved to promptfoo's own database, which `promptfoo view` reads; the
#     database lives in a fresh folder under the work folder, so earlier runs do not slow it;
#   - results in a file only (`--no-write -o results.json`, no cache, no table): the least promptfoo does while still
#     keeping its results, as `faithful score` keeps its run file and reports.
# promptfoo is installed with npm into the work folder; without npm (or when the install fails) the script says so and
# exits 0, since the comparison is a benchmark, not a test. PROMPTFOO_RATIO_DEFAULT=0 skips the out-of-the-box run.
#   scripts/promptfoo-ratio.sh <replies.jsonl[.gz]> [count=10000] [work-folder]
set -euo pipefail

replies="${1:?usage: scripts/promptfoo-ratio.sh <replies.jsonl[.gz]> [count] [work-folder]}"
count="${2:-10000}"
work="${3:-$(mktemp -d)}"
version="${PROMPTFOO_VERSION:-0.118}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/src/Cli/Faithful.Cli/bin/Release/net10.0/faithful.dll"

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "skipped: npm and node are needed to install promptfoo; install Node.js 20+ and rerun." >&2
  exit 0
fi

mkdir -p "$work"
if [[ ! -x "$work/node_modules/.bin/promptfoo" ]]; then
  # Browser downloads (optional playwright dependencies) are not needed for an eval and may be unreachable.
  if ! (cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent "promptfoo@$version" >"$work/npm.log" 2>&1); then
    echo "skipped: npm could not install promptfoo@$version (see $work/npm.log)." >&2
    exit 0
  fi
fi

[[ -f "$cli" ]] || dotnet build "$root/src/Cli/Faithful.Cli" -c Release >/dev/null

# Installed faithful is compiled ahead of time (ReadyToRun), as a deployed tool would be: the build output spends a
# second of a few-second run compiling code just in time. Three forms are timed and the fastest is compared: the build
# output, a framework-dependent ReadyToRun publish, and a self-contained composite ReadyToRun publish (the app and the
# .NET framework compiled together: no cross-assembly generic code left to compile at run time; ~300 MB, and the
# publish takes minutes once; FAITHFUL_RATIO_COMPOSITE=0 skips it). A failed publish is reported and left out.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;; Linux-aarch64) rid=linux-arm64 ;; Darwin-arm64) rid=osx-arm64 ;; Darwin-x86_64) rid=osx-x64 ;; *) rid="" ;;
esac
published="$work/faithful-r2r/faithful.dll"
if [[ -n "$rid" && ! -f "$published" ]]; then
  # Each form builds in a folder of its own: a composite publish leaves compiled parts of its image among the
  # intermediates, which a later framework-dependent publish would copy and which then abort at start-up.
  dotnet publish "$root/src/Cli/Faithful.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    --artifacts-path "$work/build-r2r" -o "$work/faithful-r2r" >"$work/publish.log" 2>&1 || echo "note: the ReadyToRun publish failed (see $work/publish.log); left out." >&2
fi
composite="$work/faithful-composite/faithful"
if [[ -n "$rid" && "${FAITHFUL_RATIO_COMPOSITE:-1}" != 0 && ! -x "$composite" ]]; then
  dotnet publish "$root/src/Cli/Faithful.Cli" -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true \
    -p:PublishReadyToRunComposite=true --artifacts-path "$work/build-composite" -o "$work/faithful-composite" >"$work/publish-composite.log" 2>&1 \
    || echo "note: the composite ReadyToRun publish failed (see $work/publish-composite.log); left out." >&2
fi

# The same N replies for both: the file's lines, repeated until there are N.
python3 - "$replies" "$count" "$work" <<'PY'
import gzip, json, sys
path, count, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
opener = gzip.open if path.endswith(".gz") else open
with opener(path, "rt", encoding="utf-8") as f:
    lines = [l for l in f if l.strip()]
picked = [lines[i % len(lines)] for i in range(count)]
with open(f"{work}/replies.jsonl", "w", encoding="utf-8") as out:
    out.writelines(picked)
with open(f"{work}/tests.jsonl", "w", encoding="utf-8") as out:
    for l in picked:
        out.write(json.dumps({"vars": {"reply": json.loads(l)["reply"]}}) + "\n")
PY

cat > "$work/promptfooconfig.yaml" <<'YAML'
description: replay recorded replies
prompts:
  - '{{reply}}'
providers:
  - echo
defaultTest:
  assert:
    - type: regex
      value: '<result>\s*-?\d+\s*</result>'
tests: file://tests.jsonl
YAML

now() { date +%s.%N; }
start=$(now)
dotnet "$cli" score "$work/replies.jsonl" --out "$work/faithful-out" >"$work/faithful.log" 2>&1 || { echo "faithful score failed (see $work/faithful.log)" >&2; exit 1; }
built=$(echo "$(now) - $start" | bc -l)
faithful=$built
form="build output"
forms="build output $(printf '%.1f' "$built") s"
# Times one published form (label, short name, command...): a form that fails to score is reported and left out.
time_form() {
  local label="$1" name="$2"; shift 2
  local began took rc=0
  began=$(now)
  "$@" score "$work/replies.jsonl" --out "$work/faithful-$name-out" >"$work/faithful-$name.log" 2>&1 || rc=$?
  if (( rc != 0 )); then
    echo "note: the $label failed to score (exit $rc; see $work/faithful-$name.log); left out." >&2
    return 0
  fi
  took=$(echo "$(now) - $began" | bc -l)
  forms="$forms, $name $(printf '%.1f' "$took") s"
  if (( $(echo "$took < $faithful" | bc -l) )); then faithful=$took; form="$label"; fi
  cmp -s "$work/faithful-out/report.json" "$work/faithful-$name-out/report.json" || echo "warning: the $label and the build output wrote different reports" >&2
}
[[ -f "$published" ]] && time_form "ReadyToRun publish" r2r dotnet "$published"
[[ -x "$composite" ]] && time_form "self-contained composite ReadyToRun publish" composite "$composite"
form="$form; $forms"

export PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1
# Times one promptfoo eval (name, extra flags...) and prints its seconds; the log is kept beside it.
time_promptfoo() {
  local name="$1" began; shift
  rm -rf "$work/promptfoo-home-$name"
  began=$(now)
  (cd "$work" && PROMPTFOO_CONFIG_DIR="$work/promptfoo-home-$name" ./node_modules/.bin/promptfoo eval -c promptfooconfig.yaml \
    --max-concurrency 4 "$@" >"$work/promptfoo-$name.log" 2>&1) || true
  echo "$(now) - $began" | bc -l
  if ! grep -qiE "pass|success|fail" "$work/promptfoo-$name.log"; then
    echo "promptfoo ($name) did not report an evaluation; see $work/promptfoo-$name.log" >&2
  fi
}

lean=$(time_promptfoo file --no-write --no-cache --no-table --no-progress-bar -o "$work/promptfoo-results.json")
printf 'replies: %d\nfaithful score: %.1f s (%s; every step parsed, aligned and judged; run file and four reports)\n' "$count" "$faithful" "$form"
printf 'promptfoo %s eval, results in a file only: %.1f s (echo provider, one regex assertion, concurrency 4)\n' "$version" "$lean"
printf 'ratio promptfoo / faithful, results in a file only: %.1fx (target: at least 10x)\n' "$(echo "$lean / $faithful" | bc -l)"
if [[ "${PROMPTFOO_RATIO_DEFAULT:-1}" != 0 ]]; then
  default=$(time_promptfoo default)
  printf 'promptfoo %s eval, out of the box (results saved to its database): %.1f s\n' "$version" "$default"
  printf 'ratio promptfoo / faithful, out of the box: %.1fx (target: at least 10x)\n' "$(echo "$default / $faithful" | bc -l)"
fi
