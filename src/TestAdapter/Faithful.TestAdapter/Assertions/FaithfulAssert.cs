using System.Globalization;
using System.Text;
using Faithful.Clients.Running;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Xunit;

namespace Faithful.Testing;

/// <summary>
/// Assertions on scored results. A case that was not run (spent budget) is skipped, not failed; a case whose request
/// failed fails with the error. Failure messages show the rule applied, the aligned trace table and the evidence.
/// </summary>
public static class FaithfulAssert
{
    /// <summary>Most failing samples described in one message.</summary>
    public const int MaxDescribed = 3;

    /// <summary>Step faithfulness (share of steps correct) is at least <paramref name="atLeast"/>.</summary>
    public static void Faithfulness(CaseResult result, double atLeast) =>
        Faithfulness([result], atLeast, SamplingRule.All);

    /// <summary>Over repeated samples: each sample passes when its step faithfulness is at least <paramref name="atLeast"/>; <paramref name="rule"/> decides.</summary>
    public static void Faithfulness(IReadOnlyList<CaseResult> samples, double atLeast, SamplingRule rule) =>
        Check(samples, rule, v => v.StepFaithfulness >= atLeast, string.Create(CultureInfo.InvariantCulture, $"step faithfulness >= {atLeast:0.###}"));

    /// <summary>The reply shows no sign of <paramref name="mode"/> (among all modes found, not only the primary one).</summary>
    public static void NoFailureMode(CaseResult result, FailureMode mode) => NoFailureMode([result], mode, SamplingRule.All);

    public static void NoFailureMode(IReadOnlyList<CaseResult> samples, FailureMode mode, SamplingRule rule) =>
        Check(samples, rule, v => !v.Modes.Contains(mode), $"no {mode}");

    /// <summary>The share of results whose first final answer is right is at least <paramref name="atLeast"/>.</summary>
    public static void FirstAnswerAccuracy(IReadOnlyList<CaseResult> results, double atLeast)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scored = Scored(results);
        var right = scored.Count(r => r.Verdict!.FirstAnswerCorrect);
        var accuracy = (double)right / scored.Count;
        if (accuracy >= atLeast)
        {
            return;
        }

        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"First-answer accuracy {accuracy:0.###} ({right} of {scored.Count}) is below {atLeast:0.###}.\n");
        AppendFailures(message, scored.Where(r => !r.Verdict!.FirstAnswerCorrect).ToList());
        throw new FaithfulAssertException(message.ToString());
    }

    public static void FirstAnswerAccuracy(CaseResult result, double atLeast) => FirstAnswerAccuracy([result], atLeast);

    private static void Check(IReadOnlyList<CaseResult> samples, SamplingRule rule, Func<TraceVerdict, bool> passes, string criterion)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rule);
        var scored = Scored(samples);
        var failing = scored.Where(r => !passes(r.Verdict!)).ToList();
        var passed = scored.Count - failing.Count;
        if (rule.Holds(scored.Count, passed))
        {
            return;
        }

        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Expected {criterion} under rule {rule.Name}: {passed} of {scored.Count} sample(s) passed (statistic {rule.Statistic(scored.Count, passed):0.###}).\n");
        AppendFailures(message, failing);
        throw new FaithfulAssertException(message.ToString());
    }

    private static List<CaseResult> Scored(IReadOnlyList<CaseResult> results)
    {
        if (results.Count == 0)
        {
            throw new FaithfulAssertException("No results to assert on: run at least one case.");
        }

        var notRun = results.Where(r => r.Verdict is null && r.Error?.StartsWith(CaseRunner.NotRunPrefix, StringComparison.Ordinal) == true).ToList();
        var failed = results.Where(r => r.Verdict is null && !notRun.Contains(r)).ToList();
        if (failed.Count > 0)
        {
            throw new FaithfulAssertException($"{failed.Count} request(s) produced no reply to score:\n" + string.Join("\n", failed.Take(MaxDescribed).Select(r => $"- {r.CaseId}: {r.Error}")));
        }

        var scored = results.Where(r => r.Verdict is not null).ToList();
        if (SkipReason(results) is { } reason)
        {
            // Dynamic skip (xUnit v3): a spent budget is not a failure of the model.
            Assert.Skip(reason);
        }

        return scored;
    }

    /// <summary>Why an assertion over <paramref name="results"/> is skipped: none was scored and some were not run; else null.</summary>
    public static string? SkipReason(IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Any(r => r.Verdict is not null))
        {
            return null;
        }

        var notRun = results.FirstOrDefault(r => r.Error?.StartsWith(CaseRunner.NotRunPrefix, StringComparison.Ordinal) == true);
        return notRun is null ? null : $"Not run: {notRun.Error![CaseRunner.NotRunPrefix.Length..]}";
    }

    private static void AppendFailures(StringBuilder message, List<CaseResult> failing)
    {
        foreach (var result in failing.Take(MaxDescribed))
        {
            message.Append('\n').Append(TraceTable.Describe(result));
        }

        if (failing.Count > MaxDescribed)
        {
            message.Append(CultureInfo.InvariantCulture, $"\n… and {failing.Count - MaxDescribed} more failing sample(s).\n");
        }
    }
}
