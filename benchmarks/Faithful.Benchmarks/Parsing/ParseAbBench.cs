using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace Faithful.Benchmarks.Parsing;

/// <summary>
/// The <c>parse</c> rows of two builds in one process, each build in its own load context, measured in short alternating
/// slices: a neighbour's load on a shared machine slows both builds alike, so the per-slice ratio B/A stays steady where
/// two separate runs differ by ±20%. Prints each build's median rate and the median and middle half of the ratios.
/// </summary>
public sealed class ParseAbBench : IBench
{
    public string Name => "parse-ab";

    public string Description => "parse rows of two builds in one process, alternating; args: <build A dir> <build B dir> [row filter] [rounds] [slice seconds]";

    private const string EntryType = "Faithful.Benchmarks.Parsing.ParseBench";

    public int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: parse-ab <build A dir> <build B dir> [row filter] [rounds (20)] [slice seconds (0.25)]; each dir holds a Release build of Faithful.Benchmarks");
            return 2;
        }

        var filter = args.Length > 2 ? args[2] : "";
        var rounds = args.Length > 3 && int.TryParse(args[3], out var r) && r > 0 ? r : 20;
        var slice = args.Length > 4 && double.TryParse(args[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var sl) && sl > 0 ? sl : 0.25;

        var builds = new Build[2];
        for (var k = 0; k < 2; k++)
        {
            if (Build.Load(args[k], k == 0 ? "A" : "B", out var build, out var problem))
            {
                builds[k] = build!;
            }
            else
            {
                Console.Error.WriteLine($"error: {problem}");
                return 2;
            }
        }

        var labels = builds[0].RowLabels().Intersect(builds[1].RowLabels(), StringComparer.Ordinal)
            .Where(label => label.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (labels.Count == 0)
        {
            Console.Error.WriteLine($"error: no row of both builds matches '{filter}'");
            return 2;
        }

        Console.WriteLine($"parse-ab: {rounds} alternating rounds of {slice:0.##} s per build, stage and row; one thread; steps per CPU-second");
        Console.WriteLine($"  A = {Path.GetFullPath(args[0])}");
        Console.WriteLine($"  B = {Path.GetFullPath(args[1])}");
        Console.WriteLine($"{"row",-17} {"stages",-6} {"A median",12} {"B median",12} {"B/A median",11} {"middle half",14}");
        foreach (var label in labels)
        {
            object[] cases = [builds[0].RowCases(label), builds[1].RowCases(label)];
            foreach (var withStages in new[] { false, true })
            {
                // Tiered JIT settles over the first slices: run each build a few times untimed.
                for (var w = 0; w < 3; w++)
                {
                    builds[0].StepsPerSecond(cases[0], withStages, slice);
                    builds[1].StepsPerSecond(cases[1], withStages, slice);
                }

                var rates = new[] { new List<double>(), new List<double>() };
                var ratios = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    // Alternate which build goes first, so neither always follows the other's garbage.
                    var first = round % 2;
                    var got = new double[2];
                    foreach (var k in new[] { first, 1 - first })
                    {
                        got[k] = builds[k].StepsPerSecond(cases[k], withStages, slice);
                        rates[k].Add(got[k]);
                    }

                    ratios.Add(got[1] / got[0]);
                }

                Console.WriteLine($"{label,-17} {(withStages ? "full" : "parse"),-6} {Median(rates[0]),12:N0} {Median(rates[1]),12:N0} {Median(ratios),11:0.000} {Quantile(ratios, 0.25),6:0.000}-{Quantile(ratios, 0.75):0.000}");
            }
        }

        return 0;
    }

    private static double Median(List<double> values) => Quantile(values, 0.5);

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(q * (sorted.Count - 1))];
    }

    // Loads every assembly the build folder holds from that folder, before the default context can answer: this
    // process's own copies of the same assemblies (its dependencies) would otherwise serve both builds.
    private sealed class BuildContext(string name, string root) : AssemblyLoadContext($"build {name}")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(root, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }

    // One build of this benchmark project, loaded with its own copies of the Faithful assemblies.
    private sealed class Build(MethodInfo rowLabels, MethodInfo rowCases, MethodInfo stepsPerSecond)
    {
        public static bool Load(string directory, string name, out Build? build, out string problem)
        {
            build = null;
            var path = Path.Combine(directory, "Faithful.Benchmarks.dll");
            if (!File.Exists(path))
            {
                problem = $"build {name}: no Faithful.Benchmarks.dll in '{Path.GetFullPath(directory)}' (give the folder of a Release build, e.g. benchmarks/Faithful.Benchmarks/bin/Release/net10.0 copied aside)";
                return false;
            }

            var root = Path.GetFullPath(directory);
            var context = new BuildContext(name, root);
            var entry = context.LoadFromAssemblyPath(Path.GetFullPath(path)).GetType(EntryType);
            var labels = entry?.GetProperty("RowLabels", BindingFlags.Public | BindingFlags.Static)?.GetMethod;
            var cases = entry?.GetMethod("RowCases", BindingFlags.Public | BindingFlags.Static);
            var rate = entry?.GetMethod("StepsPerSecond", BindingFlags.Public | BindingFlags.Static);
            if (labels is null || cases is null || rate is null)
            {
                problem = $"build {name} ('{root}') predates parse-ab: its ParseBench has no RowLabels/RowCases/StepsPerSecond; build it from a commit that has them";
                return false;
            }

            // The build's reader must be its own, not this process's: say so loudly if the load contexts were bypassed.
            if (entry!.Assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "Faithful.Traces") is { } traces
                && AssemblyLoadContext.GetLoadContext(context.LoadFromAssemblyName(traces)) != context)
            {
                problem = $"build {name}: Faithful.Traces did not load from '{root}'";
                return false;
            }

            build = new Build(labels, cases, rate);
            problem = "";
            return true;
        }

        public IEnumerable<string> RowLabels() => (IEnumerable<string>)rowLabels.Invoke(null, null)!;

        public object RowCases(string label) => rowCases.Invoke(null, [label])!;

        public double StepsPerSecond(object cases, bool withStages, double seconds) => (double)stepsPerSecond.Invoke(null, [cases, withStages, seconds])!;
    }
}
