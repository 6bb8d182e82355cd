namespace Faithful.GpuRef.Batches;

/// <summary>What <see cref="TraceBatch.Add(Faithful.Model.StepProgram, IReadOnlyList{Faithful.Model.Value})"/> does with an input outside its declared domain.</summary>
public enum OutOfDomainPolicy
{
    /// <summary>Reject the pair with an <see cref="ArgumentOutOfRangeException"/> naming program, input, value and domain.</summary>
    Throw,

    /// <summary>Keep the pair, skip its evaluation, and report it as an <c>InputOutOfDomain</c> fault as the reference evaluator does.</summary>
    Fault,
}
