namespace Faithful.Reports.Sanitising;

/// <summary>
/// Text for a terminal or CI log: escape sequences (ESC, CSI, OSC such as <c>ESC ]52</c> clipboard writes, title
/// changes, clear screen), bare carriage returns that overwrite a line, other C0/C1 controls and bidi overrides are
/// spelled out, so the reader sees them and the terminal does not act on them.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> safe to print; line feeds and tabs are kept.</summary>
    public static string Sanitize(string? text) => ControlCharacters.Spelled(text ?? "");
}
