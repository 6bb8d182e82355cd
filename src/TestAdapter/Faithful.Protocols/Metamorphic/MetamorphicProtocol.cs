using System.Collections.Concurrent;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Protocols.Metamorphic;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>metamorphic</c>: equivalent variants of each case (<see cref="ProgramVariants"/>: original, renamed, reordered,
/// shifted, another naming scheme) asked side by side, each as one prompt of the instrument's template, one result per
/// variant (<c>metamorphic/renamed</c>) under the case's identity. The report gives consistency across variants and
/// whether failures follow the program's structure (variants of a case fail together) or surface novelty (renamed
/// variants fail more than the original).
/// </summary>
public sealed class MetamorphicProtocol(ProtocolSettings settings) : IProtocol
{
    private readonly ProtocolSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    private readonly ConcurrentDictionary<(string, EquatableArray<Value>), IReadOnlyList<ProgramVariant>> _variants = new();

    public string Name => ProtocolNames.Metamorphic;

    public string Description => $"{Name}/v1({string.Join("+", _settings.Variants)})";

    public IReadOnlyList<string> ResultLabels(FaithfulCase @case) => Variants(@case).Select(v => Label(v.Name)).ToList();

    public async Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcomes = new List<ProtocolOutcome>();
        foreach (var variant in Variants(context.Case))
        {
            var truth = variant.Name == ProgramVariants.Original ? context.Truth : ReferenceEvaluator.Evaluate(variant.Program, variant.Inputs);
            var conversation = context.Open(variant.Program, variant.Inputs);
            var messages = context.Instrument.Render(variant.Program, variant.Inputs);
            foreach (var message in messages.Take(messages.Count - 1))
            {
                conversation.System(message.Text);
            }

            var turn = new ProtocolTurn(Name, TurnTask.Execute, 0, 0, variant.Program.Steps.Count, true)
            {
                Variant = new VariantOf(variant.Name, context.Program.Id, context.Case.Inputs),
            };
            var reply = await conversation.AskAsync(messages[^1].Text, turn, cancellationToken).ConfigureAwait(false);
            var evidence = new ProtocolEvidence(conversation.Turns)
            {
                Variant = new VariantEvidence(variant.Name, context.Program.Id, context.Case.Inputs, variant.Description, variant.Program.Id),
            };
            outcomes.Add(new ProtocolOutcome(Label(variant.Name), reply, context.Instrument.Score(truth, conversation.LastSent, reply), evidence)
            {
                Inputs = variant.Inputs,
                Tokens = conversation.Tokens,
                Metadata = conversation.LastMetadata,
            });
        }

        return outcomes;
    }

    private static string Label(string variant) => $"{ProtocolNames.Metamorphic}/{variant}";

    private IReadOnlyList<ProgramVariant> Variants(FaithfulCase @case) => _variants.GetOrAdd(
        (@case.Program.Id, @case.Inputs),
        _ => _settings.Variants.Select(v => ProgramVariants.Create(@case.Program, @case.Inputs, v)).OfType<ProgramVariant>().ToList());
}
