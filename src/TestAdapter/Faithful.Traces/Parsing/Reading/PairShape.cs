using Faithful.Traces.Parsing.Reading.Recognisers;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// What a line's tokens allow of name-value pairs, found in one pass without reading any pair: each count or flag is a
/// necessary condition (a superset) of what <see cref="Recognisers.Pairs.At"/> and the snapshot list form accept.
/// </summary>
/// <param name="Candidates">
/// Names followed by a link (<c>=</c>, <c>:</c>, an arrow or "is") and then, past any opening parentheses, a number:
/// every pair starts at one of them.
/// </param>
/// <param name="CandidateAfterColon">Whether a candidate past the line's second token follows a colon ("State: n_0 = 2").</param>
/// <param name="BracketedNames">Whether <c>(</c> or <c>[</c> is followed by a name and then a name or a comma (<c>[n_0, n_1]</c>).</param>
internal readonly record struct PairShape(int Candidates, bool CandidateAfterColon, bool BracketedNames)
{
    public static PairShape Of(List<Token> tokens)
    {
        var candidates = 0;
        var afterColon = false;
        var bracketed = false;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Operator)
            {
                bracketed |= token.Text is "(" or "[" && tokens[i + 1].Kind == TokenKind.Name && tokens[i + 2].Kind is TokenKind.Name or TokenKind.Comma;
                continue;
            }

            if (token.Kind != TokenKind.Name)
            {
                continue;
            }

            // Pairs.At's own first two questions, asked to the end of the line instead of the sentence.
            if (Pairs.IsLink(tokens[i + 1]) && Pairs.NumberAfterParentheses(tokens, i + 2, tokens.Count) >= 0)
            {
                candidates++;
                afterColon |= i >= 2 && tokens[i - 1].Kind == TokenKind.Colon;
            }
        }

        return new PairShape(candidates, afterColon, bracketed);
    }
}
