#!/usr/bin/env bash
# Packaging smoke test: packs the analyzer package (analyzers + generator in analyzers/dotnet/cs, Faithful.Core in lib),
# the test-adapter package (with the libraries it depends on) and the faithful tool into a local folder feed; then
# builds and runs a fresh consumer project from that feed, installs the tool from it and runs the tool on the
# consumer's catalog. Usage: eng/pack-smoke.sh [work-folder]. Exit code 0 when every step worked.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
feed="$work/feed"
packages="$work/packages"
rm -rf "$feed" "$packages" "$work/consumer" "$work/tools" "$work/out"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
quiet=(--nologo -v q -c Release)

echo "== build (Release)"
dotnet build "$root/src/Cli/Faithful.Cli/Faithful.Cli.csproj" "${quiet[@]}"
dotnet build "$root/src/TestAdapter/Faithful.TestAdapter/Faithful.TestAdapter.csproj" "${quiet[@]}"

echo "== pack into $feed"
for project in \
    src/Core/Faithful.Core/Faithful.Core.csproj \
    src/TestAdapter/Faithful.Traces/Faithful.Traces.csproj \
    src/TestAdapter/Faithful.Clients/Faithful.Clients.csproj \
    src/TestAdapter/Faithful.Protocols/Faithful.Protocols.csproj \
    src/TestAdapter/Faithful.TestAdapter/Faithful.TestAdapter.csproj \
    src/Cli/Faithful.Cli/Faithful.Cli.csproj; do
  dotnet pack "$root/$project" "${quiet[@]}" --no-build -o "$feed"
done
# The analyzer package builds its code-fix and core siblings itself.
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

Console.WriteLine($"adapter: {typeof(Faithful.TestAdapter.Assertions.FaithfulAssert).FullName}");

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

echo "== tool"
NUGET_PACKAGES="$packages" dotnet tool install Faithful.Cli --version 0.1.0 --tool-path "$work/tools" --add-source "$feed" --configfile "$work/consumer/nuget.config"
CI=true "$work/tools/faithful" run --assembly "$work/consumer/bin/out/Consumer.dll" --inputs 3 --out "$work/out"
test -s "$work/out/report.html"
echo "pack smoke test passed"
