#!/usr/bin/env bash
# Packaging smoke test: packs the analyzer package (analyzers + generator in analyzers/dotnet/cs, depending on the
# Faithful.Core package for net10.0), Faithful.Core, the GpuRef library, the test-adapter package (with the libraries
# it depends on) and the faithful tool into a local folder feed; then builds and runs a fresh consumer project from that
# feed (its generated catalog, and a GpuRef batch checked against the reference evaluator), installs the tool from it
# and runs the tool on the consumer's catalog; and creates a project with `dotnet new faithful-tests` from the template
# package in the feed and runs `dotnet test` on it. Usage: eng/pack-smoke.sh [work-folder]. Exit code 0 when every step worked.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
feed="$work/feed"
packages="$work/packages"
rm -rf "$feed" "$packages" "$work/consumer" "$work/tools" "$work/out" "$work/template-hive" "$work/template-consumer"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
quiet=(--nologo -v q -c Release)

# A project made by `dotnet new faithful-tests` from the local feed passes `dotnet test` (the template package is
# installed into a private template hive, so the machine's own templates are untouched).
template_smoke() {
  echo "== template: dotnet new faithful-tests"
  dotnet pack "$root/src/Templates/Faithful.Templates/Faithful.Templates.csproj" "${quiet[@]}" -o "$feed"
  local hive="$work/template-hive" project="$work/template-consumer"
  dotnet new install "$feed/Faithful.Templates.0.1.0.nupkg" --debug:custom-hive "$hive"
  dotnet new faithful-tests -n SmokeModelTests -o "$project" --debug:custom-hive "$hive"
  cp "$work/consumer/nuget.config" "$project/nuget.config"
  (cd "$project" && NUGET_PACKAGES="$packages" dotnet test 2>&1) | tee "$work/template-test.log"
  grep -Eq "succeeded: [1-9]" "$work/template-test.log"
  echo "template project passed dotnet test"
}

echo "== build (Release)"
dotnet build "$root/src/Cli/Faithful.Cli/Faithful.Cli.csproj" "${quiet[@]}"
dotnet build "$root/src/TestAdapter/Faithful.TestAdapter/Faithful.TestAdapter.csproj" "${quiet[@]}"

echo "== pack into $feed"
for project in \
    src/Core/Faithful.Core/Faithful.Core.csproj \
    src/GpuRef/Faithful.GpuRef/Faithful.GpuRef.csproj \
    src/TestAdapter/Faithful.Results/Faithful.Results.csproj \
    src/TestAdapter/Faithful.Traces/Faithful.Traces.csproj \
    src/TestAdapter/Faithful.Simulation/Faithful.Simulation.csproj \
    src/TestAdapter/Faithful.Clients/Faithful.Clients.csproj \
    src/TestAdapter/Faithful.Protocols/Faithful.Protocols.csproj \
    src/TestAdapter/Faithful.TestAdapter/Faithful.TestAdapter.csproj \
    src/Cli/Faithful.Cli/Faithful.Cli.csproj; do
  dotnet pack "$root/$project" "${quiet[@]}" --no-build -o "$feed"
done
# The analyzer package builds its code-fix sibling itself.
dotnet pack "$root/src/Analyzers/Faithful.Analyzers/Faithful.Analyzers.csproj" "${quiet[@]}" -o "$feed"
ls "$feed"

echo "== consumer project"
mkdir -p "$work/consumer"
cd "$work/consumer"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="faithful-local" value="$feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
  </fallbackPackageFolders>
  <config>
    <add key="globalPackagesFolder" value="$packages" />
  </config>
</configuration>
XML
cat > Consumer.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Faithful.Analyzers" Version="0.1.0" />
    <PackageReference Include="Faithful.TestAdapter" Version="0.1.0" />
    <PackageReference Include="Faithful.GpuRef" Version="0.1.0" />
  </ItemGroup>
</Project>
XML
cat > Program.cs <<'CS'
using Faithful;
using Faithful.Execution;

foreach (var program in Faithful.Generated.ReferencePrograms.All)
{
    var trace = ReferenceEvaluator.Evaluate(program, 3, 4);
    Console.WriteLine($"{program.Id}: {program.Steps.Count} steps, answer {trace.Answer}");
}

// FaithfulAssert resolves through the global usings the adapter package adds (Faithful, Faithful.Testing).
Console.WriteLine($"adapter: {typeof(FaithfulAssert).FullName}");

// Ground truth in batch from the GpuRef library package: 1,000 input pairs of the generated program in one call.
var chain = Faithful.Generated.ReferencePrograms.Chain;
using var host = Faithful.GpuRef.Hosting.GpuRefHost.Create();
var batch = new Faithful.GpuRef.Batches.TraceBatch();
for (var a = 0; a < 1000; a++)
{
    batch.Add(chain, a - 500, 4);
}

var result = host.Evaluate(batch);
var agree = Enumerable.Range(0, batch.PairCount).Count(i => result.ToTrace(i) == ReferenceEvaluator.Evaluate(chain, i - 500, 4));
Console.WriteLine($"gpuref: {batch.PairCount} traces, {agree} equal to the reference evaluator, (3, 4) -> {result.ToTrace(503).Answer}");

public static class ConsumerPrograms
{
    [ReferenceProgram("Two-input look-back chain")]
    public static long Chain(long a, long b)
    {
        var s1 = a + b;
        var s2 = s1 * a;
        var s3 = s2 - s1;
        return s3;
    }
}
CS
dotnet build --nologo -v q -c Release -o "$work/consumer/bin/out"
output=$(dotnet "$work/consumer/bin/out/Consumer.dll")
echo "$output"
grep -q "ConsumerPrograms.Chain: 3 steps, answer 14" <<<"$output"
grep -q "gpuref: 1000 traces, 1000 equal to the reference evaluator, (3, 4) -> 14" <<<"$output"
grep -q "adapter: Faithful.Testing.FaithfulAssert" <<<"$output"

echo "== tool"
NUGET_PACKAGES="$packages" dotnet tool install Faithful.Cli --version 0.1.0 --tool-path "$work/tools" --add-source "$feed" --configfile "$work/consumer/nuget.config"
CI=true "$work/tools/faithful" run --assembly "$work/consumer/bin/out/Consumer.dll" --inputs 3 --out "$work/out"
test -s "$work/out/report.html"

template_smoke
echo "pack smoke test passed"
