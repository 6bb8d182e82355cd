using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Support;

/// <summary>Hand-built results with known verdicts, so report and gate tests do not depend on the scorer.</summary>
internal static class SyntheticResults
{
    public static CaseResult Make(
        string model,
        string program,
        int length,
        int sample,
        FailureMode mode,
        bool firstAnswerCorrect,
        int correctSteps,
        string reply = "s1 = 1",
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var steps = Enumerable.Range(0, length).Select(i => new StepAlignment(
            i,
            $"s{i + 1}",
            Value.FromInt64(i * 10),
            i < correctSteps ? new ParsedClaim(i + 1, 0, $"s{i + 1}", null, ParsedValue.FromInt64(i * 10), null, $"s{i + 1} = {i * 10}") : null,
            i < correctSteps ? StepVerdict.Correct : StepVerdict.Missing)).ToEquatableArray();
        var verdict = new TraceVerdict(
            steps,
            EquatableArray<ParsedClaim>.Empty,
            correctSteps < length ? correctSteps : null,
            mode,
            new[] { mode }.ToEquatableArray(),
            new[] { new Evidence(mode, $"synthetic {mode}", new[] { 1 }.ToEquatableArray(), new[] { 0 }.ToEquatableArray()) }.ToEquatableArray(),
            firstAnswerCorrect,
            firstAnswerCorrect,
            length == 0 ? 1 : (double)correctSteps / length,
            length == 0 ? 1 : (double)correctSteps / length);
        var inputs = new[] { Value.FromInt64(sample), Value.FromInt64(-3) }.ToEquatableArray();
        return new CaseResult($"{program}({sample},-3)#0", program, length, 2, model, 0, inputs, reply, verdict, Metadata: metadata);
    }

    /// <summary>A run where accuracy falls with length: at length L, case i is right when i &lt; right(L).</summary>
    public static List<CaseResult> Curve(string model, int casesPerLength, Func<int, int> rightAt, params int[] lengths)
    {
        var results = new List<CaseResult>();
        foreach (var length in lengths)
        {
            for (var i = 0; i < casesPerLength; i++)
            {
                var right = i < rightAt(length);
                results.Add(Make(
                    model,
                    $"Gen.L{length}",
                    length,
                    i,
                    right ? FailureMode.Correct : (i % 2 == 0 ? FailureMode.ArithmeticError : FailureMode.PrematureAnswer),
                    right,
                    right ? length : length / 2));
            }
        }

        return results;
    }
}
