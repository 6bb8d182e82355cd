using Faithful.Model;

namespace Faithful.Traces.Simulation;

internal enum ScriptLineKind
{
    Chatter,
    Claim,
    ExtraClaim,
    Answer,
    Restart,
    Skip,
}

/// <summary>
/// One line of a simulated reply before it is written in a style: what the model says, and for claims
/// which step it is (null for a hallucinated one), the value and the computation shown.
/// </summary>
internal sealed record ScriptLine(
    ScriptLineKind Kind,
    int Attempt,
    int? Step = null,
    string? Name = null,
    int? Number = null,
    Value? Value = null,
    string? Work = null,
    string? Text = null);
