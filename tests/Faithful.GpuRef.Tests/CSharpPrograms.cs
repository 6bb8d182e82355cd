using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// Writes step programs out as C# methods, compiles them with Roslyn and loads them: the C# the user
/// would have written, run by the CLR. Expression steps become <c>long s3 = ...;</c>; register steps are
/// their own statements (<c>a2 -= a3;</c>, <c>a0++;</c>). Each method records every step's bits, catches
/// the exceptions C# throws, and returns 0 or <c>faultCode | step &lt;&lt; 3</c> as the backends do.
/// </summary>
internal static class CSharpPrograms
{
    public static Func<long[], long[], int>[] Compile(IReadOnlyList<StepProgram> programs)
    {
        var source = new StringBuilder("using System;\npublic static class Generated\n{\n");
        for (var p = 0; p < programs.Count; p++)
        {
            WriteMethod(source, $"M{p}", programs[p]);
        }

        source.Append("}\n");
        var type = Build(source.ToString(), "GeneratedPrograms");
        return Enumerable.Range(0, programs.Count)
            .Select(p => type.GetMethod($"M{p}", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<long[], long[], int>>())
            .ToArray();
    }

    /// <summary>Compiles <paramref name="source"/> (which declares a class <c>Generated</c>) with Roslyn and loads it.</summary>
    public static Type Build(string source, string assemblyName)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll" or "System.Runtime.Extensions.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, checkOverflow: false));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d =>
            {
                var line = d.Location.GetLineSpan().StartLinePosition.Line;
                return $"{d}\n    {source.Split('\n')[line].Trim()}";
            });
            throw new InvalidOperationException("Generated C# does not compile:\n" + string.Join("\n", errors));
        }

        image.Position = 0;
        var assembly = new AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(image);
        return assembly.GetType("Generated")!;
    }

    private static void WriteMethod(StringBuilder source, string name, StepProgram program)
    {
        var isRegister = program.Steps.Any(s => s.Version > 1 || s.Name.Contains('#', StringComparison.Ordinal));
        var names = program.Parameters.Select(p => p.Name).Concat(program.Steps.Select(s => isRegister ? s.Variable : s.Name)).ToList();
        source.Append($"    public static int {name}(long[] i, long[] t)\n    {{\n        int step = 0;\n        try\n        {{\n");
        for (var p = 0; p < program.Parameters.Count; p++)
        {
            var parameter = program.Parameters[p];
            source.Append(parameter.Kind == ValueKind.Double
                ? $"            double {parameter.Name} = BitConverter.Int64BitsToDouble(i[{p}]);\n"
                : $"            long {parameter.Name} = i[{p}];\n");
        }

        for (var s = 0; s < program.Steps.Count; s++)
        {
            var step = program.Steps[s];
            source.Append($"            step = {s};\n");
            if (isRegister)
            {
                source.Append($"            {step.SourceText}\n");
            }
            else
            {
                source.Append($"            {Keyword(step.Kind)} {step.Name} = {ExprFormatter.ToCSharp(step.Expression, slot => names[slot])};\n");
            }

            Record(source, s, isRegister ? step.Variable : step.Name, step.Kind, program.AllowNonFinite);
        }

        source.Append($"            step = {program.Steps.Count};\n");
        source.Append($"            {Keyword(program.Result.Kind)} answer = {ExprFormatter.ToCSharp(program.Result, slot => names[slot])};\n");
        Record(source, program.Steps.Count, "answer", program.Result.Kind, program.AllowNonFinite);
        source.Append("            return 0;\n        }\n");
        source.Append("        catch (DivideByZeroException) { return 1 | (step << 3); }\n");
        source.Append("        catch (OverflowException) { return 2 | (step << 3); }\n    }\n\n");
    }

    internal static void Record(StringBuilder source, int cell, string variable, ValueKind kind, bool allowNonFinite)
    {
        if (kind == ValueKind.Double)
        {
            source.Append($"            t[{cell}] = BitConverter.DoubleToInt64Bits({variable});\n");
            if (!allowNonFinite)
            {
                source.Append($"            if (!double.IsFinite({variable})) return 3 | ({cell} << 3);\n");
            }
        }
        else
        {
            source.Append($"            t[{cell}] = {variable};\n");
        }
    }

    internal static string Keyword(ValueKind kind) => kind == ValueKind.Double ? "double" : "long";
}
