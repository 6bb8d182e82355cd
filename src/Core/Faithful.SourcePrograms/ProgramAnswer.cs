namespace Faithful.SourcePrograms;

/// <summary>What a program built from bare statements returns: one variable, or the sum of all of them.</summary>
public sealed record ProgramAnswer
{
    private ProgramAnswer(string? variable) => Variable = variable;

    /// <summary>The variable whose final value is the answer, or null for <see cref="SumOfAll"/>.</summary>
    public string? Variable { get; }

    /// <summary>The sum of the final values of all parameters, then all locals the statements declare, in order.</summary>
    public static ProgramAnswer SumOfAll { get; } = new((string?)null);

    public static ProgramAnswer Of(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        return new ProgramAnswer(variable.Trim());
    }

    public override string ToString() => Variable ?? "sum of all variables";
}
