using System.Globalization;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;

namespace Faithful.Traces.Tests.Simulation;

/// <summary>The built-in profiles, measured through the whole pipeline (simulate, parse, align, classify, score).</summary>
public sealed class StudyCurveTests
{
    private const int CasesPerLength = 1500;

    [Fact]
    public void Study_profile_follows_the_studys_first_answer_accuracy_curve()
    {
        var at5 = FirstAnswerAccuracy(SimulationProfile.Study, 5);
        var at95 = FirstAnswerAccuracy(SimulationProfile.Study, 95);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first-answer accuracy: 5 steps {at5}, 95 steps {at95}"));
        // The study: about 61% at 5 steps and about 20% at 95; the Wilson interval of 1,500 cases is about ±2.5 points.
        Assert.InRange(at5.Rate, 0.61 - 0.05, 0.61 + 0.05);
        Assert.InRange(at95.Rate, 0.20 - 0.05, 0.20 + 0.05);
    }

    [Fact]
    public void Perfect_profile_is_always_right_and_a_regressed_profile_is_measurably_worse()
    {
        var perfect = FirstAnswerAccuracy(SimulationProfile.Perfect, 35, cases: 200);
        var study = FirstAnswerAccuracy(SimulationProfile.Study, 35, cases: 800);
        var regressed = FirstAnswerAccuracy(SimulationProfile.Study.Regressed(1.0), 35, cases: 800);

        Assert.Equal(1.0, perfect.Rate);
        Assert.True(regressed.Ci95.High < study.Ci95.Low, $"regressed {regressed} is not clearly below study {study}");
    }

    private static Proportion FirstAnswerAccuracy(SimulationProfile profile, int length, int cases = CasesPerLength)
    {
        var programs = Enumerable.Range(1, 5).Select(d => new ChainSpec(length, d, ProgramSeed: (ulong)d).Generate()).ToArray();
        var simulator = new ReplySimulator(profile, seed: 77);
        var results = new CaseResult[cases];
        Parallel.For(0, cases, i =>
        {
            var program = programs[i % programs.Length];
            var inputs = InputSampler.Sample(program, (ulong)(i / programs.Length)).Inputs;
            var reply = simulator.Simulate(program, inputs, i).Text;
            results[i] = CaseScorer.ToCaseResult(program, inputs, "sim:" + profile.Name, i, reply);
        });
        return Scores.Summarize(results, $"length={length}").FirstAnswerAccuracy;
    }
}
