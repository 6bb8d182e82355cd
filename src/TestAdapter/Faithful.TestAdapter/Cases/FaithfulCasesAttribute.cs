using System.Globalization;
using System.Reflection;
using Faithful.Families;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Faithful.TestAdapter.Cases;

/// <summary>
/// Theory data: every program of a catalog × <see cref="Inputs"/> sampled inputs (× <see cref="Samples"/> repeated samples),
/// as <see cref="FaithfulTestCase"/> arguments with readable display names such as <c>Chain(a: 3, b: -7)</c>.
/// <code>
/// [Theory, FaithfulCases(typeof(ReferencePrograms), Inputs = 3, Seed = 1)]
/// public async Task Is_faithful(FaithfulTestCase @case) { ... }
/// </code>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FaithfulCasesAttribute(Type catalog) : DataAttribute
{
    public Type Catalog { get; } = catalog;

    /// <summary>Sampled inputs per program (distinct; fewer when a tiny domain repeats draws).</summary>
    public int Inputs { get; set; } = 3;

    /// <summary>Seed for input sampling; the same seed gives the same cases in every run.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Repeated samples per (program, inputs); each is its own test case with its own sample index.</summary>
    public int Samples { get; set; } = 1;

    /// <summary>Only programs whose name or id contains this text (optional).</summary>
    public string? Program { get; set; }

    /// <summary>Only programs with at most this many steps (optional; 0 = no limit).</summary>
    public int MaxSteps { get; set; }

    /// <summary>
    /// How each case is put to the model: <c>single</c> (default), <c>checkpointed</c>, <c>gradual</c>, <c>plan-execute</c>,
    /// <c>explain-then-execute</c> or <c>metamorphic</c> (docs/protocols.md). The case's <see cref="FaithfulTestCase.Protocol"/>
    /// runs it through a <see cref="Protocols.ProtocolRunner"/>.
    /// </summary>
    public string Protocol { get; set; } = "single";

    /// <summary><c>checkpointed</c>: steps between checks (0 = the default, 5).</summary>
    public int Every { get; set; }

    /// <summary><c>gradual</c>: steps revealed per turn (0 = the default, 5).</summary>
    public int Reveal { get; set; }

    /// <summary><c>checkpointed</c>: end a case at the first failed check instead of correcting and going on.</summary>
    public bool StopOnError { get; set; }

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (Inputs < 1 || Samples < 1)
        {
            throw new ArgumentException($"[FaithfulCases] on {testMethod.DeclaringType?.Name}.{testMethod.Name}: Inputs and Samples must be at least 1 (got Inputs = {Inputs}, Samples = {Samples}).");
        }

        var programs = CatalogReader.Load(Catalog)
            .Where(p => Program is null || p.Id.Contains(Program, StringComparison.Ordinal))
            .Where(p => MaxSteps <= 0 || p.Steps.Count <= MaxSteps)
            .ToList();
        if (programs.Count == 0)
        {
            throw new ArgumentException($"[FaithfulCases] on {testMethod.DeclaringType?.Name}.{testMethod.Name}: catalog {Catalog.FullName} has no program matching Program = '{Program}', MaxSteps = {MaxSteps}.");
        }

        var protocol = new CaseProtocol(Protocol, Every, Reveal, StopOnError);
        try
        {
            _ = protocol.Create();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"[FaithfulCases] on {testMethod.DeclaringType?.Name}.{testMethod.Name}: {e.Message}", e);
        }

        var rows = new List<ITheoryDataRow>();
        foreach (var program in programs)
        {
            foreach (var inputs in InputSampler.SampleMany(program, Inputs, unchecked((ulong)Seed)).Select(c => c.Inputs).Distinct())
            {
                for (var sample = 0; sample < Samples; sample++)
                {
                    var @case = new FaithfulTestCase(Catalog, program, inputs, sample, protocol);
                    rows.Add(new TheoryDataRow(@case)
                    {
                        // xUnit appends the argument, so the name reads "Method(case: Chain(a: 3, b: -7))".
                        TestDisplayName = testMethod.Name,
                        Traits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
                        {
                            ["program"] = [program.Id],
                            ["steps"] = [program.Steps.Count.ToString(CultureInfo.InvariantCulture)],
                            ["protocol"] = [protocol.Name],
                        },
                    });
                }
            }
        }

        return new ValueTask<IReadOnlyCollection<ITheoryDataRow>>(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
