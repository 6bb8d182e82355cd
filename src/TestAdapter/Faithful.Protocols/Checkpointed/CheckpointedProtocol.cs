using System.Globalization;
using System.Text;
using Faithful.Clients.Running;
using Faithful.Protocols.Prompts;
using Faithful.Protocols.Turns;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>checkpointed</c>: the model sees the whole procedure and executes <see cref="ProtocolSettings.Every"/> steps per
/// turn; after each turn the tool checks the stated values against ground truth and, when one is wrong or missing,
/// tells the model the true values and goes on from them (or, with <see cref="CheckpointFailure.Stop"/>, ends the case).
/// The finding it tests: intermediate-state checking lifts long-trace success (32% to 87% in the literature). The
/// evidence says how far the model got unaided (before the first failed check) and how often it was corrected.
/// </summary>
public sealed class CheckpointedProtocol(ProtocolSettings settings) : IProtocol
{
    public const string PromptVersion = "v1";

    private readonly ProtocolSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    public string Name => ProtocolNames.Checkpointed;

    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Name}/{PromptVersion}(every={_settings.Every},on-error={OnErrorText})");

    private string OnErrorText => _settings.OnError == CheckpointFailure.Stop ? "stop" : "continue";

    public IReadOnlyList<string> ResultLabels(FaithfulCase @case) => [Name];

    public async Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var program = context.Program;
        var length = program.Steps.Count;
        var every = _settings.Every;
        var conversation = context.Open();
        var trace = new AssembledTrace(program);
        var checkpoints = new List<Checkpoint>();
        var feedback = "";
        var unaided = length;
        var stopped = false;
        for (int from = 0, turn = 0; from < length || turn == 0; from += every, turn++)
        {
            var to = Math.Min(length, from + every);
            var last = to >= length;
            var user = turn == 0 ? FirstTurn(context, to, last) : feedback + NextTurn(from, to, last);
            var reply = await conversation.AskAsync(user, new ProtocolTurn(Name, TurnTask.Execute, turn, from, to, last), cancellationToken).ConfigureAwait(false);
            trace.Take(reply, from, to);
            if (last)
            {
                trace.TakeAnswer(reply);
            }

            var checkpoint = Check(context, trace, turn, from, to);
            checkpoints.Add(checkpoint);
            if (checkpoint.Passed)
            {
                feedback = string.Create(CultureInfo.InvariantCulture, $"Checkpoint after step {to}: all values are correct.\n\n");
                continue;
            }

            unaided = Math.Min(unaided, checkpoint.WrongSteps.Concat(checkpoint.MissingSteps).Min());
            if (_settings.OnError == CheckpointFailure.Stop && !last)
            {
                stopped = true;
                break;
            }

            feedback = Correction(context, checkpoint, to);
        }

        var evidence = new ProtocolEvidence(conversation.Turns)
        {
            Checkpoints = new CheckpointEvidence(every, OnErrorText, checkpoints, unaided, checkpoints.Count(c => !c.Passed), stopped),
        };
        return [new ProtocolOutcome(Name, conversation.Transcript(), trace.Score(context.Truth), evidence) { Tokens = conversation.Tokens, Metadata = conversation.LastMetadata }];
    }

    private string FirstTurn(ProtocolContext context, int to, bool last)
    {
        var intro = ProtocolPrompts.Procedure("Execute the following procedure by hand, exactly as written, one step at a time, in order.", context.Program, context.Case.Inputs);
        var plan = string.Create(
            CultureInfo.InvariantCulture,
            $"We will go in stretches of {_settings.Every} steps. After each stretch I check your values and give you the correct ones if any is wrong; continue from the values I give you.");
        return $"{intro}\n\n{plan}\n\n{Instruction(0, to, last)}";
    }

    private static string NextTurn(int from, int to, bool last) => Instruction(from, to, last);

    private static string Instruction(int from, int to, bool last) => last
        ? $"Execute {ProtocolPrompts.Range(from, to)} now. {ProtocolPrompts.LineFormat} Then write the final answer on its own line:\n{ProtocolPrompts.AnswerLine}"
        : $"Execute {ProtocolPrompts.Range(from, to)} now. {ProtocolPrompts.LineFormat} Then stop; I will check them.";

    private static Checkpoint Check(ProtocolContext context, AssembledTrace trace, int turn, int from, int to)
    {
        var wrong = new List<int>();
        var missing = new List<int>();
        for (var step = from; step < to; step++)
        {
            if (trace.ValueOf(step) is not { } claimed)
            {
                missing.Add(step);
            }
            else if (claimed != context.Truth.StepValues[step])
            {
                wrong.Add(step);
            }
        }

        return new Checkpoint(turn, from, to, wrong, missing);
    }

    private static string Correction(ProtocolContext context, Checkpoint checkpoint, int to)
    {
        var program = context.Program;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Checkpoint after step {to}: some values are wrong or missing. The correct values are:\n"));
        foreach (var step in checkpoint.WrongSteps.Concat(checkpoint.MissingSteps).Order())
        {
            var s = program.Steps[step];
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{s.Variable} = {context.Truth.StepValues[step]} (step {s.Number})\n"));
        }

        return text.Append("Continue from these values.\n\n").ToString();
    }
}
