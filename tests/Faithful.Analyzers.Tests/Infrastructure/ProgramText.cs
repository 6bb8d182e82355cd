using Faithful.Model;

namespace Faithful.Analyzers.Tests.Infrastructure;

/// <summary>Compact readable forms of a program for assertions: <c>a3#2 = a3#1 + a2#1</c>.</summary>
internal static class ProgramText
{
    public static string[] Steps(StepProgram program) =>
        [.. program.Steps.Select(s => $"{s.Name} = {ExprFormatter.ToCSharp(s.Expression, program)}")];

    public static string Result(StepProgram program) => ExprFormatter.ToCSharp(program.Result, program);
}
