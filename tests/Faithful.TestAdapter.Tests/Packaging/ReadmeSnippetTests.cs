using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Faithful.TestAdapter.Tests.Packaging;

/// <summary>
/// README's `dotnet test` snippet is what a new user pastes: it compiles exactly as shown in a project that has only
/// what the package adds (the Faithful and Faithful.Testing global usings) and xUnit's, and it is the theory the
/// `dotnet new faithful-tests` template writes (eng/pack-smoke.sh runs that project with `dotnet test`).
/// The build runs alone, after the parallel tests, so its load cannot disturb their timeouts.
/// </summary>
[Collection(nameof(ReadmeSnippetTests))]
public sealed partial class ReadmeSnippetTests
{
    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Faithful.Analyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Faithful.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Template => Path.Combine(Root, "src", "Templates", "Faithful.Templates", "content", "faithful-tests");

    private static string Snippet()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var section = readme.IndexOf("## Testing a model in `dotnet test`", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no section '## Testing a model in `dotnet test`'");
        var block = CSharpBlock().Match(readme, section);
        Assert.True(block.Success, "that README section has no ```csharp block");
        return block.Groups[1].Value;
    }

    [Fact]
    public void The_template_theory_is_the_readme_snippet()
    {
        var theory = File.ReadAllText(Path.Combine(Template, "ModelTests.cs")).ReplaceLineEndings("\n");

        Assert.Equal("namespace FaithfulTests;\n\n" + Snippet(), theory);
    }

    [Fact]
    public void The_template_selects_the_testing_platform_runner_and_references_this_version_of_the_packages()
    {
        var globalJson = File.ReadAllText(Path.Combine(Template, "global.json"));
        var templateJson = File.ReadAllText(Path.Combine(Template, ".template.config", "template.json"));
        var project = File.ReadAllText(Path.Combine(Template, "FaithfulTests.csproj"));
        var version = Regex.Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

        Assert.Matches("\"runner\"\\s*:\\s*\"Microsoft.Testing.Platform\"", globalJson);
        Assert.Contains("\"shortName\": \"faithful-tests\"", templateJson, StringComparison.Ordinal);
        Assert.Contains($"\"defaultValue\": \"{version}\"", templateJson, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Faithful.TestAdapter\" Version=\"FAITHFUL_PACKAGE_VERSION\" />", project, StringComparison.Ordinal);
        Assert.Contains($"<PackageReference Include=\"xunit.v3\" Version=\"{XunitVersion()}\" />", project, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_snippet_compiles_exactly_as_shown_with_only_the_package_usings()
    {
        var dir = Directory.CreateTempSubdirectory("faithful-readme-").FullName;
        try
        {
            var adapter = Path.Combine(Root, "src", "TestAdapter", "Faithful.TestAdapter");
            await File.WriteAllTextAsync(Path.Combine(dir, "Snippet.cs"), Snippet(), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(dir, "ReadmeSnippet.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{Path.Combine(adapter, "buildTransitive", "Faithful.TestAdapter.props")}" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="xunit.v3" Version="{XunitVersion()}" />
                    <ProjectReference Include="{Path.Combine(adapter, "Faithful.TestAdapter.csproj")}" />
                  </ItemGroup>
                  <ItemGroup>
                    <Using Include="Xunit" />
                  </ItemGroup>
                </Project>
                """, TestContext.Current.CancellationToken);

            // The adapter is already built (this test project depends on it); build only the snippet against it.
            var (exitCode, output) = await RunAsync("dotnet", ["build", Path.Combine(dir, "ReadmeSnippet.csproj"), "-c", Configuration, "-p:BuildProjectReferences=false", "--nologo", "-v", "q"]);

            Assert.True(exitCode == 0, "README's snippet does not compile as shown:\n" + output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string XunitVersion() =>
        Regex.Match(File.ReadAllText(Path.Combine(Root, "Directory.Packages.props")), "Include=\"xunit.v3\" Version=\"([^\"]+)\"").Groups[1].Value;

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

[CollectionDefinition(nameof(ReadmeSnippetTests), DisableParallelization = true)]
public sealed class ReadmeSnippetCollection;
