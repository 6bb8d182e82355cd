using System.Globalization;
using Faithful.Analyzers.Extraction;
using Faithful.Model;
using Faithful.SourcePrograms.Limits;
using Faithful.SourcePrograms.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.SourcePrograms;

/// <summary>
/// Reads reference programs from C# text without building a project, through the same extractor the
/// generator uses: a file or class with <c>[ReferenceProgram]</c> methods, or bare statements
/// (as transcripts of other tools hold them) with a parameter list and an answer. Never throws on bad text:
/// text past <see cref="ProgramReadLimits"/> (nesting, size, time) is refused as a problem before Roslyn binds it.
/// </summary>
public static class CSharpProgramReader
{
    /// <summary>Texts longer than this are refused rather than compiled (<see cref="ProgramReadLimits.MaxSourceLength"/> by default).</summary>
    public const int MaxSourceLength = 1 << 20;

    /// <summary>Reads every <c>[ReferenceProgram]</c> method of the C# file at <paramref name="path"/>.</summary>
    public static ProgramReadResult ReadFile(string path, CancellationToken cancellationToken = default) =>
        ReadFile(path, ProgramReadLimits.Default, cancellationToken);

    /// <summary>Reads every <c>[ReferenceProgram]</c> method of the C# file at <paramref name="path"/>, within <paramref name="limits"/>.</summary>
    public static ProgramReadResult ReadFile(string path, ProgramReadLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ProgramReadResult([], [new SourceProblem(ProblemKind.CompilationError, path, 0, 0, $"The file cannot be read ({e.Message}); check the path.")]);
        }

