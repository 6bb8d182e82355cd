using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Reports.Formats;
using Faithful.SourcePrograms;
using Faithful.Traces.Conversations;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Transcripts.Scoring;

/// <summary>
/// Scores one transcript line: reads the record, finds its program (cached), its inputs and ground truth (cached per
/// program), parses the reply and judges it. Safe to call from many threads. The sample index of a line that does not
/// give one depends on the lines before it, so it is left for the ordered stage (<see cref="ScoredLine.SampleKey"/>).
/// </summary>
internal sealed class TranscriptLineScorer(IReadOnlyList<StepProgram> catalog, TranscriptOptions options, ProgramCache programs)
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        MaxDepth = 32,
    };

    public ScoredLine Score(int lineNumber, string line)
    {
        TranscriptRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<TranscriptRecord>(line, ReadOptions);
        }
        catch (JsonException e)
        {
            return ScoredLine.Skipped($"not valid JSON ({Shorten(e.Message)}); each line must be one JSON object");
        }

        if (record is null)
        {
            return ScoredLine.Skipped("the line is 'null'; each line must be one JSON object");
        }

        if (Check(record) is { } missing)
        {
            return ScoredLine.Skipped(missing);
        }

        var resolved = Resolve(record);
        if (resolved.Program is not { } program)
        {
            return ScoredLine.Skipped(resolved.Problem!);
        }

        if (TranscriptInputs.Values(record.Inputs, program, out var inputError) is not { } values)
        {
            return ScoredLine.Skipped(inputError!);
        }

        var inputs = values.ToEquatableArray();
        Trace truth;
        try
        {
            truth = resolved.Truth(inputs);
        }
        catch (ArgumentException e)
        {
            // A catalog program (user code) the evaluator refuses: this line's problem, not the file's.
            return ScoredLine.Skipped("the program cannot be evaluated: " + Shorten(e.Message.ReplaceLineEndings(" ")));
        }

        if (truth.Fault is { } fault)
        {
            return ScoredLine.Skipped($"the program faults on these inputs ({fault.Message}); there is no ground truth to score against");
        }

        AnswerExtraction answers;
        try
        {
            answers = record.AnswerPattern is { Length: > 0 } pattern ? AnswerExtraction.FromPattern(pattern) : AnswerExtraction.Default;
        }
        catch (ArgumentException e)
        {
            return ScoredLine.Skipped("answerPattern: " + e.Message);
        }

        // The conversation scorer reads the reply as the adapter and the evaluator do; the prompt's example answers do not count.
        ChatMessage[] conversation = string.IsNullOrEmpty(record.Prompt) ? [] : [new ChatMessage(ChatRole.User, record.Prompt)];
        var parsed = ConversationScorer.Parse(program, conversation, record.Reply, answers);
        var verdict = CaseScorer.Score(truth, parsed);
        var reply = record.Reply!.Length <= CaseScorer.MaxReplyChars ? record.Reply : record.Reply[..CaseScorer.MaxReplyChars];
        var result = new CaseResult(
            CaseScorer.CaseId(program, inputs, record.Sample ?? 0),
            program.Id,
            program.Steps.Count,
            LookBack.MaxDepth(program),
            record.Model!,
            record.Sample ?? 0,
            inputs,
            reply,
            verdict,
            Metadata: Metadata(record, lineNumber));
        return new ScoredLine(result, program, resolved.Source, null, record.Model + "\u001f" + CaseScorer.CaseId(program, inputs, 0), record.Sample);
    }

    private static string? Check(TranscriptRecord record)
    {
        if (string.IsNullOrWhiteSpace(record.Model))
        {
            return "'model' is missing; name the model that wrote the reply";
        }

        if (record.Reply is null)
        {
            return "'reply' is missing; give the model's reply text";
        }

        if (string.IsNullOrWhiteSpace(record.Program) == string.IsNullOrWhiteSpace(record.ProgramName))
        {
            return "give exactly one of 'program' (C# statements) or 'programName' (a catalog program)";
        }

        if (record.Sample is < 0)
        {
            return "'sample' must be 0 or more";
        }

        return record.Program is not null && string.IsNullOrWhiteSpace(record.Question)
            ? "'question' is missing; name the variable whose final value is the answer, write an expression over final values (\"n_0 + n_1\"), or \"sum\" for the sum of all variables"
            : null;
    }

    private ResolvedProgram Resolve(TranscriptRecord record)
    {
        if (record.ProgramName is { } name)
        {
            return programs.GetOrRead("catalog\u001f" + name, () => FromCatalog(name));
        }

        string? inputsError = null;
        var parameterList = record.Parameters ?? TranscriptInputs.InferParameters(record.Inputs, out inputsError);
        if (parameterList is null)
        {
            return new ResolvedProgram(null, inputsError!, null);
        }

        var key = string.Join("\u001f", record.Program, parameterList, record.Question, record.Name);
        return programs.GetOrRead(key, () => Read(record, parameterList, key));
    }

    private ResolvedProgram FromCatalog(string name)
    {
        if (catalog.Count == 0)
        {
            return new ResolvedProgram(null, $"'programName' {name} needs a program catalog; pass the assembly that holds it (faithful score --assembly <dll>) or give the program as C# statements", null);
        }

        var found = catalog.FirstOrDefault(p => p.Id == name) ?? catalog.FirstOrDefault(p => p.Name == name);
        return found is null
            ? new ResolvedProgram(null, $"no catalog program is named '{name}'; known: {string.Join(", ", catalog.Take(20).Select(p => p.Id))}", null)
            : new ResolvedProgram(found, null, null);
    }

    private ResolvedProgram Read(TranscriptRecord record, string parameterList, string key)
    {
        if (ProgramAnswer.Parse(record.Question!, out var questionProblem) is not { } answer)
        {
            return new ResolvedProgram(null, "'question': " + questionProblem, null);
        }

        var programName = record.Name ?? "Transcript_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        var read = CSharpProgramReader.ReadStatements(UntypedLocals.Widen(record.Program!), parameterList, answer, options.ProgramLimits, programName, "program");
        return read.Program is { } program
            ? new ResolvedProgram(program, null, new TranscriptProgramSource(record.Program!, parameterList, record.Question!, programName))
            : new ResolvedProgram(null, "the program cannot be read: " + string.Join("; ", read.Problems.Select(p => p.ToString())), null);
    }

    private static Dictionary<string, string> Metadata(TranscriptRecord record, int lineNumber)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["transcript.line"] = lineNumber.ToString(CultureInfo.InvariantCulture),
        };

        // The result keeps a bounded reply; reports count what they do not show from the original.
        if (record.Reply!.Length > CaseScorer.MaxReplyChars)
        {
            metadata[ReplyText.OriginalLengthKey] = record.Reply.Length.ToString(CultureInfo.InvariantCulture);
        }

        if (record.Id is { } id)
        {
            metadata["transcript.id"] = Shorten(id);
        }

        if (record.Question is { } question)
        {
            metadata["transcript.question"] = Shorten(question);
        }

        foreach (var (key, value) in record.Metadata ?? [])
        {
            if (value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                metadata[Shorten(key)] = Shorten(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
            }
        }

        return metadata;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>A line's outcome from the parallel stage: a result to finish in order, or why the line is skipped.</summary>
/// <param name="SampleKey">The model and case (sample 0): a line without a <c>sample</c> is the next sample of its key, counted in file order.</param>
internal sealed record ScoredLine(CaseResult? Result, StepProgram? Program, TranscriptProgramSource? Source, string? Problem, string? SampleKey, int? Sample)
{
    public static ScoredLine Skipped(string problem) => new(null, null, null, problem, null, null);
}
