using System.Text.RegularExpressions;
using Faithful.Analyzers.Prompts;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.FA2000;

/// <summary>
/// FA2001-FA2007: prompt templates, as <c>[PromptFor("Program")] const string</c> fields or
/// <c>*.prompt.md</c> additional files whose first line is <c>&lt;!-- faithful: program=Program --&gt;</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PromptAnalyzer : FaithfulDiagnosticAnalyzer
{
    /// <summary>Additional files with this suffix are prompt templates.</summary>
    public const string PromptFileSuffix = ".prompt.md";

    // The renderer's header: settings separated by spaces, e.g. '<!-- faithful: program=Sum id=sum/v2 -->'.
    private static readonly Regex Header = new(@"^\s*<!--\s*faithful:(?:[^>]*?\s)?program=(?<name>[\w.]+)[^>]*-->", RegexOptions.CultureInvariant);

    public PromptAnalyzer()
        : base(
            Descriptors.FA2001_PlaceholderMustNameInputOrStep,
            Descriptors.FA2002_PromptShouldSupplyEveryInput,
            Descriptors.FA2003_PromptShouldAskForSteps,
            Descriptors.FA2004_StepCountMustMatchProgram,
            Descriptors.FA2005_PromptMustNameKnownProgram,
            Descriptors.FA2006_PlaceholderMustBeClosed,
            Descriptors.FA2007_PromptFileMustNameProgram)
    {
    }

    private protected override void AnalyzeCompilation(CompilationStartAnalysisContext context, FaithfulTypes types)
    {
        if (types.PromptFor is { } promptFor)
        {
            context.RegisterSymbolAction(symbol => AnalyzeField(symbol, types, promptFor), SymbolKind.Field);
        }

        context.RegisterAdditionalFileAction(file => AnalyzeFile(file, types));
    }

    private static void AnalyzeField(SymbolAnalysisContext context, FaithfulTypes types, INamedTypeSymbol promptFor)
    {
        var field = (IFieldSymbol)context.Symbol;
        var attribute = field.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, promptFor));
        if (attribute is not { ConstructorArguments: [{ Value: string programName }] }
            || field.ConstantValue is not string template
            || field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax declarator)
        {
            return;
        }

        var shape = ProgramLookup.Find(context.Compilation, types, programName, context.CancellationToken);
        if (shape is null)
        {
            var at = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? declarator.Identifier.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA2005_PromptMustNameKnownProgram, at, programName));
            return;
        }

        var value = declarator.Initializer?.Value;
        PromptChecker.Check(
            template,
            shape,
            (start, length) => LiteralLocation(value, template, start, length) ?? value?.GetLocation() ?? declarator.Identifier.GetLocation(),
            declarator.Identifier.GetLocation(),
            context.ReportDiagnostic);
    }

    /// <summary>
    /// Maps a span of the constant's value back into the string literal: exact when the span's text appears in the
    /// token as often as in the value (no escapes inside it), else null and the caller reports on the whole literal.
    /// </summary>
    private static Location? LiteralLocation(ExpressionSyntax? value, string template, int start, int length)
    {
        if (value is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        var piece = template.Substring(start, length);
        var occurrence = CountOccurrences(template, piece, start);
        var tokenText = literal.Token.Text;
        if (CountOccurrences(tokenText, piece, tokenText.Length) != CountOccurrences(template, piece, template.Length))
        {
            return null;
        }

        var index = -1;
        for (var k = 0; k <= occurrence; k++)
        {
            index = tokenText.IndexOf(piece, index + 1, StringComparison.Ordinal);
        }

        return index < 0 ? null : Location.Create(literal.SyntaxTree, new TextSpan(literal.Token.SpanStart + index, length));
    }

    private static int CountOccurrences(string text, string piece, int before)
    {
        var count = 0;
        var index = text.IndexOf(piece, StringComparison.Ordinal);
        while (index >= 0 && index < before)
        {
            count++;
            index = text.IndexOf(piece, index + 1, StringComparison.Ordinal);
        }

        return count;
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, FaithfulTypes types)
    {
        var path = context.AdditionalFile.Path;
        if (!path.EndsWith(PromptFileSuffix, StringComparison.OrdinalIgnoreCase)
            || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        var content = text.ToString();
        Location At(int start, int length)
        {
            var span = new TextSpan(start, length);
            return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }

        var firstLine = text.Lines.Count > 0 ? text.Lines[0] : default;
        var header = Header.Match(firstLine.ToString());
        if (!header.Success)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA2007_PromptFileMustNameProgram, At(0, firstLine.Span.Length), Path.GetFileName(path)));
            return;
        }

        var name = header.Groups["name"];
        var shape = ProgramLookup.Find(context.Compilation, types, name.Value, context.CancellationToken);
        if (shape is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA2005_PromptMustNameKnownProgram, At(name.Index, name.Length), name.Value));
            return;
        }

        PromptChecker.Check(content, shape, At, At(0, firstLine.Span.Length), context.ReportDiagnostic);
    }
}
