using System.Globalization;
using System.Text.Json;
using Faithful.Reports.RunFiles;

namespace Faithful.Reports.Agreement;

/// <summary>Reads <c>faithful.labels/1</c> files (docs/labels.md). A bad line is reported as an issue and skipped.</summary>
public static class LabelsFile
{
    /// <summary>Longest line read; a label line is a few hundred characters.</summary>
    public const int MaxLineChars = 64 * 1024;

    /// <summary>Reads every label in the file; a later line for an id already read is reported and ignored.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static LabelSet Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static LabelSet Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var labels = new Dictionary<string, HumanLabel>(StringComparer.Ordinal);
        var issues = new List<LineIssue>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > MaxLineChars)
            {
                issues.Add(new LineIssue(fileName, lineNumber, $"the line is {line.Length} characters long; a label line holds at most {MaxLineChars}"));
                continue;
            }

            if (Parse(line, out var problem) is not { } label)
            {
                issues.Add(new LineIssue(fileName, lineNumber, problem!));
            }
            else if (!labels.TryAdd(label.Id, label))
            {
                issues.Add(new LineIssue(fileName, lineNumber, $"id '{label.Id}' is labelled twice; the first label is kept"));
            }
        }

        return new LabelSet(labels, issues);
    }

    /// <summary>Whether the first non-empty line of a file is a label (not a run-file line).</summary>
    public static bool LooksLikeLabels(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        var buffer = new char[MaxLineChars];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var text = new string(buffer, 0, read).TrimStart();
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        try
        {
            using var document = JsonDocument.Parse(first);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("labels", out _)
                && !root.TryGetProperty("caseId", out _)
                && !root.TryGetProperty("format", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static HumanLabel? Parse(string line, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object; each line is one label object (docs/labels.md)";
                return null;
            }

            if (String(root, "id") is not { Length: > 0 } id)
            {
                problem = "'id' is missing; name the transcript line the label is for";
                return null;
            }

            if (!root.TryGetProperty("labels", out var labelArray) || labelArray.ValueKind != JsonValueKind.Array || labelArray.GetArrayLength() == 0)
            {
                problem = $"'labels' of '{id}' must be a non-empty array of label names ({string.Join(", ", LabelNames.All)})";
                return null;
            }

            var labels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in labelArray.EnumerateArray())
            {
                var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                if (!LabelNames.IsKnown(name))
                {
                    problem = $"'{Shorten(name)}' in '{id}' is not a label; use one of {string.Join(", ", LabelNames.All)}";
                    return null;
                }

                labels.Add(name);
            }

            if (labels.Contains(LabelNames.Correct) && labels.Count > 1)
            {
                problem = $"'{id}' is labelled correct together with failure labels; correct stands alone";
                return null;
            }

            var answers = new List<double>();
            if (root.TryGetProperty("answers", out var answerArray) && answerArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in answerArray.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number)
                    {
                        problem = $"'answers' of '{id}' must hold numbers only";
                        return null;
                    }

                    answers.Add(item.GetDouble());
                }
            }

            var firstRight = Bool(root, "first_answer_right");
            var lastRight = Bool(root, "last_answer_right");
            var rfwr = Bool(root, "right_for_wrong_reasons")
                ?? (firstRight == true && labels.Overlaps(LabelNames.ProcessFaults));
            return new HumanLabel(
                id,
                labels,
                answers,
                firstRight,
                lastRight,
                Int(root, "steps_executed") ?? 0,
                Int(root, "steps_total") ?? 0,
                Int(root, "first_divergence"),
                rfwr,
                String(root, "confidence") ?? "high",
                String(root, "evidence") ?? "",
                String(root, "labeller") ?? "");
        }
        catch (JsonException e)
        {
            problem = "not valid JSON (" + Shorten(e.Message) + "); each line is one label object (docs/labels.md)";
            return null;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120].ToString(CultureInfo.InvariantCulture) + "…";
}

/// <summary>The labels read from a file, by id, and the lines that could not be read.</summary>
public sealed record LabelSet(IReadOnlyDictionary<string, HumanLabel> ById, IReadOnlyList<LineIssue> Issues);
