using Faithful.Cli.Tests.Support;
using Faithful.Fuzzing;

namespace Faithful.Cli.Tests.Fuzzing;

/// <summary>
/// The CI slice of the fuzzing harness (a few thousand generated inputs per target, a new seed each run, printed on a
/// failure) and every input that ever crashed a target, kept as a regression. The long run is
/// <c>dotnet run -c Release --project benchmarks/Faithful.Benchmarks -- fuzz</c> (docs/fuzzing.md).
/// </summary>
public sealed class FuzzTests
{
    public static TheoryData<string, int> Slices => new()
    {
        { "transcripts", 600 },
        { "programs", 200 },
        { "traces", 2_000 },
    };

    public static TheoryData<string, string> Regressions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var target in FuzzTargets.All)
            {
                var folder = Path.Combine(RegressionRoot, target.Name);
                foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.fuzz").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
                {
                    data.Add(target.Name, Path.GetFileName(file));
                }
            }

            return data;
        }
    }

    private static string RegressionRoot => Path.Combine(RepoPaths.Root, "tests", "Faithful.Cli.Tests", "Fuzzing", "Regressions");

    [Theory]
    [MemberData(nameof(Slices))]
    public void A_slice_of_generated_inputs_finds_no_crash(string target, int inputs)
    {
        var report = FuzzRunner.Run(FuzzTargets.Named(target), inputs, threads: 2);

        Assert.True(report.Crashes == 0, $"{report}\n{report.Failure}");
        Assert.Equal(inputs, report.Inputs);
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Every_input_that_ever_crashed_a_target_is_handled(string target, string file)
    {
        var fuzzTarget = FuzzTargets.Named(target);
        var input = fuzzTarget.Decode(File.ReadAllBytes(Path.Combine(RegressionRoot, target, file)));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        fuzzTarget.Run(input);

        Assert.True(watch.Elapsed < fuzzTarget.Budget, $"{file} took {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
