using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.Prompts;

/// <summary>Small edits shared by the prompt fixes.</summary>
internal static class PromptEdit
{
    /// <summary>
    /// In a C# document, appends <paramref name="addition"/> to the constant the diagnostic names, as
    /// <c> + "addition"</c> after its initializer (the constant stays a constant); null elsewhere.
    /// </summary>
    public static async Task<TextChange?> AppendToConstantAsync(TextDocument document, Diagnostic diagnostic, string addition, CancellationToken cancellationToken)
    {
        if (document is not Document source
            || await source.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        var literal = SyntaxFactory.Literal(addition).Text;
        return new TextChange(new TextSpan(value.Span.End, 0), " + " + literal);
    }

    /// <summary>The file's own line break: CRLF when it already uses one, else LF.</summary>
    public static string LineBreak(SourceText text) => text.ToString().Contains("\r\n") ? "\r\n" : "\n";

    /// <summary>Inserts <paramref name="line"/> as a line of its own before position <paramref name="at"/>, a line start or the end of the text.</summary>
    public static TextChange InsertLine(SourceText text, int at, string line)
    {
        var lineBreak = LineBreak(text);
        var atEndWithoutBreak = at == text.Length && (text.Length == 0 || text[text.Length - 1] != '\n');
        return new TextChange(new TextSpan(at, 0), atEndWithoutBreak ? lineBreak + line : line + lineBreak);
    }
}
