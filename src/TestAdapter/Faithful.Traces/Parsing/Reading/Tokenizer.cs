namespace Faithful.Traces.Parsing.Reading;

/// <summary>Splits a normalized line into tokens in one left-to-right pass.</summary>
internal static class Tokenizer
{
    // Tokens are read into a list reused on each thread, then copied into one of exactly their number.
    [ThreadStatic]
    private static List<Token>? Scratch;

    public static List<Token> Tokenize(string text, NameRules names)
    {
        var tokens = Scratch ??= new List<Token>(64);
        tokens.Clear();
        _ = Read(text, names, tokens);
        return new List<Token>(tokens);
    }

    /// <summary>
    /// Tokenizes into <paramref name="tokens"/> (cleared first), a list the caller reuses; <paramref name="tags"/> is the
    /// union of the identifiers' <see cref="WordTags"/>.
    /// </summary>
    public static List<Token> TokenizeInto(string text, NameRules names, List<Token> tokens, out WordTags tags)
    {
        tokens.Clear();
        tags = Read(text, names, tokens);
        return tokens;
    }

    private static WordTags Read(string text, NameRules names, List<Token> tokens)
    {
        var tags = WordTags.None;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var kind = c < 128 ? (CharKind)AsciiKinds[c] : ClassOf(c);
            switch (kind)
            {
                case CharKind.Space:
                    i++;
                    continue;
                case CharKind.Letter when !(c is 'x' or 'X' && IsTimesSign(text, i, tokens)):
                    i = ReadIdentifier(text, i, names, tokens, ref tags);
                    continue;
                case CharKind.Letter:
                    // The x of "3x3".
                    tokens.Add(new Token(TokenKind.Operator, i, i + 1, "*"));
                    i++;
                    continue;
                case CharKind.Digit:
                    var number = ReadNumber(text, i, signed: false, tokens);
                    if (number > i)
                    {
                        i = number;
                        continue;
                    }

                    break;
            }

            if (c is '-' or '+' && i + 1 < text.Length && NumberReader.IsDigit(text[i + 1]) && MinusIsSign(tokens))
            {
                var end = ReadNumber(text, i, signed: true, tokens);
                if (end > i)
                {
                    i = end;
                    continue;
                }
            }

            i = ReadSymbol(text, i, tokens);
        }

