using System.Text;
using Faithful.Model;
using Faithful.Prompts;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Prompts;

/// <summary>
/// Fills a template for one (program, inputs) case. Blocks: <c>{{inputs}}</c> (one <c>name = value</c> line per input),
/// <c>{{steps}}</c> (numbered steps as written, then the return), <c>{{program}}</c> (the C# listing) and
/// <c>{{format}}</c> (the strict output format). An input name gives its value; a step name gives the step as written.
/// </summary>
public static class PromptRenderer
{
    /// <exception cref="PromptTemplateException">The template names a placeholder the program does not have.</exception>
    /// <exception cref="ArgumentException">The inputs do not match the program's parameters.</exception>
    public static RenderedPrompt Render(StepProgram program, IReadOnlyList<Value> inputs, PromptTemplate template)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(template);
        if (inputs.Count != program.Parameters.Count)
        {
            throw new ArgumentException(
                $"Program {program.Id} takes {program.Parameters.Count} input(s) ({string.Join(", ", program.Parameters.Select(p => p.Name))}) but {inputs.Count} were given.",
                nameof(inputs));
        }

        var problems = Validate(program, template);
        if (problems.Count > 0)
        {
            throw new PromptTemplateException(problems);
        }

        var values = new Dictionary<string, Func<string>>(StringComparer.Ordinal);
        for (var i = 0; i < program.Parameters.Count; i++)
        {
            var value = inputs[i].ToString();
            values[program.Parameters[i].Name] = () => value;
        }

        foreach (var step in program.Steps)
        {
            var captured = step;
            values.TryAdd(step.Name, () => StepDisplay.Statement(program, captured));
        }

        values["program"] = () => StepDisplay.Listing(program);
        values["steps"] = () => StepsBlock(program);
        values["inputs"] = () => InputsBlock(program, inputs);
        values["format"] = () => FormatBlock(program, template);

        var user = Fill(template.Body, values);
        var system = template.System is null ? null : Fill(template.System, values);
        var answers = template.AnswerSettings.WithExamplesFrom(system is null ? user : $"{system}\n{user}");
        return new RenderedPrompt(system, user, template.Id, template.Version, answers);
    }

    /// <summary>Every unknown placeholder in the template, with the closest valid name; empty when the template fits the program.</summary>
    public static IReadOnlyList<TemplateProblem> Validate(StepProgram program, PromptTemplate template)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(template);
        var valid = ValidNames(program);
        var problems = new List<TemplateProblem>();
        foreach (var (part, text) in new[] { ("system", template.System), ("body", template.Body) })
        {
            if (text is null)
            {
                continue;
            }

            foreach (var occurrence in PlaceholderSyntax.Find(text))
            {
                if (valid.Contains(occurrence.Name))
                {
                    continue;
                }

                var (line, column) = Position(text, occurrence.Start);
                var suggestion = PlaceholderSyntax.ClosestName(occurrence.Name, valid);
                var hint = suggestion is null
                    ? $"valid placeholders are {string.Join(", ", valid.Take(12).Select(n => "{{" + n + "}}"))}{(valid.Count > 12 ? ", ..." : "")}"
                    : $"did you mean {{{{{suggestion}}}}}?";
                var message = $"Prompt template '{template.Id}' ({part}, line {line}, column {column}): unknown placeholder {{{{{occurrence.Name}}}}}; "
                    + $"program {program.Id} has no input or step named '{occurrence.Name}'; {hint}";
                problems.Add(new TemplateProblem(template.Id, occurrence.Name, line, column, suggestion, message));
            }
        }

        return problems;
    }

    /// <summary>The placeholder names a template may use with this program: the blocks, then inputs, then step names.</summary>
    public static IReadOnlyList<string> ValidNames(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var names = new List<string>(PlaceholderSyntax.Blocks);
        names.AddRange(program.Parameters.Select(p => p.Name));
        names.AddRange(program.Steps.Select(s => s.Name));
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Fill(string text, Dictionary<string, Func<string>> values)
    {
        var builder = new StringBuilder(text.Length * 2);
        var at = 0;
        foreach (var occurrence in PlaceholderSyntax.Find(text))
        {
            builder.Append(PlaceholderSyntax.Unescape(text[at..occurrence.Start]));
            builder.Append(values[occurrence.Name]());
            at = occurrence.End;
        }

        builder.Append(PlaceholderSyntax.Unescape(text[at..]));
        return builder.ToString();
    }

    private static string InputsBlock(StepProgram program, IReadOnlyList<Value> inputs) =>
        string.Join("\n", program.Parameters.Select((p, i) => $"{p.Name} = {inputs[i]}"));

    private static string StepsBlock(StepProgram program)
    {
        var builder = new StringBuilder();
        foreach (var step in program.Steps)
        {
            builder.Append(step.Number).Append(". ").Append(StepDisplay.Statement(program, step)).Append('\n');
        }

        builder.Append("Return: ").Append(program.ResultSourceText);
        return builder.ToString();
    }

    private static string FormatBlock(StepProgram program, PromptTemplate template)
    {
        var answerLine = ExpectedReply.AnswerLine("<value>", template.AnswerSettings);
        if (BuiltInTemplates.AsksOnlyForAnswer(template))
        {
            return "Reply with the final answer only, on one line, in exactly this form:\n" + answerLine;
        }

        var builder = new StringBuilder();
        if (StepDisplay.IsRegisterStyle(program))
        {
            builder.Append("Output format: write one line per executed step, in order, giving the new value of the variable that step assigns, ")
                .Append("as `name = value` with a plain integer or decimal value and nothing else on the line:\n");
        }
        else
        {
            builder.Append("Output format: write one line per step, in order, as `name = value` with a plain integer or decimal value and nothing else on the line:\n");
        }

        foreach (var step in program.Steps)
        {
            builder.Append(step.Variable).Append(" = <value>\n");
        }

        builder.Append("Then write the final answer on its own line:\n").Append(answerLine);
        return builder.ToString();
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
