extern alias runtime;

using Faithful.Analyzers.Tests.Infrastructure;
using runtime::Faithful.Families;
using runtime::Faithful.Model;
using runtime::Faithful.Serialization;
using runtime::Faithful.SourcePrograms;
using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Tests.Generation;

/// <summary>Generated program → C# source (CSharpProgramWriter) → compiled through the generator → the same model.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Families => ["chain-long", "chain-double", "registers", "stress"];

    [Theory]
    [MemberData(nameof(Families))]
    public void Programs_written_as_csharp_come_back_from_the_generator_unchanged(string family)
    {
        var programs = Programs(family);
        var file = CSharpProgramWriter.Write(programs, "RoundTrip", "Family_" + family.Replace('-', '_'));

        var (output, diagnostics, _) = TestCompilation.RunGenerator(TestCompilation.Create(file.Source));
        Assert.Empty(diagnostics);
        var generated = InMemoryAssembly.Catalog(InMemoryAssembly.Load(output));

        var expected = file.Programs.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, generated.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            // JSON first: on a mismatch it shows which step differs, readably.
            Assert.Equal(ProgramJson.Serialize(expected[i]), ProgramJson.Serialize(generated[i]));
            Assert.Equal(expected[i], generated[i]);
        }
    }

    [Fact]
    public void The_register_set_holds_every_statement_form()
    {
        var texts = Programs("registers").SelectMany(p => p.Steps).Select(s => s.SourceText).ToList();

        foreach (var form in (string[])[" = a", " += ", " -= ", " *= ", " &= ", " |= ", " ^= ", " <<= ", " >>= ", " /= ", " %= ", "++;", "--;"])
        {
            Assert.Contains(texts, t => t.Contains(form, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_source_reader_reads_written_programs_back_unchanged()
    {
        var programs = Programs("stress").Concat(Programs("registers")).ToList();
        var file = CSharpProgramWriter.Write(programs, "RoundTrip", "ReaderRoundTrip");

        var read = CSharpProgramReader.ReadSource(file.Source, "ReaderRoundTrip.cs", TestContext.Current.CancellationToken);

        Assert.Empty(read.Problems);
        Assert.Equal(file.Programs, read.Programs);
    }

    private static List<StepProgram> Programs(string family) => family switch
    {
        "chain-long" => [.. Enumerable.Range(0, 12).Select(i => new ChainSpec(5 + (i * 8), 1 + (i % 4), ValueKind.Int64, OperatorMix.Mixed, (ulong)i).Generate())],
        "chain-double" => [.. Enumerable.Range(0, 8).Select(i => new ChainSpec(5 + (i * 11), 1 + (i % 3), ValueKind.Double, OperatorMix.Mixed, (ulong)(100 + i)).Generate())],
        "registers" => [.. Enumerable.Range(0, 12).Select(i => new RegisterSpec(2 + (i % 5), 4 + (i * 3), i % 2 == 0 ? RegisterQuery.Sum : RegisterQuery.OneVariable, RegisterOps.All, (ulong)(200 + i)).Generate())],
        _ => [.. Enumerable.Range(0, 30).Select(i => StressPrograms.Generate(3 + (i % 25), (ulong)(300 + i), i))],
    };
}
