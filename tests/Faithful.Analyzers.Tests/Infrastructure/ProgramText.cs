extern alias runtime;

using Faithful.Model;
using Runtime = runtime::Faithful.Model;

namespace Faithful.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compact readable forms of a program for assertions: <c>a3#2 = a3#1 + a2#1</c>, for the extractor's programs (the
/// analyzer's compiled-in model) and for those of the run-time reader and catalogs (Faithful.Core's), one source.
/// </summary>
internal static class ProgramText
{
    public static string[] Steps(StepProgram program) =>
        [.. program.Steps.Select(s => $"{s.Name} = {ExprFormatter.ToCSharp(s.Expression, program)}")];

    public static string Result(StepProgram program) => ExprFormatter.ToCSharp(program.Result, program);

    public static string[] Steps(Runtime.StepProgram program) =>
        [.. program.Steps.Select(s => $"{s.Name} = {Runtime.ExprFormatter.ToCSharp(s.Expression, program)}")];

    public static string Result(Runtime.StepProgram program) => Runtime.ExprFormatter.ToCSharp(program.Result, program);
}
