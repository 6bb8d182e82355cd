using System.Reflection;
using System.Text;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// The programs as C# methods that take a counterfactual: <c>M(inputs, trace, k, slots, bits)</c> runs the statements as
/// written and, just before step k (k = step count: before the answer), assigns each overridden slot's value to the
/// variable that holds it. A slot whose variable was written again since (an older version of a register) is held by
/// no variable, so nothing is assigned, as no later statement can read it. Then the method carries on as C# does:
/// each step's bits recorded, exceptions caught, <c>0</c> or <c>faultCode | step &lt;&lt; 3</c> returned.
/// </summary>
internal static class CounterfactualCSharpPrograms
{
    public delegate int Method(long[] inputs, long[] trace, int atStep, int[] slots, long[] bits);

    public static Method[] Compile(IReadOnlyList<StepProgram> programs)
    {
        var source = new StringBuilder("using System;\npublic static class Generated\n{\n");
        for (var p = 0; p < programs.Count; p++)
        {
            WriteMethod(source, $"M{p}", programs[p]);
        }

        source.Append("}\n");
        var type = CSharpPrograms.Build(source.ToString(), "CounterfactualPrograms");
        return Enumerable.Range(0, programs.Count)
            .Select(p => type.GetMethod($"M{p}", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Method>())
            .ToArray();
    }

    private static void WriteMethod(StringBuilder source, string name, StepProgram program)
    {
        var isRegister = program.Steps.Any(s => s.Version > 1 || s.Name.Contains('#', StringComparison.Ordinal));
        var parameterCount = program.Parameters.Count;
        var variables = program.Parameters.Select(p => p.Name).Concat(program.Steps.Select(s => isRegister ? s.Variable : s.Name)).ToList();
        source.Append($"    public static int {name}(long[] i, long[] t, int k, int[] slots, long[] bits)\n    {{\n        int step = 0;\n");
        for (var p = 0; p < parameterCount; p++)
        {
            var parameter = program.Parameters[p];
            source.Append(parameter.Kind == ValueKind.Double
                ? $"        double {parameter.Name} = BitConverter.Int64BitsToDouble(i[{p}]);\n"
                : $"        long {parameter.Name} = i[{p}];\n");
        }

        // Every variable a step introduces is declared up front, so that one local function can assign any of them.
        var declared = new HashSet<string>(program.Parameters.Select(p => p.Name), StringComparer.Ordinal);
        foreach (var step in program.Steps)
        {
            var variable = isRegister ? step.Variable : step.Name;
            if (declared.Add(variable))
            {
                source.Append($"        {CSharpPrograms.Keyword(step.Kind)} {variable} = 0;\n");
            }
        }

        WriteAlter(source, program, variables);
        source.Append("        try\n        {\n");
        for (var s = 0; s < program.Steps.Count; s++)
        {
            var step = program.Steps[s];
            source.Append($"            if (k == {s}) Alter();\n            step = {s};\n");
            source.Append(isRegister
                ? $"            {step.SourceText}\n"
                : $"            {step.Name} = {ExprFormatter.ToCSharp(step.Expression, slot => variables[slot])};\n");
            CSharpPrograms.Record(source, s, variables[parameterCount + s], step.Kind, program.AllowNonFinite);
        }

        source.Append($"            if (k == {program.Steps.Count}) Alter();\n            step = {program.Steps.Count};\n");
        source.Append($"            {CSharpPrograms.Keyword(program.Result.Kind)} answer = {ExprFormatter.ToCSharp(program.Result, slot => variables[slot])};\n");
        CSharpPrograms.Record(source, program.Steps.Count, "answer", program.Result.Kind, program.AllowNonFinite);
        source.Append("            return 0;\n        }\n");
        source.Append("        catch (DivideByZeroException) { return 1 | (step << 3); }\n");
        source.Append("        catch (OverflowException) { return 2 | (step << 3); }\n    }\n\n");
    }

    /// <summary>
    /// A local function assigning the overridden slots. Slot j is assigned only while its variable still holds it: from
    /// the point it was written until the next write of the same variable has run.
    /// </summary>
    private static void WriteAlter(StringBuilder source, StepProgram program, List<string> variables)
    {
        var parameterCount = program.Parameters.Count;
        source.Append("        void Alter()\n        {\n            for (var o = 0; o < slots.Length; o++)\n            {\n                switch (slots[o])\n                {\n");
        for (var slot = 0; slot < program.SlotCount; slot++)
        {
            var from = slot < parameterCount ? 0 : slot - parameterCount + 1;
            var nextWrite = Enumerable.Range(Math.Max(from, 0), program.Steps.Count - from)
                .Where(s => variables[parameterCount + s] == variables[slot] && parameterCount + s != slot)
                .Select(s => (int?)s)
                .FirstOrDefault();
            var until = nextWrite is { } next ? next + 1 : program.Steps.Count + 1;
            var value = program.SlotKind(slot) == ValueKind.Double ? "BitConverter.Int64BitsToDouble(bits[o])" : "bits[o]";
            source.Append($"                    case {slot}: if (k >= {from} && k < {until}) {variables[slot]} = {value}; break;\n");
        }

        source.Append("                }\n            }\n        }\n\n");
    }
}
