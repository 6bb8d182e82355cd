namespace Faithful.Traces.Parsing.Reading;

internal enum TokenKind
{
    /// <summary>An identifier that may name a step or variable (<c>s3</c>, <c>a3</c>, a known name).</summary>
    Name,

    /// <summary>Any other word (prose).</summary>
    Word,
    Number,

    /// <summary>An arithmetic, bitwise or comparison operator, or a parenthesis.</summary>
    Operator,

    /// <summary><c>=</c> or <c>:=</c>.</summary>
    Assign,
    Colon,

    /// <summary><c>-&gt;</c> or <c>=&gt;</c> (unicode arrows are normalized to <c>-&gt;</c>).</summary>
    Arrow,

    /// <summary><c>+=</c>, <c>-=</c>, <c>&lt;&lt;=</c>, ...</summary>
    CompoundAssign,

    /// <summary><c>++</c> or <c>--</c> next to a name.</summary>
    IncrementOrDecrement,
    Comma,
    Semicolon,
    Other,
}

/// <summary>One token of a normalized line; <see cref="Start"/>/<see cref="End"/> index the normalized text.</summary>
/// <remarks>
/// Kept to 32 bytes: recognisers read tokens out of a list by value many times per line, and a number's value is wanted
/// only for number tokens, so it is held by reference (<see cref="NumberBox"/>).
/// </remarks>
internal readonly struct Token(TokenKind kind, int start, int end, string text, NumberBox? number = null, WordLists lists = WordLists.None)
{
    public TokenKind Kind { get; } = kind;

    public int Start { get; } = start;

    public int End { get; } = end;

    public string Text { get; } = text;

    private readonly NumberBox? _number = number;

    /// <summary>The <see cref="Lexicon"/> lists an identifier's text is in (none for numbers and symbols).</summary>
    public WordLists Lists { get; } = lists;

    /// <summary>Whether this identifier's text is in one of <paramref name="lists"/>: <c>Lexicon.X.Contains(Text)</c> without hashing it.</summary>
    public bool In(WordLists lists) => (Lists & lists) != 0;

    /// <summary>The number a <see cref="TokenKind.Number"/> token reads as; default for other tokens.</summary>
    public ParsedValue Number => _number is null ? default : _number.Value;

    public bool IsOperator(string symbol) => Kind == TokenKind.Operator && Text == symbol;

    public bool IsWord(string word) => Kind is TokenKind.Word or TokenKind.Name && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>An operator that joins two operands (not a parenthesis or <c>~</c>).</summary>
    public bool IsBinaryOperator => Kind == TokenKind.Operator && Text is not ("(" or ")" or "[" or "]" or "~");
}

/// <summary>A number token's value, shared by every token of the same small integer.</summary>
internal sealed class NumberBox(ParsedValue value)
{
    public ParsedValue Value { get; } = value;
}
