extern alias analyzer;

using System.Diagnostics;
using System.Globalization;
using analyzer::Faithful.Analyzers.Generation;
using Faithful.Families;
using Faithful.Model;
using Faithful.SourcePrograms;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.Benchmarks;

/// <summary>
/// The generator's cost in an IDE-like loop: a cold run over a file of study-sized programs, then incremental runs after
/// an unrelated edit (should be near free: everything cached) and after editing one program (one re-extraction).
/// Also the source reader's throughput on bare statements, as <c>faithful score</c> imports them.
/// </summary>
public sealed class GeneratorBench : IBench
{
    public string Name => "generator";

    public string Description => "incremental generator: cold vs cached vs one-edit runs; reader throughput";

    public int Run(string[] args)
    {
        var repeats = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? r : 5;
        var programs = Enumerable.Range(0, 40).Select(i => new ChainSpec(95, 1 + (i % 8), ValueKind.Int64, OperatorMix.Mixed, (ulong)i).Generate())
            .Concat(Enumerable.Range(0, 10).Select(i => new RegisterSpec(6, 200, RegisterQuery.Sum, RegisterOps.All, (ulong)(100 + i)).Generate()))
            .ToList();
        var source = CSharpProgramWriter.Write(programs, "Bench", "Programs").Source;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parse, "Programs.cs");
        var compilation = CSharpCompilation.Create("Bench", [tree], References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var steps = programs.Sum(p => p.Steps.Count);
        Console.WriteLine($"{programs.Count} programs, {steps} steps, {source.Length / 1024} KiB of C#; median of {repeats} runs");

        var cold = Median(repeats, () => NewDriver(parse).RunGenerators(compilation));
        var warm = NewDriver(parse).RunGenerators(compilation);
        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("static class Unrelated { static int X => 1; }", parse));
        var cached = Median(repeats, () => warm.RunGenerators(unrelated));
        var marker = source.IndexOf(" + ", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(marker, 3, " - ")));
        var oneEdit = Median(repeats, () => warm.RunGenerators(edited));

        Console.WriteLine($"cold run            {cold,9:F1} ms   ({cold * 1000 / steps:F1} µs/step)");
        Console.WriteLine($"unrelated edit      {cached,9:F1} ms   cold/cached ratio {cold / cached:F1}x");
        Console.WriteLine($"edit in one program {oneEdit,9:F1} ms   cold/one-edit ratio {cold / oneEdit:F1}x");

        var statements = string.Join("\n", programs[^1].Steps.Select(s => s.SourceText));
        var parameters = programs[^1].Parameters.ToList();
        var read = Median(repeats, () => CSharpProgramReader.ReadStatements(statements, parameters, ProgramAnswer.SumOfAll));
        Console.WriteLine($"reader, {programs[^1].Steps.Count} statements {read,7:F1} ms   ({read * 1000 / programs[^1].Steps.Count:F1} µs/statement)");
        return 0;
    }

    private static GeneratorDriver NewDriver(CSharpParseOptions parse) =>
        CSharpGeneratorDriver.Create([new ReferenceProgramGenerator().AsSourceGenerator()], parseOptions: parse);

    private static double Median(int repeats, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static MetadataReference[] References()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal))
            .Append(typeof(ReferenceProgramAttribute).Assembly.Location)
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p))];
    }
}
