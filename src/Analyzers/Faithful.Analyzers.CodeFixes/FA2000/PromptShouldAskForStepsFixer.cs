using System.Collections.Immutable;
using System.Composition;
using Faithful.Analyzers.CodeFixes.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.FA2000;

/// <summary>FA2003: appends the standard step-by-step output instruction to the prompt constant or prompt file.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, DocumentKinds = [nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument)]), Shared]
public sealed class PromptShouldAskForStepsFixer : PromptTextFixer
{
    public const string AppendInstructionKey = "FA2003_AppendStepInstruction";

    /// <summary>The standard instruction: one strict, parseable line per step, then the tagged answer.</summary>
    public const string StepInstruction =
        "\n\nExecute the program one step at a time. After each step, write one line 'name = value' with the step's name and its value (for example 's1 = 42'), in program order. Then give the final answer as <result>value</result>.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA2003"];

    private protected override string EquivalenceKey => AppendInstructionKey;

    private protected override string Title(Diagnostic diagnostic) => "Ask for each step's value";

    private protected override async Task<TextChange?> ChangeAsync(TextDocument document, SourceText text, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (document is Document)
        {
            return await PromptEdit.AppendToConstantAsync(document, diagnostic, StepInstruction, cancellationToken).ConfigureAwait(false);
        }

        // A prompt file: the instruction becomes its last paragraph.
        var lineBreak = PromptEdit.LineBreak(text);
        var content = text.ToString();
        var separator = content.EndsWith("\n", StringComparison.Ordinal) ? lineBreak : lineBreak + lineBreak;
        return new TextChange(new TextSpan(text.Length, 0), separator + StepInstruction.TrimStart('\n') + lineBreak);
    }
}
