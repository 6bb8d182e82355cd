using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.SourcePrograms;
using Faithful.Traces.Conversations;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Transcripts;

/// <summary>
/// Scores transcripts written by other tools: each JSONL line names a program (C# statements or a catalog program),
/// inputs and a reply; the reply is parsed, aligned and classified against ground truth exactly as in a Faithful run.
/// A line that cannot be scored is reported with its line number and skipped; the others are not affected.
/// </summary>
public static class TranscriptScorer
{
    /// <summary>Longest line read; longer lines are reported, not parsed.</summary>
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
    public static TranscriptImport ScoreFile(string path, IReadOnlyList<StepProgram>? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Score(reader, Path.GetFileName(path), catalog);
    }

    /// <summary>Scores transcript lines read from <paramref name="reader"/>; <paramref name="fileName"/> names them in issues.</summary>
    public static TranscriptImport Score(TextReader reader, string fileName, IReadOnlyList<StepProgram>? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        var session = new Session(fileName, catalog ?? []);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            session.ScoreLine(line, lineNumber);
        }

        return new TranscriptImport(session.Results, session.Issues, lineNumber);
    }

    private sealed class Session(string fileName, IReadOnlyList<StepProgram> catalog)
    {
        private readonly Dictionary<string, (StepProgram? Program, string? Problem)> _programs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _samples = new(StringComparer.Ordinal);

        public List<CaseResult> Results { get; } = [];

        public List<LineIssue> Issues { get; } = [];

        public void ScoreLine(string line, int lineNumber)
        {
            if (line.Length > MaxLineChars)
            {
                Skip(lineNumber, $"the line is {line.Length} characters long; at most {MaxLineChars} are read");
                return;
            }

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

            if (Inputs(record, program, out var inputError) is not { } inputs)
            {
                Skip(lineNumber, inputError!);
                return;
            }

            var truth = ReferenceEvaluator.Evaluate(program, inputs);
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

            var parameterList = record.Parameters ?? InferParameters(record.Inputs);
            if (parameterList is null)
            {
                return (null, "'inputs' must be an object of numbers by parameter name (e.g. {\"a0\": 3, \"a1\": -7}) unless 'parameters' lists them");
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
            var read = CSharpProgramReader.ReadStatements(UntypedLocals.Widen(record.Program!), parameterList, answer, programName, "program");
            var resolved = read.Program is { } program
                ? (program, (string?)null)
                : ((StepProgram?)null, "the program cannot be read: " + string.Join("; ", read.Problems.Select(p => p.ToString())));
            _programs[key] = resolved;
            return resolved;
        }

        private static string? InferParameters(JsonElement inputs)
        {
            if (inputs.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var parameters = new List<string>();
            foreach (var property in inputs.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number)
                {
                    return null;
                }

                var kind = property.Value.TryGetInt64(out _) ? "long" : "double";
                parameters.Add($"{kind} {property.Name}");
            }

            return string.Join(", ", parameters);
        }

        private static Value[]? Inputs(TranscriptRecord record, StepProgram program, out string? error)
        {
            error = null;
            var values = new Value[program.Parameters.Count];
            var element = record.Inputs;
            for (var i = 0; i < program.Parameters.Count; i++)
            {
                var parameter = program.Parameters[i];
                JsonElement value;
                if (element.ValueKind == JsonValueKind.Object)
                {
                    if (!element.TryGetProperty(parameter.Name, out value))
                    {
                        error = $"'inputs' has no value for parameter '{parameter.Name}' (the program takes {string.Join(", ", program.Parameters.Select(p => p.Name))})";
                        return null;
                    }
                }
                else if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() == program.Parameters.Count)
                {
                    value = element[i];
                }
                else
                {
                    error = $"'inputs' must be an object by parameter name or an array of {program.Parameters.Count} numbers";
                    return null;
                }

                if (ToValue(value, parameter.Kind) is not { } converted)
                {
                    error = $"input '{parameter.Name}' = {Shorten(value.GetRawText())} is not a {parameter.Kind.ToCSharpKeyword()}";
                    return null;
                }

                values[i] = converted;
            }

            if (element.ValueKind == JsonValueKind.Object && element.EnumerateObject().Count() != program.Parameters.Count)
            {
                error = $"'inputs' names values the program does not take (it takes {string.Join(", ", program.Parameters.Select(p => p.Name))})";
                return null;
            }

            return values;
        }

        private static Value? ToValue(JsonElement value, ValueKind kind)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            if (kind == ValueKind.Int64)
            {
                return value.TryGetInt64(out var whole) ? Value.FromInt64(whole) : null;
            }

            return value.TryGetDouble(out var real) && double.IsFinite(real) ? Value.FromDouble(real) : null;
        }

        private static Dictionary<string, string> Metadata(TranscriptRecord record, int lineNumber)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["transcript.line"] = lineNumber.ToString(CultureInfo.InvariantCulture),
            };
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

        private void Skip(int lineNumber, string reason) => Issues.Add(new LineIssue(fileName, lineNumber, reason));

        private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
    }
}
