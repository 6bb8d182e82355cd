namespace Faithful.Traces.Parsing.Reading;

/// <summary>The value of integer arithmetic written as tokens: "1+1+1", "-2 * 3 - (-1)".</summary>
internal static class ArithmeticTokens
{
    /// <summary>
    /// "n_0 becomes 0 (0*-1)", "s1 = 5 (2 + 3)": one operation in parentheses right after the value at
    /// <paramref name="valueAt"/> when it works out to that value, or null. A value that stays the same is then still a
    /// step shown, not a restatement (gpt4/complexity-cot/570, holdout23).
    /// </summary>
    public static string? WorkInParenthesesAfter(string text, List<Token> tokens, int valueAt, int to, ParsedValue value)
    {
        if (value.Int64 is not { } expected || valueAt + 4 >= to || !tokens[valueAt + 1].IsOperator("("))
        {
            return null;
        }

        var close = valueAt + 2;
        while (close < to && tokens[close].Kind is TokenKind.Number or TokenKind.Operator && !tokens[close].IsOperator(")") && !tokens[close].IsOperator("("))
        {
            close++;
        }

        // One operation, as one step shows its work ("(0+1+1+1)" after a loop's end value sums the loop up instead).
        return close < to && tokens[close].IsOperator(")") && close - (valueAt + 2) == 3
            && TryEvaluate(tokens, valueAt + 2, close, out var worked) && worked == expected
            ? TokenText.Slice(text, tokens, valueAt + 2, close)
            : null;
    }

    /// <summary>
    /// Evaluates tokens [from, to) as a sum of products of integers (+, -, *; a parenthesis around a single number), or
    /// false for anything else, a division, or an overflow.
    /// </summary>
    public static bool TryEvaluate(List<Token> tokens, int from, int to, out long value) => TryEvaluate(tokens, from, to, powers: false, out value);

    /// <summary>
    /// As above; with <paramref name="powers"/>, "3^2" after an operand raises it ("2*3^2" is 18), as replies write powers.
    /// </summary>
    public static bool TryEvaluate(List<Token> tokens, int from, int to, bool powers, out long value)
    {
        value = 0;
        long sum = 0, product = 1;
        var sign = 1L;
        var expectOperand = true;
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (expectOperand)
            {
                if (token.IsOperator("(") && i + 2 < to && tokens[i + 1].Kind == TokenKind.Number && tokens[i + 2].IsOperator(")"))
                {
                    token = tokens[++i];
                    i++;
                }

                if (token.Kind != TokenKind.Number || token.Number.Int64 is not { } operand)
                {
                    return false;
                }

                if (powers && i + 2 < to && tokens[i + 1].IsOperator("^") && tokens[i + 2] is { Kind: TokenKind.Number } exponent)
                {
                    if (!TryPower(operand, exponent.Number.Int64, out operand))
                    {
                        return false;
                    }

                    i += 2;
                }

                try
                {
                    product = checked(product * operand);
                }
                catch (OverflowException)
                {
                    return false;
                }

                expectOperand = false;
                continue;
            }

            if (token.IsOperator("*"))
            {
                expectOperand = true;
                continue;
            }

            if (!token.IsOperator("+") && !token.IsOperator("-"))
            {
                return false;
            }

            if (!TryAdd(ref sum, sign, product))
            {
                return false;
            }

            (sign, product, expectOperand) = (token.IsOperator("-") ? -1 : 1, 1, true);
        }

        if (expectOperand || !TryAdd(ref sum, sign, product))
        {
            return false;
        }

        value = sum;
        return true;
    }

    private static bool TryPower(long value, long? exponent, out long result)
    {
        result = 1;
        if (exponent is not { } times || times < 0 || times > 64)
        {
            return false;
        }

        try
        {
            for (var k = 0; k < times; k++)
            {
                result = checked(result * value);
            }

            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryAdd(ref long sum, long sign, long product)
    {
        try
        {
            sum = checked(sum + (sign * product));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
