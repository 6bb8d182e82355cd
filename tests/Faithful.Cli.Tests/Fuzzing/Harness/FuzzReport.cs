using System.Globalization;

namespace Faithful.Fuzzing;

/// <summary>What one fuzzing run of one target found.</summary>
/// <param name="Crashes">Inputs that threw, broke an invariant or ran past the budget (the run stops at the first and CsCheck shrinks it).</param>
public sealed record FuzzReport(string Target, long Inputs, int Crashes, TimeSpan Elapsed, TimeSpan SlowestInput, TimeSpan P99Input, string? Failure, IReadOnlyList<string> CrashFiles)
{
    public double InputsPerSecond => Inputs / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Target,-12} {Inputs,10:N0} inputs  {Crashes} crashes  {Elapsed.TotalSeconds,8:0.0} s  {InputsPerSecond,9:N0}/s  slowest {SlowestInput.TotalMilliseconds,8:0.0} ms  p99 ≤ {P99Input.TotalMilliseconds,7:0.00} ms");
}
