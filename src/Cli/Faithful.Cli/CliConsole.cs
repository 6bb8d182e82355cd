namespace Faithful.Cli;

/// <summary>Where a command writes: the process console, or writers a test supplies.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Whether live progress may redraw the terminal: a TTY, not CI, not redirected.</summary>
    public bool Interactive =>
        ReferenceEquals(Out, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"));
}
