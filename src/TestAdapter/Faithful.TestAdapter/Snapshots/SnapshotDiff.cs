using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Faithful.Testing;

/// <summary>What kind of change a snapshot mismatch is, from least to most serious.</summary>
public enum SnapshotChangeKind
{
    /// <summary>Same text.</summary>
    Identical,

    /// <summary>Only the reply's wording changed: every claimed value, verdict and score is the same.</summary>
    ReplyWordingOnly,

    /// <summary>Claimed values changed but every verdict is the same (e.g. one wrong value became another).</summary>
    ClaimsChanged,

    /// <summary>Step verdicts, failure modes or scores changed: the model's behavior changed.</summary>
    VerdictsChanged,
}

/// <summary>The outcome of comparing a verified snapshot with a received one.</summary>
public sealed record SnapshotComparison(SnapshotChangeKind Kind, IReadOnlyList<string> Changes, string LineDiff)
{
    public string Summary => Kind switch
    {
        SnapshotChangeKind.Identical => "identical",
        SnapshotChangeKind.ReplyWordingOnly => "reply wording changed; claimed values and verdicts are unchanged",
        SnapshotChangeKind.ClaimsChanged => "claimed values changed; verdicts are unchanged",
        _ => "verdicts changed",
    };
}

/// <summary>
/// A step-aligned structural diff of two snapshots: step rows are matched by step name, so a reworded reply is told
/// apart from a change in what the model claimed and from a change in verdicts; a plain line diff comes with it.
/// </summary>
public static class SnapshotDiff
{
    /// <summary>Header keys whose change means a change of verdict.</summary>
    private static readonly string[] VerdictKeys = ["mode", "modes", "first answer", "final answer", "step faithfulness", "completeness", "first divergence", "error"];

    public static SnapshotComparison Compare(string verified, string received)
    {
        ArgumentNullException.ThrowIfNull(verified);
        ArgumentNullException.ThrowIfNull(received);
        verified = verified.ReplaceLineEndings("\n");
        received = received.ReplaceLineEndings("\n");
        if (verified == received)
        {
            return new SnapshotComparison(SnapshotChangeKind.Identical, [], "");
        }

        var before = Parse(verified);
        var after = Parse(received);
        var changes = new List<string>();
        var kind = SnapshotChangeKind.ReplyWordingOnly;

        foreach (var key in VerdictKeys)
        {
            before.Header.TryGetValue(key, out var was);
            after.Header.TryGetValue(key, out var now);
            if (was != now)
            {
                changes.Add($"{key}: {was ?? "(none)"} → {now ?? "(none)"}");
                kind = SnapshotChangeKind.VerdictsChanged;
            }
        }

        foreach (var name in before.Steps.Keys.Union(after.Steps.Keys))
        {
            var was = before.Steps.GetValueOrDefault(name);
            var now = after.Steps.GetValueOrDefault(name);
            if (was is null || now is null)
            {
                changes.Add($"step {name}: {(was is null ? "added" : "removed")}");
                kind = SnapshotChangeKind.VerdictsChanged;
            }
            else if (was.Verdict != now.Verdict)
            {
                changes.Add($"step {name}: {was.Verdict} → {now.Verdict} (claimed {was.Claimed} → {now.Claimed})");
                kind = SnapshotChangeKind.VerdictsChanged;
            }
            else if (was.Claimed != now.Claimed || was.Expected != now.Expected)
            {
                changes.Add($"step {name}: claimed {was.Claimed} → {now.Claimed}, still {now.Verdict}");
                if (kind < SnapshotChangeKind.ClaimsChanged)
                {
                    kind = SnapshotChangeKind.ClaimsChanged;
                }
            }
        }

        var otherHeader = before.Header.Keys.Union(after.Header.Keys)
            .Where(k => !VerdictKeys.Contains(k) && before.Header.GetValueOrDefault(k) != after.Header.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.Header.GetValueOrDefault(k) ?? "(none)"} → {after.Header.GetValueOrDefault(k) ?? "(none)"}");
        changes.AddRange(otherHeader);
        if (before.Reply != after.Reply)
        {
            changes.Add("reply text changed");
        }

        return new SnapshotComparison(kind, changes, LineDiff(verified, received));
    }

    /// <summary>A unified-style diff: changed lines with two lines of context, <c>-</c> verified, <c>+</c> received.</summary>
    public static string LineDiff(string verified, string received)
    {
        var model = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var text = new StringBuilder();
        var skipped = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
            {
                skipped = true;
                continue;
            }

            if (skipped)
            {
                text.Append("  ...\n");
                skipped = false;
            }

            var prefix = lines[i].Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            text.Append(prefix).Append(lines[i].Text).Append('\n');
        }

        return text.ToString();
    }

    private sealed record StepRow(string Expected, string Claimed, string Verdict);

    private sealed record Parsed(Dictionary<string, string> Header, Dictionary<string, StepRow> Steps, string Reply);

    private static Parsed Parse(string text)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var steps = new Dictionary<string, StepRow>(StringComparer.Ordinal);
        var reply = new StringBuilder();
        var section = "";
        var rowIndex = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal) && section != SnapshotRenderer.ReplyHeading)
            {
                section = line.Trim();
                rowIndex = 0;
                continue;
            }

            switch (section)
            {
                case "":
                    var colon = line.IndexOf(": ", StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        header[line[..colon]] = line[(colon + 2)..];
                    }

                    break;
                case SnapshotRenderer.StepsHeading when line.StartsWith('|'):
                    // Row 0 is the header, row 1 the rule.
                    if (rowIndex++ >= 2)
                    {
                        var cells = SplitRow(line);
                        if (cells.Count >= 4)
                        {
                            var name = cells[0];
                            var unique = name;
                            for (var n = 2; steps.ContainsKey(unique); n++)
                            {
                                unique = $"{name}~{n}";
                            }

                            steps[unique] = new StepRow(cells[1], cells[2], cells[3]);
                        }
                    }

                    break;
                case SnapshotRenderer.ReplyHeading:
                    reply.Append(line).Append('\n');
                    break;
            }
        }

        return new Parsed(header, steps, reply.ToString());
    }

    private static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(line[i]);
            }
        }

        return cells;
    }
}
