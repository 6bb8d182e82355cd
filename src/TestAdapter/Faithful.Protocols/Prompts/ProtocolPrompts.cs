using System.Globalization;
using System.Text;
using Faithful.Model;
using Faithful.Traces.Prompts;

namespace Faithful.Protocols.Prompts;

/// <summary>
/// The text blocks the protocols' prompts are built from. They say what the process-aware template says (same
/// semantics sentence, same <c>name = value</c> lines, same answer line), so a protocol changes how the case is put,
/// not what is asked. Each protocol's wording is versioned in its name (<c>checkpointed/v1</c>).
/// </summary>
internal static class ProtocolPrompts
{
    /// <summary>The semantics sentence of <c>process-aware/v1</c>.</summary>
    public const string Semantics =
        "Use C# semantics: integers are 64-bit `long` values that wrap around on overflow, `/` truncates toward zero, "
        + "`%` keeps the sign of the dividend, and `& | ^ ~ << >>` act on 64-bit two's complement; `double` values follow IEEE 754.";

    public const string LineFormat =
        "Write one line per step, in order, as `name = value`, where name is the variable the step assigns and value is a plain integer or decimal number, with nothing else on the line.";

    public const string AnswerLine = "Final answer: <value>";

    public static string Inputs(StepProgram program, IReadOnlyList<Value> inputs) =>
        string.Join("\n", program.Parameters.Select((p, i) => $"{p.Name} = {inputs[i]}"));

    /// <summary>Steps <c>[from, to)</c> as numbered statements, as the process-aware template lists them.</summary>
    public static string Steps(StepProgram program, int from, int to)
    {
        var text = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var step = program.Steps[i];
            text.Append(step.Number).Append(". ").Append(StepDisplay.Statement(program, step)).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    public static string Return(StepProgram program) => "Return: " + program.ResultSourceText;

    /// <summary><c>step 3</c> or <c>steps 6 to 10</c>.</summary>
    public static string Range(int from, int to) => to - from == 1
        ? string.Create(CultureInfo.InvariantCulture, $"step {from + 1}")
        : string.Create(CultureInfo.InvariantCulture, $"steps {from + 1} to {to}");

    /// <summary>The whole procedure: intro, semantics, inputs, every step and the return.</summary>
    public static string Procedure(string intro, StepProgram program, IReadOnlyList<Value> inputs) =>
        $"{intro}\n{Semantics}\n\nInputs:\n{Inputs(program, inputs)}\n\nSteps:\n{Steps(program, 0, program.Steps.Count)}\n{Return(program)}";
}
