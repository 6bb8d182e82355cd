namespace Faithful.Traces.Scoring;

/// <summary>What the work shown before a value says about how many statements it carried out.</summary>
internal static class WorkShape
{
    /// <summary>The one operator the work's last part applies ("(-61) / 2" gives '/'), or '\0' when none or several.</summary>
    public static char Operator(string? work)
    {
        if (work is null)
        {
            return '\0';
        }

        var part = work.AsSpan();
        var equals = part.LastIndexOf('=');
        if (equals >= 0)
        {
            part = part[(equals + 1)..];
        }

        var found = '\0';
        var operandSeen = false;
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (char.IsLetterOrDigit(c) || c == ')')
            {
                operandSeen = true;
            }
            else if (c is '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' && operandSeen)
            {
                if (found != '\0')
                {
                    return '\0';
                }

                found = c;
                operandSeen = false;
            }
            else if (c is '<' or '>' && i + 1 < part.Length && part[i + 1] == c && operandSeen)
            {
                if (found != '\0')
                {
                    return '\0';
                }

                found = c;
                operandSeen = false;
                i++;
            }
            else if (c == '(')
            {
                operandSeen = false;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether <paramref name="work"/> (its last <c>=</c>-separated part, numbers only) applies more operators than one
    /// statement has (<paramref name="statementOperators"/>): a merged chain such as <c>1 - 1 - 1 - 1</c> for <c>n_0 += -1</c>.
    /// </summary>
    public static bool MergesStatements(string work, int statementOperators)
    {
        var part = work.AsSpan();
        var equals = part.LastIndexOf('=');
        if (equals >= 0)
        {
            part = part[(equals + 1)..];
        }

        var operators = 0;
        var operandSeen = false;
        foreach (var c in part)
        {
            if (char.IsLetter(c))
            {
                return false;
            }

            if (char.IsDigit(c) || c == ')')
            {
                operandSeen = true;
            }
            else if (c is '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '\u00D7')
            {
                // A minus after an operator (or first) is a sign, not an operation.
                if (operandSeen)
                {
                    operators++;
                    operandSeen = false;
                }
            }
            else if (c == '(')
            {
                operandSeen = false;
            }
        }

        return operators > Math.Max(1, statementOperators);
    }
}
