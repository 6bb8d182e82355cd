namespace Faithful.Families;

/// <summary>
/// Which step forms a <see cref="ChainSpec"/> program may use. Every form reads both operands
/// <c>p</c> (the previous step) and <c>q</c> (the step <c>d</c> back); <c>k</c> is a small literal.
/// </summary>
[Flags]
public enum OperatorMix
{
    /// <summary><c>p + q</c>, <c>p - q</c>.</summary>
    AddSubtract = 1,

    /// <summary><c>p + q * k</c>, <c>p - q * k</c>.</summary>
    MultiplyByLiteral = 2,

    /// <summary><c>(p + q) / k</c>, <c>(p - q) / k</c>.</summary>
    DivideByLiteral = 4,

    /// <summary><c>(p + q) % k</c>, <c>(p - q) % k</c>.</summary>
    RemainderByLiteral = 8,

    /// <summary>All forms.</summary>
    Mixed = AddSubtract | MultiplyByLiteral | DivideByLiteral | RemainderByLiteral,
}

public static class OperatorMixText
{
    /// <summary>A short stable label: <c>add</c>, <c>mixed</c>, or the forms joined by <c>+</c> (<c>add+mul</c>).</summary>
    public static string Label(this OperatorMix mix)
    {
        if (mix == OperatorMix.Mixed)
        {
            return "mixed";
        }

        var parts = new List<string>();
        if (mix.HasFlag(OperatorMix.AddSubtract))
        {
            parts.Add("add");
        }

        if (mix.HasFlag(OperatorMix.MultiplyByLiteral))
        {
            parts.Add("mul");
        }

        if (mix.HasFlag(OperatorMix.DivideByLiteral))
        {
            parts.Add("div");
        }

        if (mix.HasFlag(OperatorMix.RemainderByLiteral))
        {
            parts.Add("mod");
        }

        return string.Join('+', parts);
    }

    public static bool TryParse(string text, out OperatorMix mix)
    {
        mix = 0;
        if (text == "mixed")
        {
            mix = OperatorMix.Mixed;
            return true;
        }

        foreach (var part in text.Split('+'))
        {
            switch (part)
            {
                case "add":
                    mix |= OperatorMix.AddSubtract;
                    break;
                case "mul":
                    mix |= OperatorMix.MultiplyByLiteral;
                    break;
                case "div":
                    mix |= OperatorMix.DivideByLiteral;
                    break;
                case "mod":
                    mix |= OperatorMix.RemainderByLiteral;
                    break;
                default:
                    return false;
            }
        }

        return mix != 0;
    }
}
