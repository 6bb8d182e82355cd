using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Faithful.Analyzers.Extraction;

/// <summary>
/// Reads a <c>[ReferenceProgram]</c> method into the shared <see cref="StepProgram"/> model, or says precisely why it cannot.
/// Shared by the generator (which skips failures), the analyzers (which report them) and Faithful.SourcePrograms.
/// </summary>
internal static class ProgramExtractor
{
    public const string ReferenceProgramAttributeName = "Faithful.ReferenceProgramAttribute";
    public const string DomainAttributeName = "Faithful.DomainAttribute";
    public const string DistractorAttributeName = "Faithful.DistractorAttribute";

    /// <summary>Extracts the method declared by <paramref name="syntax"/>.</summary>
    public static ExtractionResult Extract(MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(semanticModel);
        var location = LocationInfo.From(syntax.Identifier.GetLocation());
        if (semanticModel.GetDeclaredSymbol(syntax, cancellationToken) is not IMethodSymbol method)
        {
            return Fail(ProblemKind.CompilationError, location, "The method could not be bound; fix the compiler errors first.");
        }

        var compileError = FirstError(syntax, semanticModel, cancellationToken);
        if (compileError is not null)
        {
            return Fail(
                ProblemKind.CompilationError,
                LocationInfo.From(compileError.Location),
                "The method does not compile (" + compileError.Id + ": " + compileError.GetMessage(CultureInfo.InvariantCulture) + "); fix it before it can be extracted.");
        }

        var problems = new List<ExtractionProblem>();
        CheckShape(method, syntax, location, problems);
        var parameters = ReadParameters(method, problems);
        var (description, allowNonFinite) = ReadProgramAttribute(method);
        if (problems.Count > 0)
        {
            return ExtractionResult.Failed(problems.ToEquatableArray());
        }

        if (semanticModel.GetOperation(syntax, cancellationToken) is not IMethodBodyOperation body)
        {
            return Fail(ProblemKind.UnsupportedMethodShape, location, "The method has no body to extract; write a block body ending in a return.");
        }

        var lowering = new BodyLowering(method.Parameters, cancellationToken);
        lowering.LowerBody(body.BlockBody ?? body.ExpressionBody!, location);
        var (steps, stepLocations) = lowering.NamedSteps();
        steps = MarkDistractors(method, steps, lowering.Problems);
        if (lowering.Problems.Count > 0 || lowering.Result is null)
        {
            return ExtractionResult.Failed(lowering.Problems.ToEquatableArray());
        }

        var program = new StepProgram(
            method.Name,
            description,
            parameters.ToEquatableArray(),
            steps.ToEquatableArray(),
            lowering.Result,
            lowering.ResultSourceText,
            ContainingTypeName(method),
            allowNonFinite);

        // The evaluator's own check, so the generator never emits a program that ReferenceEvaluator would refuse.
        var invalid = ProgramValidator.EvaluationProblems(program);
        if (invalid.Count > 0)
        {
            return ExtractionResult.Failed(invalid.Select(p => new ExtractionProblem(ProblemKind.UnsupportedExpression, location, p)).ToEquatableArray());
        }

        return new ExtractionResult(program, stepLocations.ToEquatableArray(), EquatableArray<ExtractionProblem>.Empty);
    }

    /// <summary>True when <paramref name="method"/> carries <c>[ReferenceProgram]</c>.</summary>
    public static bool IsReferenceProgram(IMethodSymbol method) =>
        method.GetAttributes().Any(a => HasName(a, ReferenceProgramAttributeName));

