using System.Globalization;
using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>How <see cref="InputSampler"/> draws inputs.</summary>
public sealed record SamplerOptions
{
    public static SamplerOptions Default { get; } = new();

    /// <summary>Draws per case before giving up.</summary>
    public int MaxAttempts { get; init; } = 1000;

    /// <summary>The range used for a parameter that declares no <see cref="Domain"/>.</summary>
    public Domain FallbackDomain { get; init; } = new(-100, 100);

    /// <summary>Double inputs are drawn as multiples of this step (1/4 by default, so values stay exact and short).</summary>
    public double DoubleStep { get; init; } = 0.25;
}

/// <summary>A sampled case: inputs within the declared domains and their fault-free ground truth.</summary>
public sealed record SampledCase(EquatableArray<Value> Inputs, Trace Trace, int Attempts);

/// <summary>No fault-free inputs were found within the attempt budget.</summary>
public sealed class InputSamplingException : InvalidOperationException
{
    public InputSamplingException()
    {
    }

    public InputSamplingException(string message)
        : base(message)
    {
    }

    public InputSamplingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Draws inputs uniformly within each parameter's <see cref="Domain"/> (doubles on a grid of <see cref="SamplerOptions.DoubleStep"/>),
/// runs the <see cref="ReferenceEvaluator"/>, and draws again when the run faults, up to <see cref="SamplerOptions.MaxAttempts"/>.
/// The same program, seed and options give the same inputs everywhere.
/// </summary>
public static class InputSampler
{
    /// <exception cref="InputSamplingException">Every attempt faulted; the message names the program, the seed and the last fault.</exception>
    /// <exception cref="ArgumentException">A domain is empty or cannot be sampled.</exception>
    public static SampledCase Sample(StepProgram program, ulong seed, SamplerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= SamplerOptions.Default;
        var random = new SplitMix64(SplitMix64.Derive(seed, 0x5A3D1E));
        Fault? lastFault = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var inputs = program.Parameters.Select(p => Draw(program, p, options, ref random)).ToArray();
            var trace = ReferenceEvaluator.Evaluate(program, inputs);
            if (trace.Fault is null)
            {
                return new SampledCase(inputs.ToEquatableArray(), trace, attempt);
            }

            lastFault = trace.Fault;
        }

        throw new InputSamplingException(string.Create(
            CultureInfo.InvariantCulture,
            $"Could not sample fault-free inputs for program {program.Id} with seed {seed}: all {options.MaxAttempts} draws faulted; the last one: {lastFault?.Message}. Narrow the parameters' [Domain] ranges so that the faulting step cannot fault, or guard that step."));
    }

    /// <summary><paramref name="count"/> cases with seeds derived from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<SampledCase> SampleMany(StepProgram program, int count, ulong seed, SamplerOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var cases = new SampledCase[count];
        for (var i = 0; i < count; i++)
        {
            cases[i] = Sample(program, SplitMix64.Derive(seed, i), options);
        }

        return cases;
    }

    private static Value Draw(StepProgram program, Parameter parameter, SamplerOptions options, ref SplitMix64 random)
    {
        var domain = parameter.Domain ?? options.FallbackDomain;
        if (domain.Min > domain.Max)
        {
            throw new ArgumentException($"Program {program.Id}: parameter {parameter.Name} has an empty domain {domain}; declare [Domain(min, max)] with min <= max.");
        }

        if (parameter.Kind == ValueKind.Int64)
        {
            var min = decimal.Ceiling(Clamp(domain.Min));
            var max = decimal.Floor(Clamp(domain.Max));
            if (min > max)
            {
                throw new ArgumentException($"Program {program.Id}: parameter {parameter.Name}'s domain {domain} holds no integer.");
            }

            return Value.FromInt64(random.NextInt64((long)min, (long)max));
        }

        if (!(options.DoubleStep > 0) || !double.IsFinite(options.DoubleStep))
        {
            throw new ArgumentException($"SamplerOptions.DoubleStep must be a positive number; got {options.DoubleStep}.", nameof(options));
        }

        var step = (decimal)options.DoubleStep;
        if (Math.Abs(domain.Min) < GridLimit && Math.Abs(domain.Max) < GridLimit)
        {
            var low = decimal.Ceiling(domain.Min / step);
            var high = decimal.Floor(domain.Max / step);
            if (low <= high)
            {
                return Value.FromDouble((double)(random.NextInt64((long)low, (long)high) * step));
            }
        }

        // No grid point inside the domain (narrower than a step): draw uniformly.
        var unit = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
        return Value.FromDouble((double)domain.Min + (unit * (double)(domain.Max - domain.Min)));
    }

    // Past this magnitude a grid of steps would overflow; such domains are drawn uniformly.
    private const decimal GridLimit = 1e15m;

    private static decimal Clamp(decimal value) => Math.Clamp(value, long.MinValue, long.MaxValue);
}
