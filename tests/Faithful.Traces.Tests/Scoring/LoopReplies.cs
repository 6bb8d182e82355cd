using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>Replies to the "loop" program (<see cref="Programs.Loop"/>), scored, and the steps they got right.</summary>
internal static class LoopReplies
{
    /// <summary>A faithful trace of every step, one "name = work = value" line each (ends 7 and -6, answer 1).</summary>
    public const string FullTrace = """
        n_0 = 1 + 2 = 3
        n_1 = 0 - 1 = -1
        n_1 = -1 - 1 = -2
        n_0 = 3 + 2 = 5
        n_1 = -2 - 1 = -3
        n_1 = -3 - 1 = -4
        n_0 = 5 + 2 = 7
        n_1 = -4 - 1 = -5
        n_1 = -5 - 1 = -6
        """;

    public static TraceVerdict Score(string reply)
    {
        var (program, inputs) = VerdictCaseTests.Case("loop");
        return CaseScorer.Score(program, inputs, reply);
    }

    /// <summary>The steps a claim got right, in program order.</summary>
    public static string[] CorrectSteps(TraceVerdict verdict) =>
        verdict.Steps.Where(s => s.Verdict == StepVerdict.Correct && s.Claim is not null).Select(s => s.StepName).ToArray();
}
