using Faithful.Differential;
using Faithful.Families;
using Faithful.Model;
using Faithful.Serialization;

namespace Faithful.Core.Tests;

public sealed class WriterTests
{
    [Fact]
    public void Small_chain_program_snapshot_of_csharp_and_json()
    {
        var file = CSharpProgramWriter.Write([new ChainSpec(6, 2, ValueKind.Int64, OperatorMix.Mixed, 42).Generate()]);

        Snapshot.Verify(file.Source + "\n----\n" + ProgramJson.Serialize(file.Programs[0]), "chain_L6_d2_long_seed42");
    }

    [Fact]
    public void Small_double_chain_and_register_program_snapshot()
    {
        var file = CSharpProgramWriter.Write(
        [
            new ChainSpec(5, 3, ValueKind.Double, OperatorMix.Mixed, 7).Generate(),
            new RegisterSpec(4, 8, RegisterQuery.Sum, ProgramSeed: 7).Generate(),
        ]);

        Snapshot.Verify(file.Source, "double_chain_and_registers_seed7");
    }

    [Fact]
    public void Annotated_lines_point_at_the_statements_in_the_file()
    {
        var file = CSharpProgramWriter.Write(StudyGrid.Default.Programs().Take(12).Select(p => p.Program).Append(new RegisterSpec(5, 20, ProgramSeed: 3).Generate()));
        var lines = file.Source.Split('\n');

        foreach (var program in file.Programs)
        {
            Assert.Equal("Faithful.Generated.GeneratedPrograms", program.ContainingType);
            foreach (var step in program.Steps)
            {
                Assert.Equal(step.SourceText, lines[step.Line - 1].Trim());
            }

            Assert.Equal($"return {program.ResultSourceText};", lines[program.Steps[^1].Line].Trim());
        }
    }

    [Fact]
    public void The_default_study_grid_compiles_and_its_methods_return_the_evaluated_answers()
    {
        var programs = StudyGrid.Default.Programs().Select((p, i) => p.Program).ToList();
        var batch = CompiledBatch.Compile(programs, "Grid");

        var report = DifferentialRunner.Run(batch, 5, DifferentialTests.InDomain);

        Assert.Equal(0, report.MismatchCount);
        Assert.Equal(55 * 5, report.Completed);
    }

    [Fact]
    public void Json_round_trips_for_every_family()
    {
        IEnumerable<StepProgram> programs =
        [
            new ChainSpec(30, 4, ValueKind.Int64, ProgramSeed: 1).Generate(),
            new ChainSpec(30, 2, ValueKind.Double, ProgramSeed: 1).Generate(),
            new RegisterSpec(6, 30, RegisterQuery.Sum, ProgramSeed: 1).Generate(),
            .. Enumerable.Range(0, 50).Select(i => StressPrograms.Generate(8, (ulong)i, i)),
        ];

        foreach (var program in CSharpProgramWriter.Write(programs).Programs)
        {
            var json = ProgramJson.Serialize(program);
            Assert.Equal(program, ProgramJson.Deserialize(json));
        }
    }

    [Fact]
    public void Writing_a_read_of_an_overwritten_version_is_an_error_naming_the_step()
    {
        // a#1 = a + 1; s = a#0 * 2 (reads the overwritten input version): not expressible in C#.
        var program = new StepProgram(
            "Stale",
            "",
            new[] { new Parameter("a", ValueKind.Int64) }.ToEquatableArray(),
            new[]
            {
                new Step(0, "a#1", "a", 1, ValueKind.Int64, new Binary(BinaryOp.Add, new Ref(0, ValueKind.Int64), new Constant(Value.FromInt64(1)), ValueKind.Int64), "", 0),
                new Step(1, "s", "s", 1, ValueKind.Int64, new Binary(BinaryOp.Multiply, new Ref(0, ValueKind.Int64), new Constant(Value.FromInt64(2)), ValueKind.Int64), "", 0),
            }.ToEquatableArray(),
            new Ref(2, ValueKind.Int64),
            "s");

        var error = Assert.Throws<ArgumentException>(() => CSharpProgramWriter.Write([program]));

        Assert.Contains("s reads a, an overwritten version of a", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2fast")]
    [InlineData("class")]
    [InlineData("has space")]
    public void Invalid_method_names_are_rejected(string name)
    {
        var program = new ChainSpec(3, 1, ProgramSeed: 1).Generate() with { Name = name };

        var error = Assert.Throws<ArgumentException>(() => CSharpProgramWriter.Write([program]));

        Assert.Contains($"'{name}' is not a valid C# method name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptions_are_escaped_as_string_literals()
    {
        var program = new ChainSpec(3, 1, ProgramSeed: 1).Generate() with { Description = "say \"hi\"\\\n" };
        var batch = CompiledBatch.Compile([program], "Escaped");

        Assert.Contains("[ReferenceProgram(\"say \\\"hi\\\"\\\\\\u000a\")]", batch.File.Source, StringComparison.Ordinal);
    }
}
