using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Reports.Formats;
using Faithful.Reports.RunFiles;
using Faithful.SourcePrograms;
using Faithful.Traces.Conversations;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Faithful.Transcripts.Reading;
using Microsoft.Extensions.AI;

namespace Faithful.Transcripts;

/// <summary>
/// Scores transcripts written by other tools: each JSONL line names a program (C# statements or a catalog program),
/// inputs and a reply; the reply is parsed, aligned and classified against ground truth exactly as in a Faithful run.
/// A line that cannot be scored is reported with its line number and skipped; the others are not affected.
/// </summary>
public static class TranscriptScorer
{
    /// <summary>Longest line read from a file, in bytes; longer lines are skipped to their newline without being held, and reported.</summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    /// <summary>Longest line read from a <see cref="TextReader"/>, in characters.</summary>
    public const int MaxLineChars = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        MaxDepth = 32,
    };

    /// <summary>Scores the transcript file at <paramref name="path"/>.</summary>
    /// <param name="catalog">Programs that lines may name with <c>programName</c> (e.g. an assembly's catalog); may be empty.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not text (NUL bytes at its start).</exception>
    public static TranscriptImport ScoreFile(string path, IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Score(stream, Path.GetFileName(path), catalog, options);
    }

    /// <summary>Scores transcript lines read from <paramref name="stream"/> (UTF-8, or UTF-16/32 with a byte-order mark).</summary>
    /// <exception cref="InvalidDataException">The input is not text (NUL bytes at its start).</exception>
    public static TranscriptImport Score(Stream stream, string fileName, IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TranscriptOptions.Default;
        return Score(BoundedLineReader.Read(stream, fileName, options.MaxLineBytes), fileName, catalog, options);
    }

    /// <summary>Scores transcript lines read from <paramref name="reader"/>; <paramref name="fileName"/> names them in issues.</summary>
    public static TranscriptImport Score(TextReader reader, string fileName, IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TranscriptOptions.Default;
        return Score(BoundedLineReader.Read(reader, options.MaxLineChars), fileName, catalog, options);
    }

    private static TranscriptImport Score(IEnumerable<TranscriptLine> lines, string fileName, IReadOnlyList<StepProgram>? catalog, TranscriptOptions options)
    {
        var session = new Session(fileName, catalog ?? [], options);
        var lineCount = 0;
        foreach (var line in lines)
        {
            lineCount = line.Number;
            if (line.Problem is { } problem)
            {
                session.Skip(line.Number, problem);
            }
            else if (!string.IsNullOrWhiteSpace(line.Text))
            {
                session.ScoreLine(line.Text, line.Number);
            }
        }

        return new TranscriptImport(session.Results, session.Issues, lineCount);
    }

    private sealed class Session(string fileName, IReadOnlyList<StepProgram> catalog, TranscriptOptions options)
    {
        private readonly Dictionary<string, (StepProgram? Program, string? Problem)> _programs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _samples = new(StringComparer.Ordinal);

        public List<CaseResult> Results { get; } = [];

        public List<LineIssue> Issues { get; } = [];

        public void ScoreLine(string line, int lineNumber)
        {
            TranscriptRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<TranscriptRecord>(line, ReadOptions);
            }
            catch (JsonException e)
            {
                Skip(lineNumber, $"not valid JSON ({Shorten(e.Message)}); each line must be one JSON object");
                return;
            }

            if (record is null)
            {
                Skip(lineNumber, "the line is 'null'; each line must be one JSON object");
                return;
            }

            if (Check(record) is { } missing)
            {
                Skip(lineNumber, missing);
                return;
            }

            var (program, problem) = Resolve(record);
            if (program is null)
            {
                Skip(lineNumber, problem!);
                return;
            }

            if (TranscriptInputs.Values(record.Inputs, program, out var inputError) is not { } inputs)
            {
                Skip(lineNumber, inputError!);
                return;
            }

            Trace truth;
            try
            {
                truth = ReferenceEvaluator.Evaluate(program, inputs);
            }
            catch (ArgumentException e)
            {
                // A catalog program (user code) the evaluator refuses: this line's problem, not the file's.
                Skip(lineNumber, "the program cannot be evaluated: " + Shorten(e.Message.ReplaceLineEndings(" ")));
                return;
            }

            if (truth.Fault is { } fault)
            {
                Skip(lineNumber, $"the program faults on these inputs ({fault.Message}); there is no ground truth to score against");
                return;
            }

            AnswerExtraction answers;
            try
            {
                answers = record.AnswerPattern is { Length: > 0 } pattern ? AnswerExtraction.FromPattern(pattern) : AnswerExtraction.Default;
            }
            catch (ArgumentException e)
            {
                Skip(lineNumber, "answerPattern: " + e.Message);
                return;
            }

            var caseKey = record.Model + "\u001f" + CaseScorer.CaseId(program, inputs, 0);
            var sample = record.Sample ?? _samples.GetValueOrDefault(caseKey);
            _samples[caseKey] = Math.Max(_samples.GetValueOrDefault(caseKey), sample + 1);
            // The conversation scorer reads the reply as the adapter and the evaluator do; the prompt's example answers do not count.
            ChatMessage[] conversation = string.IsNullOrEmpty(record.Prompt) ? [] : [new ChatMessage(ChatRole.User, record.Prompt)];
            var parsed = ConversationScorer.Parse(program, conversation, record.Reply, answers);
            Results.Add(CaseScorer.ToCaseResult(program, inputs, record.Model!, sample, record.Reply!, parsed, metadata: Metadata(record, lineNumber)));
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

        private (StepProgram? Program, string? Problem) Resolve(TranscriptRecord record)
        {
            if (record.ProgramName is { } name)
            {
                if (catalog.Count == 0)
                {
                    return (null, $"'programName' {name} needs a program catalog; pass the assembly that holds it (faithful score --assembly <dll>) or give the program as C# statements");
                }

                var found = catalog.FirstOrDefault(p => p.Id == name) ?? catalog.FirstOrDefault(p => p.Name == name);
                return found is null
                    ? (null, $"no catalog program is named '{name}'; known: {string.Join(", ", catalog.Take(20).Select(p => p.Id))}")
                    : (found, null);
            }

            string? inputsError = null;
            var parameterList = record.Parameters ?? TranscriptInputs.InferParameters(record.Inputs, out inputsError);
            if (parameterList is null)
            {
                return (null, inputsError!);
            }

            var key = string.Join("\u001f", record.Program, parameterList, record.Question, record.Name);
            if (_programs.TryGetValue(key, out var cached))
            {
                return cached;
            }

            if (ProgramAnswer.Parse(record.Question!, out var questionProblem) is not { } answer)
            {
                var unreadable = ((StepProgram?)null, "'question': " + questionProblem);
                _programs[key] = unreadable;
                return unreadable;
            }

            var programName = record.Name ?? "Transcript_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
            var read = CSharpProgramReader.ReadStatements(UntypedLocals.Widen(record.Program!), parameterList, answer, options.ProgramLimits, programName, "program");
            var resolved = read.Program is { } program
                ? (program, (string?)null)
                : ((StepProgram?)null, "the program cannot be read: " + string.Join("; ", read.Problems.Select(p => p.ToString())));
            _programs[key] = resolved;
            return resolved;
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

        public void Skip(int lineNumber, string reason) => Issues.Add(new LineIssue(fileName, lineNumber, reason));

        private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
    }
}
