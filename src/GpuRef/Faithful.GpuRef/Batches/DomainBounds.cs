using Faithful.Model;

namespace Faithful.GpuRef.Batches;

/// <summary>
/// A program's declared domains as long bounds, so that checking a long input needs no decimal arithmetic;
/// double inputs go through <see cref="Domain.Contains"/> itself so the answer is the reference evaluator's.
/// </summary>
internal sealed class DomainBounds
{
    private readonly long[] _min;
    private readonly long[] _max;
    private readonly bool _any;

    private DomainBounds(long[] min, long[] max, bool any)
    {
        _min = min;
        _max = max;
        _any = any;
    }

    public static DomainBounds Of(StepProgram program)
    {
        var count = program.Parameters.Count;
        var min = new long[count];
        var max = new long[count];
        for (var i = 0; i < count; i++)
        {
            var domain = program.Parameters[i].Domain;
            min[i] = domain is null ? long.MinValue : Clamp(Math.Ceiling(domain.Min));
            max[i] = domain is null ? long.MaxValue : Clamp(Math.Floor(domain.Max));
        }

        return new DomainBounds(min, max, program.Parameters.Any(p => p.Domain is not null));
    }

    /// <summary>The first input outside its domain, or -1.</summary>
    public int FirstOutside(StepProgram program, ReadOnlySpan<long> inputBits)
    {
        if (!_any)
        {
            return -1;
        }

        for (var i = 0; i < inputBits.Length; i++)
        {
            var parameter = program.Parameters[i];
            if (parameter.Domain is null)
            {
                continue;
            }

            var inside = parameter.Kind == ValueKind.Int64
                ? inputBits[i] >= _min[i] && inputBits[i] <= _max[i]
                : parameter.Domain.Contains(new Value(ValueKind.Double, inputBits[i]));
            if (!inside)
            {
                return i;
            }
        }

        return -1;
    }

    private static long Clamp(decimal bound) =>
        bound <= long.MinValue ? long.MinValue : bound >= long.MaxValue ? long.MaxValue : (long)bound;
}
