using System.Globalization;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation;

/// <summary>
/// Writes a simulated reply line by line while tracking the values the model has claimed, so that each
/// step is computed from the model's own earlier values (which is how errors propagate).
/// </summary>
internal sealed class ScriptBuilder
{
    private readonly ExpressionReplay _replay;
    private readonly Value?[] _model;
    private readonly SlotView _slots;
    private readonly bool _showWork;
    private int _attempt;

    // How many steps the model currently holds a wrong value for; while none, every step computes to ground truth.
    private int _deviations;

    public ScriptBuilder(Trace truth, bool showWork)
    {
        _showWork = showWork;
        Truth = truth;
        Program = truth.Program;
        _replay = ProgramIndex.For(Program).Replay;
        _model = new Value?[Program.Steps.Count];
        _slots = new SlotView(this);
    }

    public StepProgram Program { get; }

    public Trace Truth { get; }

    public int Length => Program.Steps.Count;

    public List<ScriptLine> Lines { get; } = [];

    /// <summary>The value the model last claimed for a step, or null.</summary>
    public Value? ModelValue(int step) => _model[step];

    /// <summary>What the step evaluates to on the model's values so far (ground truth where it claimed nothing).</summary>
    public Value Compute(int step) => _deviations == 0
        ? Truth.StepValues[step]
        : _replay.EvaluateStep(step, _slots) ?? Truth.StepValues[step];

    /// <summary>The answer the model's values lead to (ground truth where it claimed nothing).</summary>
    public Value ComputeAnswer() => _replay.EvaluateAnswer(_slots) ?? Truth.Answer!.Value;

    public void Claim(int step, Value value)
    {
        // A copy (a1 = a0) has no computation to show: "a1 = 4 = 4" is not how anyone writes it.
        var expression = Program.Steps[step].Expression;
        var work = !_showWork || expression is Ref or Constant ? null : ExprFormatter.ToCSharp(expression, slot => Show(SlotValue(slot)));
        Lines.Add(new ScriptLine(ScriptLineKind.Claim, _attempt, step, Program.Steps[step].Name, step + 1, value, work));
        _deviations += Deviates(_model[step], step) ? -1 : 0;
        _model[step] = value;
        _deviations += Deviates(value, step) ? 1 : 0;
    }

    private bool Deviates(Value? value, int step) => value is { } v && v != Truth.StepValues[step];

    /// <summary>Claims the step's value as computed from the model's own values.</summary>
    public Value ClaimComputed(int step)
    {
        var value = Compute(step);
        Claim(step, value);
        return value;
    }

    public void ClaimComputed(int from, int toExclusive)
    {
        for (var s = from; s < toExclusive; s++)
        {
            ClaimComputed(s);
        }
    }

    public void Extra(string name, int? number, Value value) =>
        Lines.Add(new ScriptLine(ScriptLineKind.ExtraClaim, _attempt, null, name, number, value));

    public void Answer(Value? value) => Lines.Add(new ScriptLine(ScriptLineKind.Answer, _attempt, Value: value));

    /// <summary>
    /// An answer shown as its return sum over the model's own final values, worked out to <paramref name="value"/> (a
    /// misadded sum when the value is another): ruling 5 makes a wrong answer an arithmetic error only where its sum is
    /// shown. A bare answer when the program's answer is no sum (callers ask <see cref="ReturnSum.Operands"/> first).
    /// </summary>
    public void AnswerWorked(Value value)
    {
        if (ReturnSum.Operands(Program.Result) is not { Count: >= 2 } operands)
        {
            Answer(value);
            return;
        }

        var work = string.Join(" + ", operands.Select(slot => Show(SlotValue(slot))));
        Lines.Add(new ScriptLine(ScriptLineKind.Answer, _attempt, Value: value, Work: work));
    }

    public void Chatter(string text) => Lines.Add(new ScriptLine(ScriptLineKind.Chatter, _attempt, Text: text));

    public void Skip() => Lines.Add(new ScriptLine(ScriptLineKind.Skip, _attempt, Text: "..."));

    public void Restart(string text)
    {
        _attempt++;
        Lines.Add(new ScriptLine(ScriptLineKind.Restart, _attempt, Text: text));
    }

    public static string Show(Value value)
    {
        var text = value.ToString();
        return text.StartsWith('-') ? $"({text})" : text;
    }

    public static string Text(Value value) => value.Kind == ValueKind.Int64
        ? value.AsInt64.ToString(CultureInfo.InvariantCulture)
        : value.AsDouble.ToString("R", CultureInfo.InvariantCulture);

    private Value SlotValue(int slot)
    {
        var parameters = Program.Parameters.Count;
        return slot < parameters ? Truth.Inputs[slot] : _model[slot - parameters] ?? Truth.StepValues[slot - parameters];
    }

    /// <summary>The slots as the model holds them, read on demand (a replay reads only a couple).</summary>
    private sealed class SlotView(ScriptBuilder owner) : IReadOnlyList<Value>
    {
        public Value this[int index] => owner.SlotValue(index);

        public int Count => owner.Program.SlotCount;

        public IEnumerator<Value> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
