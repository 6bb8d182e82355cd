using System.Text;
using Faithful.Execution;
using Faithful.Traces.Parsing;
using Faithful.Traces.Rendering;

namespace Faithful.Cli.Export;

/// <summary>
/// The faithful trace a reply should have been: every step with its ground-truth value, written the way the reply
/// writes its steps (prefix, statement, formula, computation) and its answer line, from ground truth alone.
/// </summary>
public static class ChosenTrace
{
    /// <summary>The chosen text and the name of the style it copies.</summary>
    public static ExportedChosen Render(Trace truth, string reply, ParsedTrace parsed)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(parsed);
        if (truth.Answer is not { } answer)
        {
            throw new ArgumentException($"Program {truth.Program.Id} has no answer on these inputs ({truth.Fault}); there is no faithful trace to render.", nameof(truth));
        }

        var style = ReplyLineStyle.Detect(truth.Program, parsed, reply);
        var text = new StringBuilder();
        for (var i = 0; i < truth.StepValues.Count; i++)
        {
            text.Append(style.Line(truth, i)).Append('\n');
        }

        text.Append(style.AnswerLine(answer)).Append('\n');
        return new ExportedChosen(text.ToString(), style.Name);
    }
}
