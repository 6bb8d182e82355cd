using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Utility;

// FA2xxx: prompt templates, as [PromptFor] const strings or *.prompt.md additional files.
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor FA2001_PlaceholderMustNameInputOrStep = new DiagnosticDescriptor(
        "FA2001",
        "A placeholder must name an input or step of the program",
        "Placeholder '{0}' names no input or step of program '{1}'{2}",
        Categories.Prompt,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Placeholders are written {{name}} where name is an input or a step name (s3, a3#2) of the program the prompt is for.",
        helpLinkUri: HelpLinkBase + "FA2001.md");

    public static readonly DiagnosticDescriptor FA2002_PromptShouldSupplyEveryInput = new DiagnosticDescriptor(
        "FA2002",
        "A prompt should supply every input of its program",
        "The prompt for '{0}' never supplies input '{1}'",
        Categories.Prompt,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A model cannot execute the program faithfully without the value of every input; add a {{name}} placeholder for it.",
        helpLinkUri: HelpLinkBase + "FA2002.md");

    public static readonly DiagnosticDescriptor FA2003_PromptShouldAskForSteps = new DiagnosticDescriptor(
        "FA2003",
        "A prompt should ask for the intermediate steps",
        "The prompt for '{0}' asks only for the final answer, so its steps cannot be checked",
        Categories.Prompt,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Process-aware prompts with a strict, parseable format for intermediate values let Faithful verify each step; a prompt that asks only for the answer measures accuracy, not faithfulness.",
        helpLinkUri: HelpLinkBase + "FA2003.md");

    public static readonly DiagnosticDescriptor FA2004_StepCountMustMatchProgram = new DiagnosticDescriptor(
        "FA2004",
        "A prompt's step count must match its program",
        "The prompt for '{0}' {1}, but the program has {2} steps",
        Categories.Prompt,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A prompt that states a step count or numbers its steps differently from the program misleads the model and misaligns the trace.",
        helpLinkUri: HelpLinkBase + "FA2004.md");

    public static readonly DiagnosticDescriptor FA2005_PromptMustNameKnownProgram = new DiagnosticDescriptor(
        "FA2005",
        "A prompt must name an existing reference program",
        "The prompt names program '{0}', but no [ReferenceProgram] method in this compilation has that name",
        Categories.Prompt,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[PromptFor(\"Name\")] and the '<!-- faithful: program=Name -->' header name a [ReferenceProgram] method by its name or Type.Method.",
        helpLinkUri: HelpLinkBase + "FA2005.md");

    public static readonly DiagnosticDescriptor FA2006_PlaceholderMustBeClosed = new DiagnosticDescriptor(
        "FA2006",
        "A placeholder must be closed",
        "Placeholder '{0}' is never closed with '}}}}'",
        Categories.Prompt,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A {{ followed by a name opens a placeholder that must end with }} on the same line; otherwise the renderer leaves it as literal text. Write {{{{ for a literal {{.",
        helpLinkUri: HelpLinkBase + "FA2006.md");

    public static readonly DiagnosticDescriptor FA2007_PromptFileMustNameProgram = new DiagnosticDescriptor(
        "FA2007",
        "A prompt file must name its program",
        "Prompt file '{0}' does not name its program: start it with '<!-- faithful: program=Name -->'",
        Categories.Prompt,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A *.prompt.md additional file is linked to its reference program by its first line.",
        helpLinkUri: HelpLinkBase + "FA2007.md");
}
