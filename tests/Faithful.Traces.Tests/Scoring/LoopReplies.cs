using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>Replies to the "loop" program (<see cref="Programs.Loop"/>), scored, and the steps they got right.</summary>
internal static class LoopReplies
{
    public static TraceVerdict Score(string reply)
    {
        var (program, inputs) = VerdictCaseTests.Case("loop");
        return CaseScorer.Score(program, inputs, reply);
    }

    /// <summary>The steps a claim got right, in program order.</summary>
    public static string[] CorrectSteps(TraceVerdict verdict) =>
        verdict.Steps.Where(s => s.Verdict == StepVerdict.Correct && s.Claim is not null).Select(s => s.StepName).ToArray();
}
