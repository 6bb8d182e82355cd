using System.Reflection;
using Faithful.Reports.Gating;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation;

namespace Faithful.Cli.Tests.Architecture;

/// <summary>
/// The package boundaries, read from the built assemblies: reports and result data never reach the parser or the
/// scorer, and the simulated model lives outside Faithful.Traces.
/// </summary>
public sealed class PackageBoundaryTests
{
    private static readonly Assembly Reports = typeof(Gate).Assembly;
    private static readonly Assembly Results = typeof(CaseResult).Assembly;
    private static readonly Assembly Traces = typeof(TraceParser).Assembly;
    private static readonly Assembly Simulation = typeof(SimulatedChatClient).Assembly;

    [Fact]
    public void Reports_depend_on_the_result_data_and_not_on_the_parser()
    {
        var closure = FaithfulClosure(Reports);

        Assert.Equal("Faithful.Reports", Reports.GetName().Name);
        Assert.Contains("Faithful.Results", closure);
        Assert.DoesNotContain("Faithful.Traces", closure);
        Assert.DoesNotContain("Faithful.Simulation", closure);
    }

    [Fact]
    public void The_result_data_holds_no_parser_or_scorer()
    {
        Assert.Equal("Faithful.Results", Results.GetName().Name);
        Assert.Equal(["Faithful.Core"], FaithfulClosure(Results));
        Assert.DoesNotContain(Results.GetTypes(), t => t.Name is "TraceParser" or "CaseScorer" or "FailureClassifier" or "TraceAligner" or "SequenceAligner" or "AttemptAligner");
    }

    [Fact]
    public void Faithful_Traces_contains_no_simulation()
    {
        Assert.Equal("Faithful.Traces", Traces.GetName().Name);
        Assert.Equal("Faithful.Simulation", Simulation.GetName().Name);
        Assert.DoesNotContain(Traces.GetTypes(), t => t.Namespace?.Split('.').Contains("Simulation") == true);
        Assert.DoesNotContain("Faithful.Simulation", FaithfulClosure(Traces));
    }

    /// <summary>The names of the Faithful assemblies <paramref name="root"/> references, directly or through each other.</summary>
    private static SortedSet<string> FaithfulClosure(Assembly root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("Faithful.", StringComparison.Ordinal) && seen.Add(name))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return seen;
    }
}
