using Faithful.Model;
using Faithful.SourcePrograms.Limits;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.SourcePrograms.Syntax;

/// <summary>
/// The fast path for bare statements: reads the common subset (long locals, assignments, <c>++</c>/<c>--</c>, constant
/// <c>for</c> loops, <c>+ - * / %</c> over locals and int or long literals) from the syntax tree alone, without binding
/// a compilation (binding costs about 10 ms a program; transcript files hold thousands of distinct programs). It
/// builds exactly the program the compiler path builds, and declines (returns null) on anything outside the subset or
/// anything the compiler could refuse, so the compiler path still decides every hard case and writes every error.
/// </summary>
internal static class SyntaxStatementReader
{
    /// <summary>The program the statements describe, or null when only the compiler path may decide.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled, or <paramref name="budget"/> is spent.</exception>
    public static StepProgram? TryRead(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, string name, ProgramReadLimits limits, ReadBudget budget)
    {
        if (parameters.Any(p => p.Kind != ValueKind.Int64))
        {
            return null;
        }

        // Lines are counted as the compiler path counts them: the statements with their line endings normalised.
        var text = statements.ReplaceLineEndings("\n");
        var parsed = "{\n" + text + "\n}";
        var block = SyntaxFactory.ParseStatement(parsed, options: ReaderCompilation.ParseOptions);
        if (block is not BlockSyntax body || block.ContainsDiagnostics || block.FullSpan.Length != text.Length + 4)
        {
            return null;
        }

        budget.ThrowIfSpent();
        var lowering = new SyntaxLowering(parameters, limits.MaxExpressionDepth, parsed);
        if (!lowering.CompileTopLevel(body.Statements))
        {
            return null;
        }

        budget.ThrowIfSpent();

        var answerExpression = answer.Expression ?? string.Join(" + ", parameters.Select(p => p.Name).Concat(lowering.DeclaredLocals).DefaultIfEmpty("0L"));
        var returned = SyntaxFactory.ParseExpression(answerExpression, options: ReaderCompilation.ParseOptions);
        if (returned.ContainsDiagnostics || returned.FullSpan.Length != answerExpression.Length || lowering.CompileAnswer(returned) is not { } answerTemplate
            || lowering.Run(answerTemplate, lineShift: 1, budget) is not var (steps, result))
        {
            return null;
        }

        var program = new StepProgram(name, "", new EquatableArray<Parameter>(parameters), steps, result, returned.ToString().Trim());
        return ProgramValidator.EvaluationProblems(program).Count == 0 ? program : null;
    }
}
