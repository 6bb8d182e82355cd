using Faithful.Model;

namespace Faithful.Traces.Prompts;

/// <summary>How steps and programs are shown to models: as written in the source, without declarations or semicolons.</summary>
public static class StepDisplay
{
    private static readonly string[] Declarations = ["var ", "long ", "double ", "int ", "const long ", "const double "];

    /// <summary>
    /// The step as written: <c>s3 = s2 - s1</c> for <c>var s3 = s2 - s1;</c>, <c>a3 += a2</c> for <c>a3 += a2;</c>.
    /// A step built without source text is printed from its expression with variable names.
    /// </summary>
    public static string Statement(StepProgram program, Step step)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(step);
        var source = step.SourceText.Trim();
        if (source.Length == 0)
        {
            return $"{step.Variable} = {ExprFormatter.ToCSharp(step.Expression, slot => VariableOf(program, slot))}";
        }

        foreach (var declaration in Declarations)
        {
            if (source.StartsWith(declaration, StringComparison.Ordinal))
            {
                source = source[declaration.Length..].TrimStart();
                break;
            }
        }

        return source.TrimEnd(';').TrimEnd();
    }

    /// <summary>The variable a slot holds: an input's name or the variable a step writes.</summary>
    public static string VariableOf(StepProgram program, int slot)
    {
        ArgumentNullException.ThrowIfNull(program);
        return slot < program.Parameters.Count ? program.Parameters[slot].Name : program.Steps[slot - program.Parameters.Count].Variable;
    }

    /// <summary>Whether the program writes some variable more than once or writes an input (a register-style program).</summary>
    public static bool IsRegisterStyle(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Steps.Any(s => s.Name != s.Variable);
    }

    /// <summary>The program as C#: signature, one statement per executed step (loops unrolled) and the return.</summary>
    public static string Listing(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var builder = new System.Text.StringBuilder();
        var parameters = string.Join(", ", program.Parameters.Select(p => $"{p.Kind.ToCSharpKeyword()} {p.Name}"));
        builder.Append(program.ResultKind.ToCSharpKeyword()).Append(' ').Append(program.Name).Append('(').Append(parameters).Append(")\n{\n");
        foreach (var step in program.Steps)
        {
            var source = step.SourceText.Trim();
            builder.Append("    ").Append(source.Length > 0 ? source : Statement(program, step) + ";").Append('\n');
        }

        builder.Append("    return ").Append(program.ResultSourceText).Append(";\n}");
        return builder.ToString();
    }
}
