using System.Globalization;
using System.Text.RegularExpressions;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;

namespace Faithful.Traces.Rendering;

/// <summary>
/// How a reply writes a step, read off its first step claim: a prefix (<c>Step 3:</c>, <c>3.</c>, a bullet), the
/// statement before an arrow (<c>a3 -= a2 -&gt; a3 = …</c>), the formula with names and the computation with values
/// between the name and the value; and how it writes its answer line. Writes the steps of any trace the same way: ground
/// truth (a faithful trace for export), a state with one value altered, or a model's own values in another style.
/// </summary>
public sealed partial record ReplyLineStyle(string Prefix, bool Arrow, bool Formula, bool Work, string? AnswerTemplate, string? AnswerValueText)
{
    public static ReplyLineStyle Plain { get; } = new("", false, false, false, null, null);

    /// <summary><c>Step 3: s3 = s2 - s1 = 44 - 2 = 42</c>: numbered, with the formula and the computation.</summary>
    public static ReplyLineStyle Worked { get; } = new("step", false, true, true, null, null);

    /// <summary><c>a3 -= a2 -> a3 = 2 - (-7) = 9</c>: the statement, then the variable with the computation (register programs).</summary>
    public static ReplyLineStyle Statement { get; } = new("", true, false, true, null, null);

    /// <summary>
    /// A clearly different way of writing the same steps: bare <c>name = value</c> lines for a reply that shows anything
    /// more, and for one that writes bare lines, numbered steps with the computation (the statement first for register programs).
    /// </summary>
    public ReplyLineStyle Other(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var bare = Prefix.Length == 0 && !Arrow && !Formula && !Work;
        if (!bare)
        {
            return Plain;
        }

        return StepDisplay.IsRegisterStyle(program) ? Statement : Worked;
    }

    /// <summary>A short name of the style for the record, e.g. <c>step-number+formula+work</c>.</summary>
    public string Name
    {
        get
        {
            var parts = new List<string>
            {
                Prefix switch
                {
                    "step" => "step-number",
                    "number" => "numbered",
                    "" => "plain",
                    _ => "bullet",
                },
            };
            if (Arrow)
            {
                parts.Add("statement");
            }

            if (Formula)
            {
                parts.Add("formula");
            }

            if (Work)
            {
                parts.Add("work");
            }

            return string.Join("+", parts);
        }
    }

    /// <param name="reply">The reply text, for the answer line as written (the parse keeps it without its markup).</param>
    public static ReplyLineStyle Detect(StepProgram program, ParsedTrace parsed, string reply)
    {
        var names = program.Steps.SelectMany(s => new[] { s.Name, s.Variable }).ToHashSet(StringComparer.Ordinal);
        var claim = parsed.Claims.FirstOrDefault(c => c.Name is { } n && names.Contains(n) && c.Value is not null);
        var style = Plain;
        if (claim is not null)
        {
            var text = claim.Text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();
            var prefix = StepPrefix().IsMatch(text) ? "step" : NumberPrefix().IsMatch(text) ? "number" : BulletPrefix().Match(text) is { Success: true } b ? b.Groups[1].Value : "";
            var arrow = text.Contains("->", StringComparison.Ordinal) || text.Contains('→', StringComparison.Ordinal);
            var afterName = AfterName(text, claim.Name!);
            var segments = afterName.Split('=').Select(s => s.Trim()).ToList();
            var middle = segments.Count > 1 ? segments.Take(segments.Count - 1).ToList() : [];
            style = new ReplyLineStyle(prefix, arrow, middle.Any(s => s.Any(char.IsAsciiLetter)), middle.Any(s => !s.Any(char.IsAsciiLetter) && s.Length > 0), null, null);
        }

        if (parsed.FirstAnswer is not { Value: { } value } answer)
        {
            return style;
        }

        var lines = reply.Split('\n');
        var written = answer.Line >= 1 && answer.Line <= lines.Length && lines[answer.Line - 1].Contains(value.Text, StringComparison.Ordinal)
            ? lines[answer.Line - 1].Trim()
            : answer.Text.Trim();
        return style with { AnswerTemplate = written, AnswerValueText = value.Text };
    }

    /// <summary>Step <paramref name="index"/> with its ground-truth value, the computation shown on ground-truth values.</summary>
    public string Line(Trace truth, int index)
    {
        var program = truth.Program;
        var step = program.Steps[index];
        var text = new System.Text.StringBuilder();
        text.Append(Prefix switch
        {
            "step" => string.Create(CultureInfo.InvariantCulture, $"Step {step.Number}: "),
            "number" => string.Create(CultureInfo.InvariantCulture, $"{step.Number}. "),
            "" => "",
            var bullet => bullet + " ",
        });
        if (Arrow)
        {
            text.Append(StepDisplay.Statement(program, step)).Append(" -> ");
        }

        text.Append(step.Variable).Append(" = ");
        var computed = step.Expression is not (Ref or Constant);
        if (Formula && computed && !Arrow)
        {
            text.Append(ExprFormatter.ToCSharp(step.Expression, slot => StepDisplay.VariableOf(program, slot))).Append(" = ");
        }

        if (Work && computed)
        {
            text.Append(ExprFormatter.ToCSharp(step.Expression, slot => Show(truth.SlotValue(slot)))).Append(" = ");
        }

        return text.Append(truth.StepValues[index]).ToString();
    }

    /// <summary>The answer line as the reply wrote its own, with the right value in it.</summary>
    public string AnswerLine(Value answer)
    {
        var value = answer.ToString();
        if (AnswerTemplate is { } template && AnswerValueText is { Length: > 0 } old && template.LastIndexOf(old, StringComparison.Ordinal) is var at and >= 0)
        {
            return template[..at] + value + template[(at + old.Length)..];
        }

        return "Final answer: " + value;
    }

    private static string AfterName(string text, string name)
    {
        var arrow = Math.Max(text.LastIndexOf("->", StringComparison.Ordinal), text.LastIndexOf('→'));
        var from = arrow >= 0 ? arrow : 0;
        var at = text.IndexOf(name, from, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var equals = text.IndexOf('=', at + name.Length);
        return equals < 0 ? "" : text[(equals + 1)..];
    }

    private static string Show(Value value)
    {
        var text = value.ToString();
        return text.StartsWith('-') ? $"({text})" : text;
    }

    [GeneratedRegex(@"^step\s+\d+\s*[:.)]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepPrefix();

    [GeneratedRegex(@"^\d+[.)]\s", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^([-*•+])\s", RegexOptions.CultureInvariant)]
    private static partial Regex BulletPrefix();
}
