using System.Globalization;
using System.Text;

namespace Faithful.Analyzers.Baselines;

/// <summary>
/// A small JSON reader for baseline files: analyzers cannot carry System.Text.Json into every compiler host.
/// Objects become dictionaries, arrays lists, numbers doubles. Returns null with a message instead of throwing.
/// </summary>
internal sealed class TinyJson
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;

    private TinyJson(string text)
    {
        _text = text;
    }

    public static object? Parse(string text, out string? error)
    {
        var reader = new TinyJson(text);
        try
        {
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position != text.Length)
            {
                throw new FormatException("unexpected text after the JSON value");
            }

            error = null;
            return value;
        }
        catch (FormatException e)
        {
            error = e.Message + " at line " + reader.Line();
            return null;
        }
    }

    private int Line()
    {
        var line = 1;
        for (var i = 0; i < _position && i < _text.Length; i++)
        {
            line += _text[i] == '\n' ? 1 : 0;
        }

        return line;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private char Peek()
    {
        SkipWhitespace();
        return _position < _text.Length ? _text[_position] : throw new FormatException("unexpected end of file");
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new FormatException("expected '" + c + "'");
        }

        _position++;
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("nested too deeply");
        }

        switch (Peek())
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString();
            case 't':
                return ReadWord("true", true);
            case 'f':
                return ReadWord("false", false);
            case 'n':
                return ReadWord("null", null);
            default:
                return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        Expect('{');
        if (Peek() == '}')
        {
            _position++;
            return result;
        }

        while (true)
        {
            var key = ReadString();
            Expect(':');
            result[key] = ReadValue(depth + 1);
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect('}');
            return result;
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var result = new List<object?>();
        Expect('[');
        if (Peek() == ']')
        {
            _position++;
            return result;
        }

        while (true)
        {
            result.Add(ReadValue(depth + 1));
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            Expect(']');
            return result;
        }
    }

    private string ReadString()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default: builder.Append(escape); break;
            }
        }

        throw new FormatException("unterminated string");
    }

    private object? ReadWord(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw new FormatException("unexpected character '" + _text[_position] + "'");
        }

        _position += word.Length;
        return value;
    }

    private double ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        if (_position == start || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException("unexpected character '" + (start < _text.Length ? _text[start] : ' ') + "'");
        }

        return number;
    }
}
