using System.Globalization;
using System.Text;
using Faithful.Analyzers.Extraction;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.SourcePrograms;

/// <summary>
/// Reads reference programs from C# text without building a project, through the same extractor the
/// generator uses: a file or class with <c>[ReferenceProgram]</c> methods, or bare statements
/// (as transcripts of other tools hold them) with a parameter list and an answer. Never throws on bad text.
/// </summary>
public static class CSharpProgramReader
{
    /// <summary>Texts longer than this are refused rather than compiled.</summary>
    public const int MaxSourceLength = 1 << 20;

    /// <summary>Reads every <c>[ReferenceProgram]</c> method of the C# file at <paramref name="path"/>.</summary>
    public static ProgramReadResult ReadFile(string path, CancellationToken cancellationToken = default)
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

        return ReadSource(text, path, cancellationToken);
    }

    /// <summary>Reads every <c>[ReferenceProgram]</c> method declared in <paramref name="source"/>.</summary>
    public static ProgramReadResult ReadSource(string source, string path = "program.cs", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(path);
        if (source.Length > MaxSourceLength)
        {
            return new ProgramReadResult([], [TooLong(path, source.Length)]);
        }

        var tree = CSharpSyntaxTree.ParseText(source, ReaderCompilation.ParseOptions, path, cancellationToken: cancellationToken);
        var model = ReaderCompilation.Create(tree).GetSemanticModel(tree);
        var programs = new List<StepProgram>();
        var problems = new List<SourceProblem>();
        foreach (var method in tree.GetRoot(cancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (method.AttributeLists.Count == 0 || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol || !ProgramExtractor.IsReferenceProgram(symbol))
            {
                continue;
            }

            var result = ProgramExtractor.Extract(method, model, cancellationToken);
            if (result.Program is { } program)
            {
                programs.Add(program);
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

    /// <summary>
    /// Reads bare statements (e.g. <c>a2 -= a3; a1 = a0;</c>) as the body of a program with
    /// <paramref name="parameterList"/> (C# syntax: <c>long a0, long a1</c>) returning <paramref name="answer"/>.
    /// </summary>
    public static StatementsReadResult ReadStatements(string statements, string parameterList, ProgramAnswer answer, string name = "Imported", string path = "statements", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameterList);
        var parameters = ParseParameterList(parameterList, path, out var problem);
        return parameters is null
            ? new StatementsReadResult(null, [problem!])
            : ReadStatements(statements, parameters, answer, name, path, cancellationToken);
    }

    /// <summary>Reads bare statements as the body of a program with the given parameters (their domains are kept).</summary>
    public static StatementsReadResult ReadStatements(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, string name = "Imported", string path = "statements", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(path);
        if (statements.Length > MaxSourceLength)
        {
            return new StatementsReadResult(null, [TooLong(path, statements.Length)]);
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

        return new StatementBody(statements, parameters, answer, name, path).Read(cancellationToken);
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

    private static StatementsReadResult Failed(string path, ProblemKind kind, string message) =>
        new(null, [new SourceProblem(kind, path, 0, 0, message)]);

    private static SourceProblem TooLong(string path, int length) => new(
        ProblemKind.UnsupportedStatement,
        path,
        0,
        0,
        string.Create(CultureInfo.InvariantCulture, $"The text is {length} characters long; at most {MaxSourceLength} are read."));

    /// <summary>Bare statements wrapped into a synthetic method, with problems mapped back to the statements' own lines.</summary>
    private sealed class StatementBody(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, string name, string path)
    {
        private const string ClassName = "ImportedStatements";
        private const int FirstStatementLine = 5;

        public StatementsReadResult Read(CancellationToken cancellationToken)
        {
            var probe = Parse(ValueKind.Int64, "default");
            if (Structure(probe, out var locals) is { } structureProblem)
            {
                return new StatementsReadResult(null, [structureProblem]);
            }

            var answerText = answer.Expression ?? string.Join(" + ", parameters.Select(p => p.Name).Concat(locals).DefaultIfEmpty("0L"));
            var tree = Parse(ValueKind.Int64, answerText);
            var (method, model) = Bind(tree, cancellationToken);
            var returned = method.DescendantNodes().OfType<ReturnStatementSyntax>().Last().Expression!;
            if (model.GetTypeInfo(returned, cancellationToken).Type?.SpecialType == SpecialType.System_Double)
            {
                tree = Parse(ValueKind.Double, answerText);
                (method, model) = Bind(tree, cancellationToken);
            }

            var result = ProgramExtractor.Extract(method, model, cancellationToken);
            if (result.Program is not { } extracted)
            {
                return new StatementsReadResult(null, result.Problems.Select(MapProblem).ToList());
            }

            var program = extracted;
            var lineShift = FirstStatementLine - 1;
            program = program with
            {
                ContainingType = null,
                Parameters = new EquatableArray<Parameter>(parameters),
                Steps = new EquatableArray<Step>(program.Steps.Select(s => s with { Line = s.Line - lineShift })),
            };
            return new StatementsReadResult(program, []);
        }

        private SyntaxTree Parse(ValueKind returnKind, string answerText)
        {
            var text = new StringBuilder();
            text.Append("using System;\n");
            text.Append("public static class ").Append(ClassName).Append(" {\n");
            text.Append("[Faithful.ReferenceProgram]\n");
            text.Append("public static ").Append(returnKind.ToCSharpKeyword()).Append(' ').Append(name).Append('(')
                .Append(string.Join(", ", parameters.Select(p => p.Kind.ToCSharpKeyword() + " " + p.Name))).Append(") {\n");
            text.Append(statements.ReplaceLineEndings("\n")).Append('\n');
            text.Append("return ").Append(answerText).Append(";\n}\n}\n");
            return CSharpSyntaxTree.ParseText(text.ToString(), ReaderCompilation.ParseOptions, path);
        }

        private static (MethodDeclarationSyntax Method, SemanticModel Model) Bind(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var model = ReaderCompilation.Create(tree).GetSemanticModel(tree);
            var method = tree.GetRoot(cancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>().First();
            return (method, model);
        }

        // The statements must stay inside the method: text such as "} void M() {" would otherwise escape it.
        private SourceProblem? Structure(SyntaxTree tree, out List<string> locals)
        {
            locals = [];
            var root = tree.GetRoot();
            var types = root.DescendantNodes().OfType<TypeDeclarationSyntax>().ToList();
            var methods = root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>().ToList();
            var localFunctions = root.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Any();
            if (types.Count != 1 || methods.Count != 1 || localFunctions || methods[0] is not MethodDeclarationSyntax { Body: { } body }
                || body.Statements.Count == 0 || body.Statements[^1] is not ReturnStatementSyntax)
            {
                return new SourceProblem(ProblemKind.UnsupportedStatement, path, 0, 0, "The statements do not form one method body (unbalanced braces or a declaration that is not a statement); give only statements such as 'a2 -= a3;'.");
            }

            var firstError = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (firstError is not null)
            {
                return MapProblem(new ExtractionProblem(ProblemKind.CompilationError, LocationInfo.From(firstError.Location), $"The statements do not parse ({firstError.Id}: {firstError.GetMessage(CultureInfo.InvariantCulture)})."));
            }

            foreach (var declaration in body.Statements.OfType<LocalDeclarationStatementSyntax>())
            {
                if (!declaration.IsConst)
                {
                    locals.AddRange(declaration.Declaration.Variables.Select(v => v.Identifier.ValueText));
                }
            }

            return null;
        }

        private SourceProblem MapProblem(ExtractionProblem problem)
        {
            var line = problem.Location.LineSpan.Start.Line + 1;
            var statementLines = statements.ReplaceLineEndings("\n").Split('\n').Length;
            if (line >= FirstStatementLine && line < FirstStatementLine + statementLines)
            {
                return new SourceProblem(problem.Kind, path, line - FirstStatementLine + 1, problem.Location.LineSpan.Start.Character + 1, problem.Message, name);
            }

            var where = line == FirstStatementLine + statementLines ? "In the answer" : "In the parameter list or method";
            return new SourceProblem(problem.Kind, path, 0, 0, $"{where}: {problem.Message}", name);
        }
    }
}
