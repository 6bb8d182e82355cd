using System.Runtime.ExceptionServices;

namespace Faithful.SourcePrograms.Limits;

/// <summary>
/// Runs compiler work on a thread with a large stack. The pre-checks keep nesting within limits Roslyn handles on an
/// ordinary thread; this is the margin behind them, because a stack overflow ends the process and every good line with it.
/// </summary>
internal static class DeepStack
{
    public const int StackBytes = 64 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
#pragma warning disable CA1031 // Rethrown on the calling thread below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "Faithful program reader",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
