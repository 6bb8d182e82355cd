using System.Globalization;
using System.Text;

namespace Faithful.Fuzzing;

/// <summary>
/// Program text as transcripts of other tools might hold it, and as an attacker would write it: well-formed statement
/// lists, near misses, token soup, and the pathological shapes (deep nesting, long flat chains, many statements).
/// </summary>
public static class ProgramTexts
{
    public static readonly string[] Registers = ["a0", "a1", "a2", "a3"];

    private static readonly string[] Numbers =
    [
        "0", "1", "-1", "2", "7", "42", "1000", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1e309", "1.5", "-0.0", "0x7FFF", "0b1010", "1_000", "3L", "2.5d", "1e-320", "double.NaN", "long.MaxValue", "'c'", "\"s\"", "null", "default",
    ];

    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "&&", "||", "==", "!=", "<", ">", "<=", ">=", "??"];

    private static readonly string[] Assignments = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "??="];

    private static readonly string[] Tokens =
    [
        "a0", "a1", "a2", "s1", "i", "x", "var", "long", "double", "int", "for", "while", "if", "else", "return", "checked", "unchecked",
        "new", "class", "void", "static", "using", "goto", "Math", ".", "Abs", "Max", "Min", "(", ")", "[", "]", "{", "}", ";", ",", "=", "+=",
        "++", "--", "+", "-", "*", "/", "%", "?", ":", "=>", "\"", "'", "@", "$\"", "\"\"\"", "//", "/*", "*/", "#r", "#if", "\\", "\n", "\r", "\t",
        "\u0000", "\u001b", "\u202e", "\uFEFF", "\ud800", "é", "١", "−", "System.IO.File.Delete(\"x\")", "typeof", "nameof", "stackalloc", "unsafe",
        "0", "1", "42", "1e309", "9223372036854775808",
    ];

    public static ProceduralGen Gen { get; } = new(Build);

    public static string Build(Chooser c) => c.Int(20) switch
    {
        < 9 => Statements(c, c.Int(1, 12)),
        < 13 => Mutate(c, Statements(c, c.Int(1, 8))),
        < 16 => Soup(c, c.Int(0, 120)),
        < 19 => Deep(c),
        _ => c.Chance(10) ? Huge(c) : Statements(c, c.Int(20, 200)),
    };

    public static string Statements(Chooser c, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            Statement(c, text, depth: 0, index: i);
            text.Append(c.Pick(LineBreaks));
        }

        return text.ToString();
    }

    private static readonly string[] LineBreaks = ["\n", "\n", "\n", " ", "\r\n", "\r", "\n\n"];

    private static void Statement(Chooser c, StringBuilder text, int depth, int index)
    {
        switch (c.Int(depth >= 3 ? 6 : 9))
        {
            case 0:
                text.Append("long t").Append(index).Append(" = ").Append(Expression(c, 0)).Append(';');
                break;
            case 1:
                text.Append("var s").Append(index).Append(" = ").Append(Expression(c, 0)).Append(';');
                break;
            case 2 or 3:
                text.Append(c.Pick(Registers)).Append(' ').Append(c.Pick(Assignments)).Append(' ').Append(Expression(c, 0)).Append(';');
                break;
            case 4:
                text.Append(c.Pick(Registers)).Append(c.Chance(50) ? "++;" : "--;");
                break;
            case 5:
                text.Append("double d").Append(index).Append(" = ").Append(Expression(c, 0)).Append(';');
                break;
            case 6:
                var counter = "i" + depth.ToString(CultureInfo.InvariantCulture);
                text.Append("for (var ").Append(counter).Append(" = ").Append(c.Int(-2, 2)).Append("; ").Append(counter).Append(c.Chance(80) ? " < " : " <= ").Append(c.Pick(new[] { "3", "0", "10", "100000", "a0" }))
                    .Append("; ").Append(counter).Append(c.Chance(90) ? "++" : " += 2").Append(") { ");
                for (var i = c.Int(1, 3); i > 0; i--)
                {
                    Statement(c, text, depth + 1, index * 10 + i);
                    text.Append(' ');
                }

                text.Append('}');
                break;
            case 7:
                text.Append("checked { ");
                Statement(c, text, depth + 1, index);
                text.Append(" }");
                break;
            default:
                text.Append("if (").Append(Expression(c, 0)).Append(" > 0) ");
                Statement(c, text, depth + 1, index);
                break;
        }
    }

    public static string Expression(Chooser c, int depth)
    {
        if (depth > 5 || c.Chance(35))
        {
            return c.Chance(70) ? c.Pick(Registers) : c.Pick(Numbers);
        }

        return c.Int(10) switch
        {
            < 5 => Expression(c, depth + 1) + " " + c.Pick(Operators) + " " + Expression(c, depth + 1),
            5 => "(" + Expression(c, depth + 1) + ")",
            6 => c.Pick(new[] { "-", "~", "+", "!" }) + Expression(c, depth + 1),
            7 => c.Pick(new[] { "(long)", "(double)", "(int)" }) + Expression(c, depth + 1),
            8 => "Math." + c.Pick(new[] { "Abs(", "Max(", "Min(", "Sqrt(" }) + Expression(c, depth + 1) + (c.Chance(50) ? ", " + Expression(c, depth + 1) : "") + ")",
            _ => Expression(c, depth + 1) + " > " + Expression(c, depth + 1) + " ? " + Expression(c, depth + 1) + " : " + Expression(c, depth + 1),
        };
    }

    public static string Mutate(Chooser c, string text)
    {
        var chars = new StringBuilder(text);
        for (var edits = c.Int(1, 6); edits > 0 && chars.Length > 0; edits--)
        {
            var at = c.Int(chars.Length);
            switch (c.Int(4))
            {
                case 0:
                    chars.Remove(at, Math.Min(chars.Length - at, c.Int(1, 8)));
                    break;
                case 1:
                    chars.Insert(at, c.Pick(Tokens));
                    break;
                case 2:
                    chars[at] = (char)c.Int(0, 0x3000);
                    break;
                default:
                    chars.Insert(at, chars.ToString(at, Math.Min(chars.Length - at, c.Int(1, 40))));
                    break;
            }
        }

        return chars.ToString();
    }

    public static string Soup(Chooser c, int tokens)
    {
        var text = new StringBuilder();
        for (var i = 0; i < tokens; i++)
        {
            text.Append(c.Pick(Tokens));
            if (c.Chance(60))
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private static readonly int[] DeepCounts = [2, 10, 31, 32, 33, 100, 255, 256, 257, 399, 400, 401, 1_000, 5_000, 20_000];

    /// <summary>The shapes that once overflowed the stack, at and around every limit.</summary>
    public static string Deep(Chooser c)
    {
        var n = c.Pick(DeepCounts);
        string Repeat(string s) => string.Concat(Enumerable.Repeat(s, n));
        return c.Int(12) switch
        {
            0 => "a1 = " + Repeat("a1 + (") + "a0" + new string(')', n) + ";",
            1 => "a1 = " + new string('(', n) + "a0" + new string(')', n) + ";",
            2 => string.Concat(Enumerable.Range(0, n).Select(i => $"for (var i{i} = 0; i{i} < 1; i{i}++) {{ ")) + "a1 += a0;" + new string('}', n),
            3 => new string('{', n) + "a1 += a0;" + new string('}', n),
            4 => Repeat("if (a0 > 0) ") + "a1 += a0;",
            5 => "a1 = " + Repeat("- ") + "a0;",
            6 => "a1 = " + Repeat("(long)") + "a0;",
            7 => "a1 = " + Repeat("Math.Abs(") + "a0" + new string(')', n) + ";",
            8 => "a1 = " + Repeat("a0 > 0 ? a0 : ") + "a0;",
            9 => "a1 = " + string.Join(" + ", Enumerable.Repeat("a0", n)) + ";",
            10 => "a1 = " + new string('(', n) + "a0" + (c.Chance(50) ? new string(')', n / 2) : "") + ";",
            _ => Repeat("a1 += a0;\n"),
        };
    }

    /// <summary>Inputs at the size limits: long flat chains, many statements.</summary>
    public static string Huge(Chooser c) => c.Int(3) switch
    {
        0 => "a1 = " + string.Join(" + ", Enumerable.Repeat("a0", c.Pick(new[] { 49_999, 50_001, 200_000 }))) + ";",
        1 => string.Concat(Enumerable.Repeat("a1 += a0;\n", c.Pick(new[] { 9_999, 10_001 }))),
        _ => new string('a', (1 << 20) + c.Int(-2, 2)),
    };
}
