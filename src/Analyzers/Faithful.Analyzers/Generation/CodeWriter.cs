using System.Text;

namespace Faithful.Analyzers.Generation;

/// <summary>Indented line writer for generated code; LF line endings so output is identical on every OS.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _depth;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _depth * 4).Append(text);
        }

        _builder.Append('\n');
    }

    public void Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _depth++;
    }

    public void Close(string closing = "}")
    {
        _depth--;
        Line(closing);
    }

    public void Indent() => _depth++;

    public void Outdent() => _depth--;

    public override string ToString() => _builder.ToString();
}
