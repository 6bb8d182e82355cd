using Faithful;

namespace Faithful.Samples.Diagnostics;

public static class Prompts
{
    [PromptFor("Registers")]
    public const string Typo = "a0 = {{a0}}, a1 = {{a1}}, a2 = {{a2}}. Write each step, e.g. {{unsued}} = value.";

    [PromptFor("Registers")]
    public const string AnswerOnly = "a0 = {{a0}}, a1 = {{a1}}, a2 = {{a2}}. Reply with the number only.";
}