        return tags;
    }

    private enum CharKind : byte
    {
        Symbol,
        Space,
        Letter,
        Digit,
    }

    // What each ASCII character starts, from ClassOf, which the other characters still go through: one lookup each.
    private static readonly byte[] AsciiKinds = [.. Enumerable.Range(0, 128).Select(c => (byte)ClassOf((char)c))];

    private static CharKind ClassOf(char c) =>
        char.IsWhiteSpace(c) ? CharKind.Space
        : NumberReader.IsDigit(c) ? CharKind.Digit
        : char.IsLetter(c) || c == '_' ? CharKind.Letter
        : CharKind.Symbol;

    private static bool ContinuesIdentifier(char c) =>
        c < 128 ? (CharKind)AsciiKinds[c] is CharKind.Letter or CharKind.Digit : char.IsLetterOrDigit(c);

    // "3x3 = 9": an x between two numbers is a times sign, not a name x3 ("0x3" stays a hex literal's start).
    private static bool IsTimesSign(string text, int i, List<Token> tokens) =>
        i + 1 < text.Length && NumberReader.IsDigit(text[i + 1]) && tokens.Count > 0
        && tokens[^1] is { Kind: TokenKind.Number, Text: not "0" } before && before.End == i;

    // A number at i (a sign first when signed); returns the index past it, or i when no number is there.
    private static int ReadNumber(string text, int i, bool signed, List<Token> tokens)
    {
        var negative = signed && text[i] == '-';
        if ((!signed || negative) && NumberReader.TryReadShared(text, i, negative, out var sharedEnd) is { } shared)
        {
            tokens.Add(new Token(TokenKind.Number, i, sharedEnd, shared.Value.Text, shared));
            return sharedEnd;
        }

        var end = NumberReader.TryRead(text, i, allowSign: signed, out var number);
        if (end <= i)
        {
            return i;
        }

        tokens.Add(new Token(TokenKind.Number, i, end, SameText(text, i, end, number.Text) ? number.Text : text[i..end], NumberReader.Box(number)));
        return end;
    }

    private static int ReadIdentifier(string text, int i, NameRules names, List<Token> tokens, ref WordTags tags)
    {
        var end = i + 1;
        while (end < text.Length && ContinuesIdentifier(text[end]))
        {
            end++;
        }

        // SSA spelling a3#2, as reports print versions.
        if (end + 1 < text.Length && text[end] == '#' && NumberReader.IsDigit(text[end + 1]))
        {
            end += 2;
            while (end < text.Length && NumberReader.IsDigit(text[end]))
            {
                end++;
            }
        }

        var (word, name, wordTags, lists) = names.ResolveToken(text.AsSpan(i, end - i));
        tags |= wordTags;
        tokens.Add(name is null
            ? new Token(TokenKind.Word, i, end, word, lists: lists)
            : new Token(TokenKind.Name, i, end, name, lists: lists));
        return end;
    }

    // A minus is a sign at the start, after an operator or an assignment; after an operand it subtracts.
    private static bool MinusIsSign(List<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            return true;
        }

        var previous = tokens[^1];
        return previous.Kind switch
        {
            TokenKind.Number or TokenKind.Name => false,
            TokenKind.Operator => previous.Text != ")" && previous.Text != "]",
            _ => true,
        };
    }

    private static int ReadSymbol(string text, int i, List<Token> tokens)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (c < 128 && next is not ('-' or '>' or '=' or '<' or '+'))
        {
            // No two- or three-character symbol goes on with any other character: one lookup for most symbols.
            tokens.Add(new Token((TokenKind)SingleKinds[c], i, i + 1, AsciiSymbols[c]));
            return i + 1;
        }

        var third = i + 2 < text.Length ? text[i + 2] : '\0';

        switch (c)
        {
            case '-' when next == '-' && third == '>':
                return Add(tokens, TokenKind.Arrow, text, i, 3);
            case '-' when next == '>':
                return Add(tokens, TokenKind.Arrow, text, i, 2);
            case '=' when next == '>':
                return Add(tokens, TokenKind.Arrow, text, i, 2);
            case '=' when next == '=':
                return Add(tokens, TokenKind.Operator, text, i, 2);
            case ':' when next == '=':
                return Add(tokens, TokenKind.Assign, text, i, 2);
            case '<' when next == '<' && third == '=':
            case '>' when next == '>' && third == '=':
                return Add(tokens, TokenKind.CompoundAssign, text, i, 3);
            case '<' when next == '<':
            case '>' when next == '>':
            case '<' when next == '=':
            case '>' when next == '=':
            case '!' when next == '=':
                return Add(tokens, TokenKind.Operator, text, i, 2);
            case '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' when next == '=':
                return Add(tokens, TokenKind.CompoundAssign, text, i, 2);
            case '+' when next == '+':
            case '-' when next == '-' && AdjacentToName(tokens, text, i):
                return Add(tokens, TokenKind.IncrementOrDecrement, text, i, 2);
            default:
                return Add(tokens, SingleKind(c), text, i, 1);
        }
    }

    private static bool AdjacentToName(List<Token> tokens, string text, int i) =>
        (tokens.Count > 0 && tokens[^1].Kind == TokenKind.Name && tokens[^1].End == i)
        || (i + 2 < text.Length && char.IsLetter(text[i + 2]));

    private static int Add(List<Token> tokens, TokenKind kind, string text, int start, int length)
    {
        tokens.Add(new Token(kind, start, start + length, SymbolText(text, start, length)));
        return start + length;
    }

    // A number written plainly ("42", "-7") reads as its own text: share that string instead of copying it again.
    private static bool SameText(string text, int start, int end, string read) =>
        read.Length == end - start && text.AsSpan(start, end - start).SequenceEqual(read);

    // The kind of each ASCII character read as a symbol of its own (SingleKind, looked up once per character).
    private static readonly byte[] SingleKinds = [.. Enumerable.Range(0, 128).Select(c => (byte)SingleKind((char)c))];

    // The kind of a character that starts no longer symbol where it stands.
    private static TokenKind SingleKind(char c) => c switch
    {
        '=' => TokenKind.Assign,
        ':' => TokenKind.Colon,
        ',' => TokenKind.Comma,
        ';' => TokenKind.Semicolon,
        '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '~' or '(' or ')' or '[' or ']' or '<' or '>' => TokenKind.Operator,

        // "2n^4 ± 1": a plus-or-minus joins two operands like any other operator, so what follows it is no lone value.
        '\u00b1' => TokenKind.Operator,
        _ => TokenKind.Other,
    };

    // Symbols are a few fixed strings: one shared instance each instead of a new string per token.
    private static readonly string[] AsciiSymbols = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private static string SymbolText(string text, int start, int length)
    {
        var symbol = text.AsSpan(start, length);
        if (length == 1 && symbol[0] < 128)
        {
            return AsciiSymbols[symbol[0]];
        }

        return symbol switch
        {
            "->" => "->",
            "=>" => "=>",
            "-->" => "-->",
            "==" => "==",
            ":=" => ":=",
            "<<" => "<<",
            ">>" => ">>",
            "<=" => "<=",
            ">=" => ">=",
            "!=" => "!=",
            "<<=" => "<<=",
            ">>=" => ">>=",
            "+=" => "+=",
            "-=" => "-=",
            "*=" => "*=",
            "/=" => "/=",
            "%=" => "%=",
            "&=" => "&=",
            "|=" => "|=",
            "^=" => "^=",
            "++" => "++",
            "--" => "--",
            _ => symbol.ToString(),
        };
    }
}
