using System.Globalization;
using System.Reflection;
using Faithful.Families;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Faithful.Testing;

/// <summary>
/// Theory data: every program of a catalog × <see cref="Inputs"/> sampled inputs (× <see cref="Samples"/> repeated samples),
/// as <see cref="FaithfulTestCase"/> arguments with readable display names such as <c>Chain(a: 3, b: -7)</c>.
/// Without a catalog type, the catalog is the test project's own <c>[ReferenceProgram]</c> methods (the
/// <c>Faithful.Generated.ReferencePrograms</c> class that Faithful.Analyzers generates).
/// <code>
/// [Theory, FaithfulCases(Inputs = 3, Seed = 1)]
/// public async Task Is_faithful(FaithfulTestCase @case) { ... }
/// </code>
/// </summary>
/// <param name="catalog">A type with a public static sequence of programs; null for the test project's generated catalog.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FaithfulCasesAttribute(Type? catalog = null) : DataAttribute
{
    /// <summary>The generated catalog's full name, looked up in the test method's assembly when no catalog is given.</summary>
    public const string GeneratedCatalogName = "Faithful.Generated.ReferencePrograms";

    public Type? Catalog { get; } = catalog;

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
    /// <c>explain-then-execute</c>, <c>metamorphic</c>, <c>corrupt-prefix</c>, <c>truncate</c>, <c>filler</c> or <c>paraphrase</c> (docs/protocols.md). The case's <see cref="FaithfulTestCase.Protocol"/>
    /// runs it through a <see cref="Protocols.ProtocolRunner"/>.
    /// </summary>
    public string Protocol { get; set; } = "single";

    /// <summary><c>checkpointed</c>: steps between checks (0 = the default, 5).</summary>
    public int Every { get; set; }

    /// <summary><c>gradual</c>: steps revealed per turn (0 = the default, 5).</summary>
    public int Reveal { get; set; }

    /// <summary><c>checkpointed</c>: end a case at the first failed check instead of correcting and going on.</summary>
    public bool StopOnError { get; set; }

    /// <summary>
    /// <c>corrupt-prefix</c>, <c>truncate</c>, <c>paraphrase</c>: where the trace is cut, as <c>faithful run --at</c> takes it
    /// (<c>3</c>, <c>50%</c>, or a comma-separated list; null = the protocol's default). One position gives one result per case.
    /// </summary>
    public string? At { get; set; }

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (Inputs < 1 || Samples < 1)
        {
            throw new ArgumentException($"[FaithfulCases] on {testMethod.DeclaringType?.Name}.{testMethod.Name}: Inputs and Samples must be at least 1 (got Inputs = {Inputs}, Samples = {Samples}).");
        }

        var catalog = Catalog ?? testMethod.DeclaringType?.Assembly.GetType(GeneratedCatalogName)
            ?? throw new ArgumentException(
                $"[FaithfulCases] on {testMethod.DeclaringType?.Name}.{testMethod.Name}: {testMethod.DeclaringType?.Assembly.GetName().Name} has no {GeneratedCatalogName}. "
                + "Mark programs with [ReferenceProgram] and reference the Faithful.Analyzers package (it generates the catalog), or name a catalog: [FaithfulCases(typeof(MyPrograms))].");
        var programs = CatalogReader.Load(catalog)
            .Where(p => Program is null || p.Id.Contains(Program, StringComparison.Ordinal))
            .Where(p => MaxSteps <= 0 || p.Steps.Count <= MaxSteps)
            .ToList();
        if (programs.Count == 0)
        {
            throw new ArgumentException($"[FaithfulCases] on {testMethod.DeclaringType?.Name}.{testMethod.Name}: catalog {catalog.FullName} has no program matching Program = '{Program}', MaxSteps = {MaxSteps}.");
        }

        var protocol = new CaseProtocol(Protocol, Every, Reveal, StopOnError, At);
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
                    var @case = new FaithfulTestCase(catalog, program, inputs, sample, protocol);
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
