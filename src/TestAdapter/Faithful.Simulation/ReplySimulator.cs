using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation;

/// <summary>
/// Produces simulated replies: executes the program and, with the profile's length-dependent chance,
/// injects one failure mode. Deterministic: the same seed, profile, case and sample give the same reply.
/// </summary>
public sealed class ReplySimulator
{
    private static readonly FailureMode[] FailureModes =
    [
        FailureMode.ArithmeticError,
        FailureMode.MissingAnswer,
        FailureMode.PrematureAnswer,
        FailureMode.SelfCorrection,
        FailureMode.UnderExecuted,
        FailureMode.HallucinatedSteps,
        FailureMode.ReadoutError,
        FailureMode.StaleOperand,
    ];

    private static readonly ReplyStyle[] StepStyles = [ReplyStyle.Strict, ReplyStyle.NumberedWithWork, ReplyStyle.Markdown, ReplyStyle.Tagged];
    private static readonly ReplyStyle[] VariableStyles = [ReplyStyle.Variables, ReplyStyle.Variables, ReplyStyle.NumberedVariables];
    private static readonly ReplyStyle[] RealStyles = [ReplyStyle.Prose, ReplyStyle.EchoedList, ReplyStyle.Snapshots, ReplyStyle.Readout, ReplyStyle.CodeFirst];

    /// <summary>Every style for programs traced by step name (chains).</summary>
    public static IReadOnlyList<ReplyStyle> StylesForSteps { get; } = [.. StepStyles, .. RealStyles];

    /// <summary>Every style for programs traced by variable name (registers, loops).</summary>
    public static IReadOnlyList<ReplyStyle> StylesForVariables { get; } = [ReplyStyle.Variables, ReplyStyle.NumberedVariables, .. RealStyles];

    public ReplySimulator(SimulationProfile profile, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Seed = seed;
    }

    public SimulationProfile Profile { get; }

    public int Seed { get; }

    /// <summary>The reply the profile gives for this case and sample.</summary>
    public SimulatedReply Simulate(StepProgram program, IReadOnlyList<Value> inputs, int sample = 0) =>
        Simulate(program, inputs, sample, mode: null, style: null);

    /// <summary>A reply with <paramref name="mode"/> injected (when the program allows it), in a given or drawn style.</summary>
    public SimulatedReply Simulate(StepProgram program, IReadOnlyList<Value> inputs, int sample, FailureMode? mode, ReplyStyle? style)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        var truth = ReferenceEvaluator.Evaluate(program, inputs);
        if (truth.Fault is { } fault)
        {
            var text = $"These inputs make the procedure fail ({fault.Kind}), so there is no answer.\n";
            return new SimulatedReply(text, new InjectedLabel(FailureMode.MissingAnswer, "no-ground-truth", ReplyStyle.Strict, EquatableArray<StepVerdict>.Empty), ParsedTrace.Empty);
        }

        var seed = new StableHash().Add(Seed).Add(Profile.Name).Add(program.Id).Add(sample);
        foreach (var input in inputs)
        {
            seed = seed.Add(input.Bits);
        }

        var random = new Random(seed.ToSeed());
        var variableStyle = IsRegisterProgram(program);
        var styles = variableStyle ? VariableStyles : StepStyles;
        if (Profile.RealStyles)
        {
            styles = [.. styles, .. RealStyles];
        }

        var chosenStyle = style ?? styles[random.Next(styles.Length)];
        var chosenMode = mode ?? DrawMode(random, program.Steps.Count);
        var injector = new FailureInjector(truth, Profile, random, ReplyWriter.NamesVariables(chosenStyle) || (variableStyle && chosenStyle > ReplyStyle.NumberedVariables), ReplyWriter.ShowsWork(chosenStyle));
        var (written, variant) = injector.Write(chosenMode);
        var (replyText, parse) = ReplyWriter.Write(program, truth, injector.Script.Lines, chosenStyle);
        var label = new InjectedLabel(written, variant, chosenStyle, ReplyWriter.ExpectedVerdicts(truth, injector.Script.Lines));
        return new SimulatedReply(replyText, label, parse);
    }

    /// <summary>Programs that write a variable more than once (or write an input) are traced by variable name.</summary>
    public static bool IsRegisterProgram(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Steps.Any(s => s.Version > 1 || program.Parameters.Any(p => p.Name == s.Variable));
    }

    private FailureMode DrawMode(Random random, int length)
    {
        if (random.NextDouble() < Profile.CleanProbability(length))
        {
            return FailureMode.Correct;
        }

        var total = Profile.Weights.Total;
        if (total <= 0)
        {
            return FailureMode.ArithmeticError;
        }

        var pick = random.NextDouble() * total;
        foreach (var mode in FailureModes)
        {
            pick -= Profile.Weights.Of(mode);
            if (pick < 0)
            {
                return mode;
            }
        }

        return FailureMode.ArithmeticError;
    }
}
