using System.Text;
using Faithful.Protocols.Dependence;
using Faithful.Protocols.Turns;
using Faithful.Traces.Parsing;
using Faithful.Traces.Rendering;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>filler</c> (Lanham et al.'s "filler tokens"): the model's own trace is replaced by neutral filler of the same
/// length (each line by as many dots) and it must answer at once. Accuracy with filler against accuracy with its real
/// trace shows whether the content of the trace, or only the room to think, carried the answer.
/// </summary>
public sealed class FillerProtocol(ProtocolSettings settings) : DependenceProtocol(settings, null, minShown: 0)
{
    public override string Name => ProtocolNames.Filler;

    /// <summary>Each line of <paramref name="trace"/> as dots of the same length (line breaks kept).</summary>
    public static string Filler(string trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var text = new StringBuilder(trace.Length);
        foreach (var c in trace)
        {
            text.Append(c is '\n' or '\r' ? c : '.');
        }

        return text.ToString();
    }

    private protected override async Task<ProtocolOutcome> ProbeAsync(ProtocolContext context, OwnReply own, DependenceProbe probe, PrefixPlacement placement, CancellationToken cancellationToken)
    {
        var program = context.Program;
        var length = program.Steps.Count;
        var filler = Filler(TraceCut.After(program, own.Text, own.Parsed, length).Prefix.TrimEnd());
        var turn = new ProtocolTurn(probe.Label, TurnTask.Execute, 1, 0, 0, true);
        var asked = await AskWithWorkAsync(context, placement, filler, DependencePrompts.WorkSoFar, DependencePrompts.AnswerNow(filler.Length > 0), true, turn, cancellationToken).ConfigureAwait(false);

        var answer = TraceParser.Parse(asked.Text, program).FirstAnswer?.Value;
        var trace = new AssembledTrace(program);
        trace.TakeAnswer(asked.Text);
        var dependence = own.Evidence(0, asked.Placement, null) with
        {
            Answer = answer is { } a ? DependenceValues.Of(a, program.ResultKind) : null,
            AnswerRight = answer is { } given && given.Matches(context.Truth.Answer!.Value),
            FillerChars = filler.Length,
            AnswerKept = TruncateProtocol.Kept(own, answer),
        };
        return Outcome(probe, own, asked, trace.Score(context.Truth), dependence);
    }
}