        return ReadSource(text, limits, path, cancellationToken);
    }

    /// <summary>Reads every <c>[ReferenceProgram]</c> method declared in <paramref name="source"/>.</summary>
    public static ProgramReadResult ReadSource(string source, string path = "program.cs", CancellationToken cancellationToken = default) =>
        ReadSource(source, ProgramReadLimits.Default, path, cancellationToken);

    /// <summary>Reads every <c>[ReferenceProgram]</c> method declared in <paramref name="source"/>, within <paramref name="limits"/>.</summary>
    public static ProgramReadResult ReadSource(string source, ProgramReadLimits limits, string path = "program.cs", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(path);
        if (source.Length > limits.MaxSourceLength)
        {
            return new ProgramReadResult([], [TooLong(path, source.Length, limits)]);
        }

        if (LexicalPreCheck.Check(source, limits, countTerms: false) is { } lexical)
        {
            var (line, column) = LexicalPreCheck.Position(source, lexical.Offset);
            return new ProgramReadResult([], [new SourceProblem(lexical.Kind, path, line, column, lexical.Message)]);
        }

        ReaderWarmUp.Ensure();
        using var budget = new ReadBudget(limits, cancellationToken);
        try
        {
            return DeepStack.Run(() => ReadSourceChecked(source, path, limits, budget.Token));
        }
        catch (OperationCanceledException) when (budget.RanOut)
        {
            return new ProgramReadResult([], [budget.Problem(path, null)]);
        }
    }

    /// <summary>
    /// Reads bare statements (e.g. <c>a2 -= a3; a1 = a0;</c>) as the body of a program with
    /// <paramref name="parameterList"/> (C# syntax: <c>long a0, long a1</c>) returning <paramref name="answer"/>.
    /// </summary>
    public static StatementsReadResult ReadStatements(string statements, string parameterList, ProgramAnswer answer, string name = "Imported", string path = "statements", CancellationToken cancellationToken = default) =>
        ReadStatements(statements, parameterList, answer, ProgramReadLimits.Default, name, path, cancellationToken);

    /// <summary>Reads bare statements as <see cref="ReadStatements(string, string, ProgramAnswer, string, string, CancellationToken)"/> does, within <paramref name="limits"/>.</summary>
    public static StatementsReadResult ReadStatements(string statements, string parameterList, ProgramAnswer answer, ProgramReadLimits limits, string name = "Imported", string path = "statements", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameterList);
        var parameters = ParseParameterList(parameterList, path, out var problem);
        return parameters is null
            ? new StatementsReadResult(null, [problem!])
            : ReadStatements(statements, parameters, answer, limits, name, path, cancellationToken);
    }

    /// <summary>Reads bare statements as the body of a program with the given parameters (their domains are kept).</summary>
    public static StatementsReadResult ReadStatements(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, string name = "Imported", string path = "statements", CancellationToken cancellationToken = default) =>
        ReadStatements(statements, parameters, answer, ProgramReadLimits.Default, name, path, cancellationToken);

    /// <summary>Reads bare statements as the body of a program with the given parameters, within <paramref name="limits"/>.</summary>
    public static StatementsReadResult ReadStatements(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, ProgramReadLimits limits, string name = "Imported", string path = "statements", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(path);
        if (statements.Length > limits.MaxSourceLength)
        {
            return new StatementsReadResult(null, [TooLong(path, statements.Length, limits)]);
        }

        if (!SyntaxFacts.IsValidIdentifier(name))
        {
            return Failed(path, ProblemKind.UnsupportedMethodShape, $"The program name '{name}' is not a C# identifier; use letters, digits and '_'.");
        }

        foreach (var parameter in parameters)
        {
            if (!SyntaxFacts.IsValidIdentifier(parameter.Name) || SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None)
            {
                return Failed(path, ProblemKind.UnsupportedParameter, $"In the parameter list: '{parameter.Name}' is not a valid C# parameter name.");
            }
        }

        if (answer.Variable is { } variable && !SyntaxFacts.IsValidIdentifier(variable))
        {
            return Failed(path, ProblemKind.MissingOrMisplacedReturn, $"In the answer: '{variable}' is not a variable name.");
        }

        if (LexicalPreCheck.Check(statements, limits, countTerms: true) is { } lexical)
        {
            var (line, column) = LexicalPreCheck.Position(statements, lexical.Offset);
            return new StatementsReadResult(null, [new SourceProblem(lexical.Kind, path, line, column, lexical.Message, name)]);
        }

        return Read(statements, parameters, answer, limits, name, path, useSyntaxPass: true, cancellationToken);
    }

    /// <summary>The compiler path alone: binds the statements as a method and extracts it (the syntax pass's oracle in tests).</summary>
    internal static StatementsReadResult ReadStatementsThroughCompiler(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, ProgramReadLimits limits, string name, string path, CancellationToken cancellationToken) =>
        Read(statements, parameters, answer, limits, name, path, useSyntaxPass: false, cancellationToken);

    private static StatementsReadResult Read(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, ProgramReadLimits limits, string name, string path, bool useSyntaxPass, CancellationToken cancellationToken)
    {
        using var budget = new ReadBudget(limits, cancellationToken);
        try
        {
            // Most imported programs are the syntax pass's subset: read without binding a compilation (about 10 ms each).
            if (useSyntaxPass && SyntaxStatementReader.TryRead(statements, parameters, answer, name, limits, budget) is { } program)
            {
                return new StatementsReadResult(program, []);
            }

            // Roslyn's one-time load in the process is paid off the program's clock, as the other reads do.
            budget.Excluding(ReaderWarmUp.Ensure);
            return DeepStack.Run(() => new StatementBody(statements, parameters, answer, name, path, limits).Read(budget.Token));
        }
        catch (OperationCanceledException) when (budget.RanOut)
        {
            return new StatementsReadResult(null, [budget.Problem(path, name)]);
        }
    }

    /// <summary>Parses <c>long a0, double x</c>; null with a problem when it is not such a list.</summary>
    public static IReadOnlyList<Parameter>? ParseParameterList(string parameterList, string path, out SourceProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(parameterList);
        problem = null;
        var result = new List<Parameter>();
        foreach (var raw in parameterList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !ValueKindExtensions.TryParseKeyword(parts[0], out var kind) || !SyntaxFacts.IsValidIdentifier(parts[1]))
            {
                problem = new SourceProblem(ProblemKind.UnsupportedParameter, path, 0, 0, $"In the parameter list: '{raw}' is not 'long name' or 'double name'.");
                return null;
            }

            result.Add(new Parameter(parts[1], kind));
        }

        return result;
    }

    // Runs on DeepStack after the lexical check; each method is measured on its syntax before anything binds it.
    private static ProgramReadResult ReadSourceChecked(string source, string path, ProgramReadLimits limits, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ReaderCompilation.ParseOptions, path, cancellationToken: cancellationToken);
        if (SyntaxPreCheck.TooComplex(tree) is { } tooComplex)
        {
            var span = tooComplex.Location.GetLineSpan().StartLinePosition;
            return new ProgramReadResult([], [new SourceProblem(ProblemKind.UnsupportedExpression, path, span.Line + 1, span.Character + 1, SyntaxPreCheck.TooComplexMessage(limits))]);
        }

        var candidates = tree.GetRoot(cancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.AttributeLists.Count > 0).ToList();
        var programs = new List<StepProgram>();
        var problems = new List<SourceProblem>();
        var measured = new List<MethodDeclarationSyntax>();
        foreach (var method in candidates)
        {
            if (SyntaxPreCheck.Check(method, limits) is { } tooLarge)
            {
                var span = tooLarge.Node.GetLocation().GetLineSpan().StartLinePosition;
                problems.Add(new SourceProblem(tooLarge.Kind, path, span.Line + 1, span.Character + 1, tooLarge.Message, method.Identifier.ValueText));
            }
            else
            {
                measured.Add(method);
            }
        }

        var model = ReaderCompilation.Create(tree).GetSemanticModel(tree);
        foreach (var method in measured)
        {
            if (model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol || !ProgramExtractor.IsReferenceProgram(symbol))
            {
                continue;
            }

            var result = ProgramExtractor.Extract(method, model, cancellationToken);
            if (result.Program is { } program)
            {
                if (Evaluable.Problem(program, path, limits) is { } notEvaluable)
                {
                    problems.Add(notEvaluable);
                }
                else
                {
                    programs.Add(program);
                }
            }
            else
            {
                problems.AddRange(result.Problems.Select(p => ReaderCompilation.ToProblem(p, path, symbol.Name)));
            }
        }

        if (programs.Count == 0 && problems.Count == 0)
        {
            problems.Add(new SourceProblem(ProblemKind.UnsupportedMethodShape, path, 0, 0, "No [ReferenceProgram] method was found; mark a static method with [Faithful.ReferenceProgram]."));
        }

        return new ProgramReadResult(programs, problems);
    }

    private static StatementsReadResult Failed(string path, ProblemKind kind, string message) =>
        new(null, [new SourceProblem(kind, path, 0, 0, message)]);

    private static SourceProblem TooLong(string path, int length, ProgramReadLimits limits) => new(
        ProblemKind.UnsupportedStatement,
        path,
        0,
        0,
        string.Create(CultureInfo.InvariantCulture, $"The text is {length} characters long; at most {limits.MaxSourceLength} are read."));
}
