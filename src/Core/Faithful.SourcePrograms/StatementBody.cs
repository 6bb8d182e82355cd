using System.Globalization;
using System.Text;
using Faithful.Analyzers.Extraction;
using Faithful.Model;
using Faithful.SourcePrograms.Limits;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.SourcePrograms;

/// <summary>Bare statements wrapped into a synthetic method, with problems mapped back to the statements' own lines.</summary>
internal sealed class StatementBody(string statements, IReadOnlyList<Parameter> parameters, ProgramAnswer answer, string name, string path, ProgramReadLimits limits)
{
    private const string ClassName = "ImportedStatements";
    private const int FirstStatementLine = 5;

    public StatementsReadResult Read(CancellationToken cancellationToken)
    {
        var probe = Parse(ValueKind.Int64, "default", cancellationToken);
        if (Measure(probe) is { } tooLarge)
        {
            return new StatementsReadResult(null, [tooLarge]);
        }

        if (Structure(probe, out var locals) is { } structureProblem)
        {
            return new StatementsReadResult(null, [structureProblem]);
        }

        var answerText = answer.Expression ?? string.Join(" + ", parameters.Select(p => p.Name).Concat(locals).DefaultIfEmpty("0L"));
        var tree = Parse(ValueKind.Int64, answerText, cancellationToken);
        var (method, model) = Bind(tree, cancellationToken);
        var returned = method.DescendantNodes().OfType<ReturnStatementSyntax>().Last().Expression!;
        if (model.GetTypeInfo(returned, cancellationToken).Type?.SpecialType == SpecialType.System_Double)
        {
            tree = Parse(ValueKind.Double, answerText, cancellationToken);
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
        return Evaluable.Problem(program, path, limits) is { } notEvaluable
            ? new StatementsReadResult(null, [notEvaluable])
            : new StatementsReadResult(program, []);
    }

    private SyntaxTree Parse(ValueKind returnKind, string answerText, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("using System;\n");
        text.Append("public static class ").Append(ClassName).Append(" {\n");
        text.Append("[Faithful.ReferenceProgram]\n");
        text.Append("public static ").Append(returnKind.ToCSharpKeyword()).Append(' ').Append(name).Append('(')
            .Append(string.Join(", ", parameters.Select(p => p.Kind.ToCSharpKeyword() + " " + p.Name))).Append(") {\n");
        text.Append(statements.ReplaceLineEndings("\n")).Append('\n');
        text.Append("return ").Append(answerText).Append(";\n}\n}\n");
        return CSharpSyntaxTree.ParseText(text.ToString(), ReaderCompilation.ParseOptions, path, cancellationToken: cancellationToken);
    }

    private static (MethodDeclarationSyntax Method, SemanticModel Model) Bind(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var model = ReaderCompilation.Create(tree).GetSemanticModel(tree);
        var method = tree.GetRoot(cancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        return (method, model);
    }

    // Nesting and size on the syntax tree, before the structure check and before anything binds.
    private SourceProblem? Measure(SyntaxTree tree)
    {
        if (SyntaxPreCheck.TooComplex(tree) is { } tooComplex)
        {
            return MapProblem(new ExtractionProblem(ProblemKind.UnsupportedExpression, LocationInfo.From(tooComplex.Location), SyntaxPreCheck.TooComplexMessage(limits)));
        }

        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (method?.Body is not { } body || SyntaxPreCheck.Check(body, limits, uncountedStatements: 1) is not { } tooLarge)
        {
            return null;
        }

        // A whole-program count has no one line to point at.
        return tooLarge.Node == body
            ? new SourceProblem(tooLarge.Kind, path, 0, 0, tooLarge.Message, name)
            : MapProblem(new ExtractionProblem(tooLarge.Kind, LocationInfo.From(tooLarge.Node), tooLarge.Message));
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
