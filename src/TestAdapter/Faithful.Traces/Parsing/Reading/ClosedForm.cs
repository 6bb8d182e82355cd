namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// A value given as a closed form in the input the prompt asks about ("`n_0` will be equal to `n`", "will be `2n`",
/// "will be equal to (-1)^n", "n + 1"): integer arithmetic (+, -, *, ^ or **, parentheses, a number written against
/// the input) over numbers and that one input, evaluated with the asked value. A reader substitutes it, as the
/// labellers do: such a sentence states the loop's end value for the asked input.
/// </summary>
internal static class ClosedForm
{
    /// <summary>The value and the index after the expression.</summary>
    public readonly record struct Found(long Value, int End);

    /// <summary>
    /// The closed form at tokens [from, end), or null when it is not one: it must name the input, hold nothing but
    /// arithmetic, and end the clause (what follows, if anything, is a word or punctuation, not more arithmetic).
    /// </summary>
    public static Found? Read(List<Token> tokens, int from, int end, string input, long value)
    {
        var parser = new Parser(tokens, end, input, value) { At = from };
        if (parser.Expression() is not { } result || parser.At == from || !parser.NamedInput)
        {
            return null;
        }

        // "n + 1 times": the closed form must end the clause, not feed a count or more arithmetic.
        if (parser.At < end && (tokens[parser.At].Kind is TokenKind.Number or TokenKind.Operator || tokens[parser.At].IsWord("times")))
        {
            return null;
        }

        return new Found(result, parser.At);
    }

    /// <summary>
    /// Drops each closed-form claim whose name the reply claims again later: "`n_0` will be `-2n`" and then "`n_0` will be
    /// `-2*3 = -6`" state one shortcut, and a closed form before a walk describes the loop the walk then runs. Only a
    /// closed form nothing later restates stands for the loop's end.
    /// </summary>
    public static void DropSuperseded(List<ReadEvent> events)
    {
        if (!events.Exists(e => e.Kind == ReadEventKind.Claim && e.Claim.ClosedForm))
        {
            return;
        }

        var claimedLater = new HashSet<string>(StringComparer.Ordinal);
        for (var k = events.Count - 1; k >= 0; k--)
        {
            var e = events[k];
            if (e.Kind != ReadEventKind.Claim || e.Claim.Name is not { } name)
            {
                continue;
            }

            if (e.Claim.ClosedForm && claimedLater.Contains(name))
            {
                events.RemoveAt(k);
                continue;
            }

            claimedLater.Add(name);
        }
    }

    private sealed class Parser(List<Token> tokens, int end, string input, long value)
    {
        public int At;

        public bool NamedInput;

        // expression := term (('+' | '-') term)*
        public long? Expression()
        {
            if (Term() is not { } sum)
            {
                return null;
            }

            while (At < end && (tokens[At].IsOperator("+") || tokens[At].IsOperator("-")))
            {
                var minus = tokens[At].IsOperator("-");
                At++;
                if (Term() is not { } next)
                {
                    return null;
                }

                try
                {
                    sum = checked(minus ? sum - next : sum + next);
                }
                catch (OverflowException)
                {
                    return null;
                }
            }

            return sum;
        }

        // term := power (('*' power) | power written against it, "2n")*
        private long? Term()
        {
            if (Power() is not { } product)
            {
                return null;
            }

            while (At < end)
            {
                var explicitTimes = tokens[At].IsOperator("*") && !(At + 1 < end && tokens[At + 1].IsOperator("*"));
                var against = IsInput(tokens[At]) && tokens[At - 1].End == tokens[At].Start && tokens[At - 1].Kind == TokenKind.Number;
                if (!explicitTimes && !against)
                {
                    break;
                }

                At += explicitTimes ? 1 : 0;
                if (Power() is not { } factor)
                {
                    return null;
                }

                try
                {
                    product = checked(product * factor);
                }
                catch (OverflowException)
                {
                    return null;
                }
            }

            return product;
        }

        // power := unary (('^' | '**') unary)?
        private long? Power()
        {
            if (Unary() is not { } @base)
            {
                return null;
            }

            var caret = At < end && tokens[At].IsOperator("^");
            var stars = At + 1 < end && tokens[At].IsOperator("*") && tokens[At + 1].IsOperator("*");
            if (!caret && !stars)
            {
                return @base;
            }

            At += caret ? 1 : 2;
            if (Unary() is not { } exponent || exponent is < 0 or > 62)
            {
                return null;
            }

            long result = 1;
            try
            {
                for (var k = 0; k < exponent; k++)
                {
                    result = checked(result * @base);
                }
            }
            catch (OverflowException)
            {
                return null;
            }

            return result;
        }

        // unary := '-' unary | number | input | '(' expression ')'
        private long? Unary()
        {
            if (At >= end)
            {
                return null;
            }

            var token = tokens[At];
            if (token.IsOperator("-"))
            {
                At++;
                return Unary() is { } negated && negated != long.MinValue ? -negated : null;
            }

            if (token.IsOperator("("))
            {
                At++;
                var inner = Expression();
                if (inner is null || At >= end || !tokens[At].IsOperator(")"))
                {
                    return null;
                }

                At++;
                return inner;
            }

            if (token.Kind == TokenKind.Number)
            {
                At++;
                return token.Number.Int64;
            }

            if (IsInput(token))
            {
                At++;
                NamedInput = true;
                return value;
            }

            return null;
        }

        private bool IsInput(Token token) => token.Kind is TokenKind.Word or TokenKind.Name && token.Text == input;
    }
}
