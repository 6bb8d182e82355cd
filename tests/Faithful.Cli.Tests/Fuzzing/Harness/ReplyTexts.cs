using System.Globalization;
using System.Text;

namespace Faithful.Fuzzing;

/// <summary>Model replies: step lines in the styles models write, answers, markdown, prose, and noise at the parser's bounds.</summary>
public static class ReplyTexts
{
    private static readonly string[] Names = ["s1", "s2", "s3", "s4", "a0", "a1", "a2", "a3", "x", "step 3", "S1", "s10", "result", "answer"];

    private static readonly string[] Values =
    [
        "0", "7", "-7", "21", "14", "3", "1,000", "1 000", "−7", "-0", "+5", "1e9", "1.5", "1.", ".5", "NaN", "Infinity", "∞",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999", "0x1F", "١٤", "１４", "²", "7/2", "3.14159",
        "1e309", "-1e-400", "", "?", "**14**", "`14`", "$14$",
    ];

    private static readonly string[] Templates =
    [
        "{n} = {v}", "{n} = {n} + {n} = {v}", "{n} -= {n} -> {n} = {v}", "# {n} = {v}", "{i}. {n} = {v}", "Step {i}: {n} = {v}",
        "| {i} | {n} | {v} |", "|---|---|---|", "**{n}** → {n} = {v} − ({v}) = {v}", "Final answer: {v}", "<result>{v}</result>",
        "\\boxed{{v}}", "#### {v}", "So the answer is {v}.", "Wait, {n} should be {v}. Let me redo that.", "Actually {n} = {v}",
        "The final value of {n} is {v}", "```", "```python", "{n} = {v} = {v} = {v}", "Final answer: {v} (or {v})", "Final Answer: **{v}**",
        "I got {v} for {n}.", "{n}={v};{n}={v}", "s{i} = {v}", "{n} := {v}", "{n} ← {v}", "Let's compute step by step.", "",
        "Example:", "For example:", "Possible Answers", "You can use this format to give the solution:", "Here's the solution for n={v}:",
        "f({v}) = <result>{v}</result>", "The output of the function for n={v} is {v}.", "for n = {i}:", "f({i}) = {v}",
    ];

    public static ProceduralGen Gen { get; } = new(Build);

    public static string Build(Chooser c)
    {
        var reply = new StringBuilder();
        var lines = c.Int(100) switch
        {
            < 80 => c.Int(0, 30),
            < 95 => c.Int(30, 300),
            _ => c.Int(300, 2_000),
        };
        for (var i = 0; i < lines; i++)
        {
            reply.Append(Line(c, i)).Append(c.Pick(Breaks));
        }

        return c.Int(30) switch
        {
            0 => reply.Append(new string(c.Pick(new[] { 'x', '=', '1', ' ', '(' }), c.Int(10_000, 300_000))).ToString(),
            1 when reply.Length < 4_000 => reply.ToString().Replace("=", new string('=', c.Int(2, 5000)), StringComparison.Ordinal),
            2 => ProgramTexts.Mutate(c, reply.ToString()),
            3 => new string((char)c.Int(0, 0xFFFF), c.Int(0, 5000)),
            _ => reply.ToString(),
        };
    }

    private static readonly string[] Breaks = ["\n", "\n", "\r\n", "\r", "\n\n", " ", "\u2028"];

    private static string Line(Chooser c, int index)
    {
        var template = c.Pick(Templates);
        var line = new StringBuilder(template.Length + 16);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 2 < template.Length && template[i + 2] == '}')
            {
                line.Append(template[i + 1] switch
                {
                    'n' => c.Pick(Names),
                    'v' => c.Chance(85) ? c.Pick(Values) : c.Long().ToString(CultureInfo.InvariantCulture),
                    _ => (index + 1).ToString(CultureInfo.InvariantCulture),
                });
                i += 2;
            }
            else
            {
                line.Append(template[i]);
            }
        }

        return c.Chance(5) ? ProgramTexts.Mutate(c, line.ToString()) : line.ToString();
    }
}
