using Faithful.Analyzers.Extraction;
using Faithful.Model;

namespace Faithful.SourcePrograms.Limits;

/// <summary>
/// The last check on a program read from text: that the evaluator takes it (<see cref="ProgramValidator"/>). The
/// extractor's limits are the compiler's, the evaluator's are tighter; a program between the two would read and then
/// throw where it is scored.
/// </summary>
internal static class Evaluable
{
    public static SourceProblem? Problem(StepProgram program, string path, ProgramReadLimits limits)
    {
        var problems = ProgramValidator.EvaluationProblems(program);
        return problems.Count == 0
            ? null
            : new SourceProblem(
                ProblemKind.UnsupportedExpression,
                path,
                0,
                0,
                $"The program cannot be evaluated: {problems[0]} An expression nests at most {limits.MaxExpressionDepth} operators deep; split it into several steps.",
                program.Name);
    }
}
