using Faithful.Clients.Running;

namespace Faithful.Protocols;

/// <summary>
/// How a case is put to a model: one prompt and one reply (<c>single</c>), or a conversation with tool-side checks
/// between turns. A protocol turns one case into one or more results (a metamorphic run gives one per variant),
/// each named by a result label (<c>checkpointed</c>, <c>metamorphic/renamed</c>) that is part of its identity.
/// </summary>
public interface IProtocol
{
    /// <summary>The protocol's name, as <c>--protocol</c> takes it.</summary>
    string Name { get; }

    /// <summary>The protocol and its settings as text, e.g. <c>checkpointed/v1(every=5,on-error=continue)</c>; part of a run plan's fingerprint.</summary>
    string Description { get; }

    /// <summary>The labels of the results <see cref="RunAsync"/> writes for <paramref name="case"/>.</summary>
    IReadOnlyList<string> ResultLabels(FaithfulCase @case);

    /// <summary>Puts the case to the model. Request failures propagate; <see cref="ProtocolRunner"/> turns them into results with an error.</summary>
    Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken);
}