    /// <summary>The model's kind for a C# type: <c>long</c> and <c>double</c> only.</summary>
    public static bool TryGetKind(ITypeSymbol? type, out ValueKind kind)
    {
        switch (type?.SpecialType)
        {
            case SpecialType.System_Int64:
                kind = ValueKind.Int64;
                return true;
            case SpecialType.System_Double:
                kind = ValueKind.Double;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    private static ExtractionResult Fail(ProblemKind kind, LocationInfo location, string message) =>
        ExtractionResult.Failed(new[] { new ExtractionProblem(kind, location, message) }.ToEquatableArray());

    private static Diagnostic? FirstError(MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in semanticModel.GetDiagnostics(syntax.Span, cancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return diagnostic;
            }
        }

        return null;
    }

    private static void CheckShape(IMethodSymbol method, MethodDeclarationSyntax syntax, LocationInfo location, List<ExtractionProblem> problems)
    {
        if (!method.IsStatic)
        {
            problems.Add(new ExtractionProblem(ProblemKind.UnsupportedMethodShape, location, "A reference program must be a static method; add 'static'."));
        }

        if (method.IsGenericMethod)
        {
            problems.Add(new ExtractionProblem(ProblemKind.UnsupportedMethodShape, location, "A reference program cannot be generic; use long or double parameters."));
        }

        // A program's id is Type.Method, so overloads would share it.
        if (method.ContainingType is { } type && type.GetMembers(method.Name).Count(m => m is IMethodSymbol other && IsReferenceProgram(other)) > 1)
        {
            problems.Add(new ExtractionProblem(ProblemKind.UnsupportedMethodShape, location, "Reference programs are identified by Type.Method, so '" + method.Name + "' cannot be overloaded; rename one of the overloads."));
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            problems.Add(new ExtractionProblem(ProblemKind.UnsupportedMethodShape, location, "A reference program needs a body; write the steps and a final return."));
        }

        if (!TryGetKind(method.ReturnType, out _))
        {
            problems.Add(new ExtractionProblem(
                ProblemKind.UnsupportedReturnType,
                syntax.ReturnType is { } returnType ? LocationInfo.From(returnType) : location,
                "A reference program returns long or double, not " + method.ReturnType.ToDisplayString() + "."));
        }
    }

    private static List<Parameter> ReadParameters(IMethodSymbol method, List<ExtractionProblem> problems)
    {
        var result = new List<Parameter>();
        foreach (var parameter in method.Parameters)
        {
            var location = parameter.Locations.Length > 0 ? LocationInfo.From(parameter.Locations[0]) : LocationInfo.From(method.Locations[0]);
            if (parameter.RefKind != RefKind.None || parameter.IsParams || !TryGetKind(parameter.Type, out var kind))
            {
                problems.Add(new ExtractionProblem(
                    ProblemKind.UnsupportedParameter,
                    location,
                    "Parameter '" + parameter.Name + "' must be a plain long or double input (no ref, out, in or params), not " + parameter.ToDisplayString() + "."));
                continue;
            }

            result.Add(new Parameter(parameter.Name, kind, ReadDomain(parameter, location, problems)));
        }

        return result;
    }

    private static Domain? ReadDomain(IParameterSymbol parameter, LocationInfo location, List<ExtractionProblem> problems)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (!HasName(attribute, DomainAttributeName) || attribute.ConstructorArguments.Length != 2)
            {
                continue;
            }

            // Quote the attribute as written: "[Domain(-1e308, 1e308)]", not the values Roslyn read from it.
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax();
            var written = "[" + (syntax?.ToString() ?? "Domain") + "]";
            var where = syntax is null ? location : LocationInfo.From(syntax);
            var min = ToDecimal(attribute.ConstructorArguments[0].Value, out var minProblem);
            var max = ToDecimal(attribute.ConstructorArguments[1].Value, out var maxProblem);
            var why = minProblem ?? maxProblem;
            if (why is not null)
            {
                problems.Add(new ExtractionProblem(ProblemKind.InvalidDomain, where, "The " + written + " of '" + parameter.Name + "' " + why));
                return null;
            }

            if (min > max)
            {
                problems.Add(new ExtractionProblem(
                    ProblemKind.InvalidDomain,
                    where,
                    "The " + written + " of '" + parameter.Name + "' holds no value: its minimum " + Text(min!.Value) + " is above its maximum " + Text(max!.Value) + "; swap the bounds."));
                return null;
            }

            return new Domain(min!.Value, max!.Value);
        }

        return null;
    }

    // Mirrors DomainAttribute's constructors: longs convert exactly, doubles through (decimal)double, which throws
    // beyond about ±7.9e28; a Domain stores decimals, so such a bound cannot be held at all.
    private static decimal? ToDecimal(object? value, out string? problem)
    {
        problem = null;
        switch (value)
        {
            case long l:
                return l;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                problem = "has a bound that is not a number (" + d.ToString(CultureInfo.InvariantCulture) + "); give finite bounds.";
                return null;
            case double d when Math.Abs(d) >= 7.9e28:
                problem = "has a bound beyond ±7.9e28, the largest a decimal holds (a Domain stores its bounds as decimals); use bounds within ±1e28.";
                return null;
            case double d:
                return (decimal)d;
            default:
                problem = "has bounds of an unsupported type; write [Domain(min, max)] with long or double bounds.";
                return null;
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static (string Description, bool AllowNonFinite) ReadProgramAttribute(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (!HasName(attribute, ReferenceProgramAttributeName))
            {
                continue;
            }

            var description = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string text ? text : "";
            var allowNonFinite = false;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "AllowNonFinite" && named.Value.Value is bool flag)
                {
                    allowNonFinite = flag;
                }
            }

            return (description, allowNonFinite);
        }

        return ("", false);
    }

    private static List<Step> MarkDistractors(IMethodSymbol method, List<Step> steps, List<ExtractionProblem> problems)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (!HasName(attribute, DistractorAttributeName) || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name)
            {
                continue;
            }

            // A distractor names a step ("a3#2") or a variable (all of its writes).
            var matched = false;
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i].Name == name || steps[i].Variable == name)
                {
                    steps[i] = steps[i] with { IsDistractor = true };
                    matched = true;
                }
            }

            if (!matched && problems.Count == 0)
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax() is { } syntax ? LocationInfo.From(syntax) : LocationInfo.From(method.Locations[0]);
                problems.Add(new ExtractionProblem(
                    ProblemKind.UnknownDistractor,
                    location,
                    "[Distractor(\"" + name + "\")] names no step of " + method.Name + "; use a step name such as " + (steps.Count > 0 ? "'" + steps[steps.Count - 1].Name + "'" : "a local written by the program") + "."));
            }
        }

        return steps;
    }

    private static string? ContainingTypeName(IMethodSymbol method) =>
        method.ContainingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));

    private static bool HasName(AttributeData attribute, string fullName) =>
        attribute.AttributeClass?.ToDisplayString() == fullName;
}
