using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.Cli.Tests.Gating;

/// <summary>
/// One case identity (<see cref="CaseKey"/>) across producers: a baseline blessed from <c>faithful score</c> pairs every
/// case of a <c>faithful run</c> of the same programs, inputs and samples, and a baseline in the ids written before the
/// key was shared (no parameter names) still pairs.
/// </summary>
public sealed class CaseIdentityTests
{
    [Fact]
    public async Task A_baseline_blessed_from_faithful_score_pairs_every_case_of_a_faithful_run()
    {
        using var dir = new TempDir();
        var catalog = CompileChainCatalog(dir.Path);
        Assert.Equal(0, (await CliProcess.RunAsync("run", "--assembly", catalog, "--model", "sim:study", "--inputs", "4", "--samples", "2", "--out", dir["run"])).ExitCode);
        var run = RunFileReader.Read(Path.Combine(dir["run"], "run.jsonl")).Results;
        Assert.Equal(16, run.Count);

        // The same replies as transcripts another tool collected: the program by name, the inputs by parameter.
        File.WriteAllLines(dir["transcripts.jsonl"], run.Select(r =>
        {
            Assert.True(CaseKey.TryParse(r.CaseId, out var key), r.CaseId);
            return JsonSerializer.Serialize(new
            {
                model = r.Model,
                programName = r.ProgramId,
                inputs = key.Inputs.ToDictionary(i => i.Name!, i => long.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture)),
                sample = r.Sample,
                reply = r.Reply,
            });
        }));
        var score = await CliProcess.RunAsync("score", dir["transcripts.jsonl"], "--assembly", catalog, "--out", dir["scored"]);
        Assert.True(score.ExitCode == 0, score.Output);
        var scored = RunFileReader.Read(Path.Combine(dir["scored"], "scored.jsonl")).Results;
        Assert.Equal(run.Select(r => r.CaseId).Order(), scored.Select(r => r.CaseId).Order());

        var bless = await CliInProcess.RunAsync("bless", Path.Combine(dir["scored"], "scored.jsonl"), "--output", dir["baseline.json"]);
        Assert.True(bless.ExitCode == 0, bless.Output);
        var gate = await CliInProcess.RunAsync("gate", Path.Combine(dir["run"], "run.jsonl"), "--baseline", dir["baseline.json"]);

        Assert.True(gate.ExitCode == 0, gate.Output);
        Assert.Contains("16 shared cases, 0 right→wrong, 0 wrong→right", gate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_in_the_ids_written_before_names_were_shared_still_pairs()
    {
        using var dir = new TempDir();
        var catalog = CompileChainCatalog(dir.Path);
        Assert.Equal(0, (await CliProcess.RunAsync("run", "--assembly", catalog, "--model", "sim:study", "--inputs", "3", "--out", dir["run"])).ExitCode);
        var bless = await CliInProcess.RunAsync("bless", Path.Combine(dir["run"], "run.jsonl"), "--output", dir["baseline.json"]);
        Assert.True(bless.ExitCode == 0, bless.Output);

        // What faithful score wrote before: Id(3,-7)#0.
        var old = File.ReadAllText(dir["baseline.json"]);
        var rewritten = System.Text.RegularExpressions.Regex.Replace(old, @"\b[ab]=(-?\d+)", "$1");
        Assert.NotEqual(old, rewritten);
        File.WriteAllText(dir["baseline.json"], rewritten);

        var gate = await CliInProcess.RunAsync("gate", Path.Combine(dir["run"], "run.jsonl"), "--baseline", dir["baseline.json"]);

        Assert.True(gate.ExitCode == 0, gate.Output);
        Assert.Contains("6 shared cases", gate.Output, StringComparison.Ordinal);
    }

    // A catalog assembly like the generator writes: two study chains.
    private static string CompileChainCatalog(string directory)
    {
        const string source = """
            namespace Faithful.Generated;
            public static class ReferencePrograms
            {
                public static System.Collections.Generic.IEnumerable<Faithful.Model.StepProgram> All =>
                [
                    new Faithful.Families.ChainSpec(5, 2, ProgramSeed: 3).Generate(),
                    new Faithful.Families.ChainSpec(14, 3, ProgramSeed: 4).Generate(),
                ];
            }
            """;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create(
            "ChainCatalog",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Collections.dll")),
                MetadataReference.CreateFromFile(typeof(StepProgram).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(directory, "ChainCatalog.dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        File.Copy(typeof(StepProgram).Assembly.Location, Path.Combine(directory, Path.GetFileName(typeof(StepProgram).Assembly.Location)), overwrite: true);
        return path;
    }
}
