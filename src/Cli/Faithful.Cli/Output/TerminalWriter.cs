using System.Text;
using Faithful.Clients.Redaction;
using Faithful.Reports.Sanitising;

namespace Faithful.Cli.Output;

/// <summary>
/// Everything the CLI prints passes here: secrets are masked (<see cref="Redactor"/>) and control characters and escape
/// sequences in model-controlled text are spelled out (<see cref="TerminalText"/>), so a model name or a reason cannot
/// write the clipboard, retitle or clear the terminal, or hide a line behind a carriage return.
/// </summary>
internal sealed class TerminalWriter(TextWriter inner, Redactor redactor) : TextWriter
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Inner.NewLine;
        set => Inner.NewLine = value;
    }

    public override void Write(char value)
    {
        if (value is '\r' or '\n')
        {
            // Line breaks the writer itself emits (NewLine, char by char) pass; model text arrives as strings.
            Inner.Write(value);
            return;
        }

        Inner.Write(TerminalText.Sanitize(value.ToString()));
    }

    public override void Write(string? value) => Inner.Write(Clean(value));

    public override void Write(char[] buffer, int index, int count)
    {
        var text = new string(buffer, index, count);
        Inner.Write(text == CoreNewLineString ? text : Clean(text));
    }

    public override void WriteLine(string? value) => Inner.WriteLine(Clean(value));

    public override Task WriteAsync(string? value) => Inner.WriteAsync(Clean(value));

    public override Task WriteLineAsync(string? value) => Inner.WriteLineAsync(Clean(value));

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync() => Inner.FlushAsync();

    private string CoreNewLineString => new(CoreNewLine);

    private string Clean(string? value) => value is null ? "" : TerminalText.Sanitize(redactor.Redact(value));
}
