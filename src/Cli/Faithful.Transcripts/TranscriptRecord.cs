using System.Text.Json;

namespace Faithful.Transcripts;

/// <summary>
/// One line of a transcript file (schema <c>faithful.transcript/1</c>, docs/transcripts.md), as written.
/// Either <see cref="Program"/> (C# statements) with <see cref="Question"/>, or <see cref="ProgramName"/> (a catalog program).
/// </summary>
public sealed record TranscriptRecord
{
    /// <summary>The model that wrote the reply, e.g. <c>openai:gpt-4o</c> (required).</summary>
    public string? Model { get; init; }

    /// <summary>The program as C# statements, e.g. <c>a2 -= a3; a1 = a0;</c>.</summary>
    public string? Program { get; init; }

    /// <summary>C# parameter list for <see cref="Program"/> (<c>long a0, long a1</c>); default: the names of <see cref="Inputs"/>, <c>long</c> for whole numbers.</summary>
    public string? Parameters { get; init; }

    /// <summary>A catalog program's id or method name, instead of <see cref="Program"/>.</summary>
    public string? ProgramName { get; init; }

    /// <summary>A name for a <see cref="Program"/> in reports (a C# identifier); default: derived from its text.</summary>
    public string? Name { get; init; }

    /// <summary>The inputs: an object by parameter name, or an array in parameter order.</summary>
    public JsonElement Inputs { get; init; }

    /// <summary>What the program answers: a variable name, or <c>sum</c> for the sum of all variables.</summary>
    public string? Question { get; init; }

    /// <summary>The prompt the model was given; answers it shows as examples do not count when echoed.</summary>
    public string? Prompt { get; init; }

    /// <summary>The model's reply (required).</summary>
    public string? Reply { get; init; }

    /// <summary>Sample index among repeated samples; default: the order of identical cases in the file.</summary>
    public int? Sample { get; init; }

    /// <summary>A regular expression whose <c>answer</c> group (or group 1) marks the final answer; default: the built-in styles.</summary>
    public string? AnswerPattern { get; init; }

    /// <summary>The source tool's own id for the line.</summary>
    public string? Id { get; init; }

    /// <summary>Free-form scalar tags, kept in the results.</summary>
    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
