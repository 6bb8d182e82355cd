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

    /// <summary>Sampled inputs per program.</summary>
    public int Inputs { get; set; } = 3;

    /// <summary>Seed for input sampling; the same seed gives the same cases in every run.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Repeated samples per (program, inputs); each is its own test case with its own sample index.</summary>
    public int Samples { get; set; } = 1;

    /// <summary>Only programs whose name or id contains this text (optional).</summary>
    public string? Program { get; set; }

    /// <summary>Only programs with at most this many steps (optional; 0 = no limit).</summary>
    public int MaxSteps { get; set; }

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

        var rows = new List<ITheoryDataRow>();
        foreach (var program in programs)
        {
            foreach (var inputs in InputSampler.SampleMany(program, Inputs, unchecked((ulong)Seed)).Select(c => c.Inputs).Distinct())
            {
                for (var sample = 0; sample < Samples; sample++)
                {
                    var @case = new FaithfulTestCase(Catalog, program, inputs, sample);
                    rows.Add(new TheoryDataRow(@case)
                    {
                        // xUnit appends the argument, so the name reads "Method(case: Chain(a: 3, b: -7))".
                        TestDisplayName = testMethod.Name,
                        Traits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
                        {
                            ["program"] = [program.Id],
                            ["steps"] = [program.Steps.Count.ToString(CultureInfo.InvariantCulture)],
                        },
                    });
                }
            }
        }

        return new ValueTask<IReadOnlyCollection<ITheoryDataRow>>(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
