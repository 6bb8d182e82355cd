using Faithful.Cli.Output;

namespace Faithful.Cli;

/// <summary>
/// Where a command writes: the process console, or writers a test supplies. Both are wrapped so that secrets are
/// masked and terminal control sequences in model text are shown, not obeyed.
/// </summary>
public sealed class CliConsole
{
    private readonly bool _isProcessConsole;

    public CliConsole(TextWriter output, TextWriter error)
        : this(output, error, isProcessConsole: false)
    {
    }

    private CliConsole(TextWriter output, TextWriter error, bool isProcessConsole)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = new TerminalWriter(output, OutputRedaction.Current);
        Error = new TerminalWriter(error, OutputRedaction.Current);
        _isProcessConsole = isProcessConsole;
    }

    public static CliConsole System { get; } = new(Console.Out, Console.Error, isProcessConsole: true);

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Whether live progress may redraw the terminal: a TTY, not CI, not redirected.</summary>
    public bool Interactive =>
        _isProcessConsole
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"));
}
