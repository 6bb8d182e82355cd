using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.SourcePrograms;

/// <summary>
/// What a program built from bare statements returns: one variable, an expression over the final values
/// (<c>n_0 + n_1</c>, <c>Math.Max(a, b)</c>), or the sum of all variables.
/// </summary>
public sealed record ProgramAnswer
{
    private ProgramAnswer(string? variable, string? expression)
    {
        Variable = variable;
        Expression = expression;
    }

    /// <summary>The variable whose final value is the answer, when the answer is one variable.</summary>
    public string? Variable { get; }

    /// <summary>The C# expression over final values that is the answer; null for <see cref="SumOfAll"/>.</summary>
    public string? Expression { get; }

    /// <summary>The sum of the final values of all parameters, then all locals the statements declare, in order.</summary>
    public static ProgramAnswer SumOfAll { get; } = new(null, null);

    public static ProgramAnswer Of(string variable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        var name = variable.Trim();
        return new ProgramAnswer(name, name);
    }

    /// <summary>
    /// Reads a question as transcripts write it: <c>sum</c>, a variable name, or one C# expression over the final values.
    /// Null with a reason when the text is none of these (several statements, unbalanced brackets, ...).
    /// </summary>
    public static ProgramAnswer? Parse(string question, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(question);
        problem = null;
        var text = question.Trim();
        if (text.Equals("sum", StringComparison.OrdinalIgnoreCase))
        {
            return SumOfAll;
        }

        if (SyntaxFacts.IsValidIdentifier(text))
        {
            return Of(text);
        }

        if (text.Length > 4096)
        {
            problem = $"the question is {text.Length} characters long; an answer expression holds at most 4096";
            return null;
        }

        // One whole expression and nothing after it: text such as "0; } void M() {" must not escape the return statement.
        var expression = SyntaxFactory.ParseExpression(text);
        if (expression.ContainsDiagnostics || expression.FullSpan.Length != text.Length || expression is AssignmentExpressionSyntax
            || expression.DescendantNodesAndSelf().Any(n => n is AssignmentExpressionSyntax or LambdaExpressionSyntax or AnonymousFunctionExpressionSyntax))
        {
            problem = $"'{Shorten(text)}' is not one C# expression over the program's variables; write a variable name, \"sum\", or an expression such as \"n_0 + n_1\"";
            return null;
        }

        return new ProgramAnswer(null, text);
    }

    public override string ToString() => Expression ?? "sum of all variables";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
