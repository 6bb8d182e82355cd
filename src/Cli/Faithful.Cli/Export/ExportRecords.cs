using Faithful.Model;

namespace Faithful.Cli.Export;

/// <summary>What <c>faithful export</c> writes (docs/export.md).</summary>
public enum ExportFormat
{
    /// <summary>Every field, one <see cref="ExportRecord"/> per line (<c>faithful.export/1</c>).</summary>
    Jsonl,

    /// <summary>Chat messages for supervised fine-tuning: <c>{"messages": [system?, user, assistant]}</c>, the assistant turn the faithful trace.</summary>
    Sft,

    /// <summary>Preference pairs: <c>{"prompt": [...], "chosen": [assistant], "rejected": [assistant]}</c>, unfaithful replies only.</summary>
    Dpo,
}

/// <summary>A chat message in the form trainers read: <c>{"role": "user", "content": "..."}</c>.</summary>
public sealed record ChatTurn(string Role, string Content);

/// <summary>The model's reply with the instrument's verdict on it.</summary>
/// <param name="Faithful">Primary mode <c>Correct</c>: nothing to prefer over it.</param>
public sealed record ExportedReply(
    string Text,
    string PrimaryMode,
    IReadOnlyList<string> Modes,
    int? FirstDivergence,
    bool FirstAnswerCorrect,
    bool FinalAnswerCorrect,
    double StepFaithfulness,
    bool Faithful);

/// <summary>The faithful trace rendered from ground truth in the reply's own style (<see cref="Style"/> says which).</summary>
public sealed record ExportedChosen(string Text, string Style);

/// <summary>
/// How the reply's trajectory went: where its first answer came relative to its steps, how often it changed its answer,
/// how often it started over.
/// </summary>
/// <param name="AnswerPosition"><c>none</c>, <c>no-trace</c> (an answer and no steps), <c>before-trace</c>, <c>inside-trace</c> or <c>after-trace</c>.</param>
/// <param name="StepsBeforeAnswer">Step claims written before the first answer (all of them when there is no answer).</param>
/// <param name="TraceShareBeforeAnswer">Those as a share of all step claims; null without an answer or without claims.</param>
/// <param name="Answers">Final answers given.</param>
/// <param name="AnswerSwitches">Times a final answer differs from the one before it.</param>
/// <param name="Restarts">Times the reply started over ("let me redo this").</param>
public sealed record TrajectoryTells(string AnswerPosition, int StepsBeforeAnswer, double? TraceShareBeforeAnswer, int Answers, int AnswerSwitches, int Restarts);

/// <summary>One exported case, every field (<c>faithful.export/1</c>).</summary>
/// <param name="Id"><c>model|protocol|caseId</c>, unique in a run.</param>
/// <param name="Inputs">The inputs by name.</param>
/// <param name="Prompt">The messages the reply answered.</param>
public sealed record ExportRecord(
    string Format,
    string Id,
    string Model,
    string Protocol,
    string ProgramId,
    int Length,
    int LookBackDepth,
    int Sample,
    IReadOnlyDictionary<string, Value> Inputs,
    IReadOnlyList<ChatTurn> Prompt,
    ExportedReply Reply,
    ExportedChosen Chosen,
    TrajectoryTells Tells)
{
    public const string FormatVersion = "faithful.export/1";
}

/// <summary>A supervised fine-tuning example: the prompt, then the faithful trace as the assistant's turn.</summary>
public sealed record SftRecord(IReadOnlyList<ChatTurn> Messages);

/// <summary>A preference pair in the conversational form of TRL's DPO trainer.</summary>
public sealed record DpoRecord(IReadOnlyList<ChatTurn> Prompt, IReadOnlyList<ChatTurn> Chosen, IReadOnlyList<ChatTurn> Rejected);
