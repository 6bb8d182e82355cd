using System.Text;
using Faithful.SourcePrograms.Limits;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.SourcePrograms;

/// <summary>
/// Programs imported from untyped languages (Python, JavaScript) arrive with <c>var n = 0;</c> or <c>int</c> locals,
/// while the languages they came from have no 32-bit wrap-around. This rewrite gives such locals Faithful's types:
/// <c>double</c> when the initializer holds a real literal, otherwise <c>long</c>. Only the type keyword changes,
/// so problems still point at the user's lines.
/// </summary>
public static class UntypedLocals
{
    private static readonly HashSet<SyntaxKind> NarrowIntegers =
    [
        SyntaxKind.IntKeyword, SyntaxKind.ShortKeyword, SyntaxKind.ByteKeyword, SyntaxKind.SByteKeyword,
        SyntaxKind.UIntKeyword, SyntaxKind.UShortKeyword,
    ];

    /// <summary>Returns <paramref name="statements"/> with <c>var</c>, <c>int</c>-like and <c>float</c> local declarations retyped.</summary>
    public static string Widen(string statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (!MayDeclareUntyped(statements))
        {
            return statements;
        }

        // Text the reader will refuse (too long, too deeply nested for the parser) is left for it to refuse with its own
        // message; parsing it here first could exhaust the stack.
        if (statements.Length > ProgramReadLimits.Default.MaxSourceLength
            || LexicalPreCheck.Check(statements, ProgramReadLimits.Default, countTerms: true) is not null)
        {
            return statements;
        }

        const string prefix = "class C { void M() {\n";
        var tree = CSharpSyntaxTree.ParseText(prefix + statements + "\n} }", ReaderCompilation.ParseOptions);
        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            var type = declaration.Declaration.Type;
            var replacement = type switch
            {
                IdentifierNameSyntax { Identifier.ValueText: "var" } => IsReal(declaration) ? "double" : "long",
                PredefinedTypeSyntax predefined when NarrowIntegers.Contains(predefined.Keyword.Kind()) => "long",
                PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.FloatKeyword) => "double",
                _ => null,
            };
            if (replacement is not null && type.SpanStart >= prefix.Length)
            {
                edits.Add((type.SpanStart - prefix.Length, type.Span.Length, replacement));
            }
        }

        if (edits.Count == 0)
        {
            return statements;
        }

        var text = new StringBuilder(statements);
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start))
        {
            text.Remove(start, length).Insert(start, replacement);
        }

        return text.ToString();
    }

    // The type keywords Widen retypes (the switch there): var, the narrow integers and float.
    private static readonly string[] RetypedKeywords =
        ["var", SyntaxFacts.GetText(SyntaxKind.FloatKeyword), .. NarrowIntegers.Select(SyntaxFacts.GetText)];

    // A parse costs as much as reading the program, and most programs have nothing to retype: "long" locals and loop
    // counters ("for (var i = 0; ...)", which is no local declaration statement). A declaration statement's type never
    // follows '(' (a for header, a cast, an argument), so text whose retyped keywords all do is returned unparsed.
    // Escaped or verbatim identifiers (\u0076ar, @var) could spell a keyword and are parsed.
    private static bool MayDeclareUntyped(string statements)
    {
        if (statements.AsSpan().IndexOfAny('\\', '@') >= 0)
        {
            return true;
        }

        for (var i = 0; i < statements.Length; i++)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(statements[i]) || (i > 0 && SyntaxFacts.IsIdentifierPartCharacter(statements[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < statements.Length && SyntaxFacts.IsIdentifierPartCharacter(statements[end]))
            {
                end++;
            }

            if (IsRetypedKeyword(statements.AsSpan(i, end - i)) && PreviousNonSpace(statements, i) != '(')
            {
                return true;
            }

            i = end - 1;
        }

        return false;
    }

    private static bool IsRetypedKeyword(ReadOnlySpan<char> word)
    {
        foreach (var keyword in RetypedKeywords)
        {
            if (word.SequenceEqual(keyword))
            {
                return true;
            }
        }

        return false;
    }

    private static char PreviousNonSpace(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return '\0';
    }

    private static bool IsReal(LocalDeclarationStatementSyntax declaration) =>
        declaration.Declaration.Variables.Any(v => v.Initializer is { } init && init.Value.DescendantNodesAndSelf()
            .OfType<LiteralExpressionSyntax>()
            .Any(l => l.Token.Value is double or float or decimal));
}
