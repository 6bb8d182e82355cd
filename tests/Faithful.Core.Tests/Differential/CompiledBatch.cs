using System.Globalization;
using System.Reflection;
using System.Text;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Differential;

/// <summary>
/// A batch of programs compiled twice into one assembly: as <see cref="CSharpProgramWriter"/> writes them (the methods users
/// would have), and instrumented — the same statements, each followed by a store of the written variable's bits, so the values
/// computed before an exception are known. Running a case fills <c>io</c>: inputs, then each step's bits, then the answer's.
/// </summary>
public sealed class CompiledBatch
{
    /// <summary>Instrumented run: -1 when the method returned, else <c>stepsDone * 4 + 1</c> for DivideByZeroException, <c>+ 2</c> for OverflowException.</summary>
    private readonly Func<long[], int>[] _instrumented;

    /// <summary>The plain method, its answer's bits; throws as the method throws.</summary>
    private readonly Func<long[], long>[] _original;

    private CompiledBatch(RenderedFile file, Func<long[], int>[] instrumented, Func<long[], long>[] original)
    {
        File = file;
        _instrumented = instrumented;
        _original = original;
    }

    /// <summary>The rendered file; its <see cref="RenderedFile.Programs"/> are the programs as written.</summary>
    public RenderedFile File { get; }

    public IReadOnlyList<StepProgram> Programs => File.Programs;

    public static CompiledBatch Compile(IEnumerable<StepProgram> programs, string name) =>
        CompileAll([(name, programs)])[name];

    /// <summary>Compiles several named batches into one assembly: one Roslyn compilation is much cheaper than several.</summary>
    public static IReadOnlyDictionary<string, CompiledBatch> CompileAll(IEnumerable<(string Name, IEnumerable<StepProgram> Programs)> sets)
    {
        var files = sets.Select(set => (set.Name, File: CSharpProgramWriter.Write(set.Programs, "Faithful.Differential.Generated", set.Name))).ToList();
        var sources = files.SelectMany(f => new[] { f.File.Source, InstrumentedSource(f.File, f.Name) }).ToArray();
        var assembly = RoslynCompiler.Compile("Differential_" + string.Join("_", files.Select(f => f.Name)), sources);
        var batches = new Dictionary<string, CompiledBatch>(StringComparer.Ordinal);
        foreach (var (name, file) in files)
        {
            var type = assembly.GetType($"Faithful.Differential.Generated.{name}Instrumented", throwOnError: true)!;
            var count = file.Programs.Count;
            var runs = new Func<long[], int>[count];
            var originals = new Func<long[], long>[count];
            for (var i = 0; i < count; i++)
            {
                runs[i] = type.GetMethod($"P{i}", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<long[], int>>();
                originals[i] = type.GetMethod($"O{i}", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<long[], long>>();
            }

            batches[name] = new CompiledBatch(file, runs, originals);
        }

        return batches;
    }

    /// <summary>The size <c>io</c> must have for program <paramref name="index"/>.</summary>
    public int IoLength(int index) => Programs[index].SlotCount + 1;

    public int RunInstrumented(int index, long[] io) => _instrumented[index](io);

    public long RunOriginal(int index, long[] io) => _original[index](io);

    private static string InstrumentedSource(RenderedFile file, string name)
    {
        var sb = new StringBuilder();
        sb.Append("using System;\nnamespace Faithful.Differential.Generated;\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"public static class {name}Instrumented\n{{\n");
        for (var i = 0; i < file.Programs.Count; i++)
        {
            var program = file.Programs[i];
            var parameterCount = program.Parameters.Count;
            sb.Append(CultureInfo.InvariantCulture, $"    public static int P{i}(long[] __io)\n    {{\n        int __n = 0;\n        try\n        {{\n");
            for (var p = 0; p < parameterCount; p++)
            {
                var parameter = program.Parameters[p];
                sb.Append(CultureInfo.InvariantCulture, $"            {parameter.Kind.ToCSharpKeyword()} {parameter.Name} = {FromBits(parameter.Kind, $"__io[{p}]")};\n");
            }

            for (var s = 0; s < program.Steps.Count; s++)
            {
                var step = program.Steps[s];
                sb.Append("            ").Append(step.SourceText).Append('\n');
                sb.Append(CultureInfo.InvariantCulture, $"            __io[{parameterCount + s}] = {ToBits(step.Kind, step.Variable)}; __n = {s + 1};\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"            {program.Result.Kind.ToCSharpKeyword()} __r = {program.ResultSourceText};\n");
            sb.Append(CultureInfo.InvariantCulture, $"            __io[{program.SlotCount}] = {ToBits(program.Result.Kind, "__r")};\n            return -1;\n        }}\n");
            sb.Append("        catch (DivideByZeroException) { return __n * 4 + 1; }\n");
            sb.Append("        catch (OverflowException) { return __n * 4 + 2; }\n    }\n\n");

            var arguments = string.Join(", ", program.Parameters.Select((p, index) => FromBits(p.Kind, $"__io[{index}]")));
            sb.Append(CultureInfo.InvariantCulture, $"    public static long O{i}(long[] __io) => {ToBits(program.Result.Kind, $"{name}.{program.Name}({arguments})")};\n\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static string FromBits(ValueKind kind, string expression) =>
        kind == ValueKind.Int64 ? expression : $"BitConverter.Int64BitsToDouble({expression})";

    private static string ToBits(ValueKind kind, string expression) =>
        kind == ValueKind.Int64 ? expression : $"BitConverter.DoubleToInt64Bits({expression})";
}
