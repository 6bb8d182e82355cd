using Faithful.Execution;
using Faithful.Model;

namespace Faithful.TestAdapter.Cases;

/// <summary>
/// Draws inputs for a program from its declared domains (or <see cref="DefaultDomain"/>), deterministically from a seed
/// and the program's id, and skips draws on which the program faults (division by zero, overflow), so every case has a trace.
/// </summary>
public static class InputSampler
{
    /// <summary>Range used for inputs without a <c>[Domain]</c>: small enough for a model to compute by hand.</summary>
    public static readonly Domain DefaultDomain = new(-50, 50);

    public const int MaxAttemptsPerInput = 1000;

    public static IReadOnlyList<EquatableArray<Value>> Sample(StepProgram program, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(program);
        var random = new Random(unchecked(seed * 31 + StableHash(program.Id)));
        var result = new List<EquatableArray<Value>>(count);
        var seen = new HashSet<EquatableArray<Value>>();
        var attempts = 0;
        while (result.Count < count)
        {
            if (++attempts > MaxAttemptsPerInput * Math.Max(1, count))
            {
                throw new InvalidOperationException(
                    $"Could not find {count} fault-free inputs for {program.Id} in {attempts - 1} draws (found {result.Count}). " +
                    "Narrow the parameters' [Domain(min, max)] so that no step divides by zero or overflows.");
            }

            var inputs = program.Parameters.Select(p => Draw(random, p)).ToEquatableArray();
            if (ReferenceEvaluator.Evaluate(program, inputs).Fault is null && seen.Add(inputs))
            {
                result.Add(inputs);
            }
        }

        return result;
    }

    private static Value Draw(Random random, Parameter parameter)
    {
        var domain = parameter.Domain ?? DefaultDomain;
        var min = (long)Math.Max(domain.Min, long.MinValue / 2);
        var max = (long)Math.Min(domain.Max, long.MaxValue / 2);

        // Sampled inputs only have to be reproducible, not unpredictable.
#pragma warning disable CA5394
        var drawn = random.NextInt64(min, max + 1);
#pragma warning restore CA5394
        return parameter.Kind == ValueKind.Int64 ? Value.FromInt64(drawn) : Value.FromDouble(drawn);
    }

    // string.GetHashCode is randomized per process; cases must be the same in every run.
    private static int StableHash(string text)
    {
        var hash = unchecked((int)2166136261);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }
}
