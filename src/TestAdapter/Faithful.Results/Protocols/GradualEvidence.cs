namespace Faithful.Traces.Results;

/// <summary>
/// The <c>gradual</c> protocol's record of a case: steps were revealed <see cref="Reveal"/> per turn, and the first
/// turn whose values went wrong (judged on the model's own earlier values as well as on ground truth).
/// </summary>
/// <param name="Reveal">Steps revealed per turn.</param>
/// <param name="TurnCount">Turns the conversation took.</param>
/// <param name="FirstWrongTurn">Zero-based turn holding the first step that is not correct, or null.</param>
/// <param name="FirstWrongStep">Zero-based index of that step, or null.</param>
public sealed record GradualEvidence(int Reveal, int TurnCount, int? FirstWrongTurn, int? FirstWrongStep);
