using Faithful.Model;

namespace Faithful.SourcePrograms.Limits;

/// <summary>
/// The first program read in a process also loads and JIT-compiles Roslyn, which on a loaded machine can take longer
/// than a whole read's budget. That one-time cost is paid here, before any budget's clock starts.
/// </summary>
internal static class ReaderWarmUp
{
    private static readonly Lazy<bool> Done = new(() =>
    {
        var parameters = new[] { new Parameter("a0", ValueKind.Int64) };
        DeepStack.Run(() => new StatementBody("a0 += 1;\nvar s = a0 * 2;", parameters, ProgramAnswer.Of("s"), "WarmUp", "warm-up", ProgramReadLimits.Default).Read(CancellationToken.None));
        return true;
    });

    public static void Ensure() => _ = Done.Value;
}
