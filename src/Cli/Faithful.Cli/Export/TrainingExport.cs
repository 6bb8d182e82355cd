using System.Text.Json;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Export;

/// <summary>
/// Turns scored results into training records: the prompt, the model's reply with its modes, first divergence and
/// trajectory tells (the rejected side), and the faithful trace rendered from ground truth in the reply's style (the
/// chosen side). Written as <c>faithful.export/1</c> JSONL, chat messages for supervised fine-tuning, or DPO pairs.
/// </summary>
public static class TrainingExport
{
    /// <summary>The record of one result; <paramref name="truth"/> is the ground truth of the program and inputs the reply answered.</summary>
    public static ExportRecord Build(CaseResult result, Trace truth, IReadOnlyList<ChatTurn> prompt, AnswerExtraction? answers = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(prompt);
        var verdict = result.Verdict ?? throw new ArgumentException($"Result {result.CaseId} has no verdict ({result.Error}); only scored replies are exported.", nameof(result));
        var program = truth.Program;
        var parsed = TraceParser.Parse(result.Reply, program, answers);
        var protocol = ProtocolNames.Of(result);
        var inputs = new Dictionary<string, Value>(StringComparer.Ordinal);
        for (var i = 0; i < program.Parameters.Count && i < truth.Inputs.Count; i++)
        {
            inputs[program.Parameters[i].Name] = truth.Inputs[i];
        }

        return new ExportRecord(
            ExportRecord.FormatVersion,
            $"{result.Model}|{protocol}|{result.CaseId}",
            result.Model,
            protocol,
            result.ProgramId,
            result.Length,
            result.LookBackDepth,
            result.Sample,
            inputs,
            prompt,
            new ExportedReply(
                result.Reply,
                verdict.PrimaryMode.ToString(),
                verdict.Modes.Select(m => m.ToString()).ToList(),
                verdict.FirstDivergence,
                verdict.FirstAnswerCorrect,
                verdict.FinalAnswerCorrect,
                Math.Round(verdict.StepFaithfulness, 6),
                verdict.PrimaryMode == FailureMode.Correct),
            ChosenTrace.Render(truth, result.Reply, parsed),
            Tells(parsed));
    }

    /// <summary>The record as one line of <paramref name="format"/>, or null when the format has no use for it (a faithful reply has nothing to reject).</summary>
    public static string? Line(ExportRecord record, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(record);
        object? line = format switch
        {
            ExportFormat.Sft => new SftRecord([.. record.Prompt, new ChatTurn("assistant", record.Chosen.Text)]),
            ExportFormat.Dpo when !record.Reply.Faithful => new DpoRecord(record.Prompt, [new ChatTurn("assistant", record.Chosen.Text)], [new ChatTurn("assistant", record.Reply.Text)]),
            ExportFormat.Dpo => null,
            _ => record,
        };
        return line is null ? null : JsonSerializer.Serialize(line, line.GetType(), FaithfulJson.Options);
    }

    /// <summary>Where the first answer fell among the step claims, answer changes and restarts.</summary>
    public static TrajectoryTells Tells(ParsedTrace parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var claims = parsed.Claims;
        var first = parsed.FirstAnswer;
        var before = first is null ? claims.Count : claims.Count(c => c.Line < first.Line);
        var position = (first, claims.Count) switch
        {
            (null, _) => "none",
            (_, 0) => "no-trace",
            _ when before == 0 => "before-trace",
            _ when before < claims.Count => "inside-trace",
            _ => "after-trace",
        };
        var values = parsed.Answers.Where(a => a.Value is not null).Select(a => a.Value!.Value.Text).ToList();
        var switches = values.Zip(values.Skip(1)).Count(p => !string.Equals(p.First, p.Second, StringComparison.Ordinal));
        return new TrajectoryTells(
            position,
            before,
            first is null || claims.Count == 0 ? null : Math.Round((double)before / claims.Count, 6),
            parsed.Answers.Count,
            switches,
            Math.Max(0, parsed.Attempts - 1));
    }

    /// <summary>The single-turn prompt a result answered, from its conversation when it kept one; null for a multi-turn conversation.</summary>
    public static IReadOnlyList<ChatTurn>? PromptOf(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Evidence is not { Turns.Count: > 0 } evidence)
        {
            return null;
        }

        var assistants = evidence.Turns.Count(t => t.Role == "assistant");
        if (assistants != 1 || evidence.Turns[^1].Role != "assistant")
        {
            return null;
        }

        return evidence.Turns.Take(evidence.Turns.Count - 1).Select(t => new ChatTurn(t.Role, t.Text)).ToList();
    }

    /// <summary>Why a result has no single prompt and trace reply to export (a multi-turn conversation, a plan), or null.</summary>
    public static string? NotExportable(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Verdict is null)
        {
            return "no verdict";
        }

        if (result.Evidence?.Plan is not null)
        {
            return "a plan, not a trace";
        }

        return result.Evidence is { } evidence && evidence.Turns.Count(t => t.Role == "assistant") > 1 ? "a multi-turn conversation" : null;
    }
}
