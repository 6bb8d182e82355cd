using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation;

/// <summary>
/// Writes the script of one simulated reply: a clean execution, or one failure mode injected in one of its
/// variants. Error positions are drawn with a density that grows towards the end of the program
/// (<see cref="SimulationProfile.PositionBias"/>); longer programs get more arithmetic slips.
/// </summary>
internal sealed class FailureInjector
{
    /// <summary>Share of self-corrections that fix a step before answering (the rest fix the answer itself).</summary>
    public const double SelfCorrectionRightFirstAnswer = 0.7;

    /// <summary>One of the three variants drawn for under-execution (skipping a range) keeps the answer right; copying and stopping early (labelled a premature answer) do not.</summary>
    public const double UnderExecutedRightFirstAnswer = 1.0 / 3;

    /// <summary>Share of hallucinated traces whose answer stays right.</summary>
    public const double HallucinatedRightFirstAnswer = 0.6;

    /// <summary>Share of hallucinated replies whose invented step is a running total rather than an extra write.</summary>
    public const double InventedTotalShare = 0.2;

    private static readonly long[] Deltas = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 7, -7, 9, -9, 10, -10, 11, -11, 100, -100];

    private readonly Random _random;
    private readonly SimulationProfile _profile;
    private readonly ScriptBuilder _script;
    private readonly bool _variableStyle;
    private HashSet<Value>? _readoutValues;

    public FailureInjector(Trace truth, SimulationProfile profile, Random random, bool variableStyle, bool showWork)
    {
        _random = random;
        _profile = profile;
        _script = new ScriptBuilder(truth, showWork);
        _variableStyle = variableStyle;
    }

    public ScriptBuilder Script => _script;

    private int Length => _script.Length;

    private Trace Truth => _script.Truth;

    /// <summary>Writes the reply for <paramref name="mode"/>; returns the variant actually written and its mode.</summary>
    public (FailureMode Mode, string Variant) Write(FailureMode mode)
    {
        if (Length == 0)
        {
            _script.Answer(Truth.Answer);
            return (FailureMode.Correct, "clean");
        }

        return mode switch
        {
            FailureMode.ArithmeticError => Arithmetic(),
            FailureMode.MissingAnswer => MissingAnswer(),
            FailureMode.PrematureAnswer => Premature(),
            FailureMode.SelfCorrection => SelfCorrection(),
            FailureMode.UnderExecuted => UnderExecuted(),
            FailureMode.HallucinatedSteps => Hallucinated(),
            FailureMode.ReadoutError => Readout(),
            FailureMode.StaleOperand => Stale(),
            _ => Clean(),
        };
    }

    private (FailureMode, string) Clean()
    {
        _script.ClaimComputed(0, Length);
        _script.Answer(_script.ComputeAnswer());
        return (FailureMode.Correct, "clean");
    }

    private (FailureMode, string) Arithmetic()
    {
        // A misadded return sum, shown (ruling 5: a bare wrong number over right values is a readout, not arithmetic).
        if (_random.NextDouble() < 0.1 && ReturnSum.Operands(_script.Program.Result) is { Count: >= 2 })
        {
            _script.ClaimComputed(0, Length);
            if (Wrong(Truth.Answer!.Value, [.. ReadoutValues]) is { } wrongAnswer)
            {
                _script.AnswerWorked(wrongAnswer);
                return (FailureMode.ArithmeticError, "answer");
            }

            _script.Answer(Truth.Answer);
            return (FailureMode.Correct, "clean");
        }

        var errors = new HashSet<int> { Position(0, Length - 1) };
        for (var s = 0; s < Length; s++)
        {
            if (_random.NextDouble() < 0.012 * _profile.PositionBias)
            {
                errors.Add(Position(0, Length - 1));
            }
        }

        var injected = 0;
        for (var s = 0; s < Length; s++)
        {
            var value = _script.Compute(s);
            if (errors.Contains(s) && Slip(s, value) is { } slip)
            {
                value = slip;
                injected++;
            }

            _script.Claim(s, value);
        }

        _script.Answer(WrongAnswerFromTrace());
        return injected > 0 ? (FailureMode.ArithmeticError, injected == 1 ? "one-slip" : "slips") : (FailureMode.Correct, "clean");
    }

    private (FailureMode, string) MissingAnswer()
    {
        if (Length >= 2 && _random.NextDouble() < 0.5)
        {
            var stop = _random.Next(1, Length);
            _script.ClaimComputed(0, stop);
            return (FailureMode.MissingAnswer, "cut-off");
        }

        _script.ClaimComputed(0, Length);
        _script.Chatter("That completes the procedure.");
        return (FailureMode.MissingAnswer, "no-answer-line");
    }

    private (FailureMode, string) Premature()
    {
        var guess = Wrong(Truth.Answer!.Value, []) ?? Truth.Answer!.Value;
        if (_random.NextDouble() < 0.3)
        {
            _script.Chatter("This can be worked out directly.");
            _script.Answer(guess);
            return (FailureMode.PrematureAnswer, "answer-only");
        }

        var at = _random.Next(0, Length);
        _script.ClaimComputed(0, at);
        _script.Answer(guess);
        _script.Chatter("Let me check this by finishing the steps.");
        _script.ClaimComputed(at, Length);
        if (_random.NextDouble() < 0.6)
        {
            _script.Answer(_script.ComputeAnswer());
        }

        return (FailureMode.PrematureAnswer, "answer-then-steps");
    }

    private (FailureMode, string) SelfCorrection()
    {
        if (_random.NextDouble() >= SelfCorrectionRightFirstAnswer)
        {
            _script.ClaimComputed(0, Length);
            if (Wrong(Truth.Answer!.Value, []) is { } wrongAnswer)
            {
                _script.Answer(wrongAnswer);
                _script.Chatter("Hmm, let me double-check that.");
                _script.Answer(_script.ComputeAnswer());
                return (FailureMode.SelfCorrection, "answer");
            }

            _script.Answer(_script.ComputeAnswer());
            return (FailureMode.Correct, "clean");
        }

        var at = Position(0, Length - 1);
        _script.ClaimComputed(0, at);
        var right = _script.Compute(at);
        if (Slip(at, right) is not { } slip)
        {
            _script.ClaimComputed(at, Length);
            _script.Answer(_script.ComputeAnswer());
            return (FailureMode.Correct, "clean");
        }

        _script.Claim(at, slip);
        var name = _script.Program.Steps[at].Name;
        string variant;
        if (!_variableStyle && _random.NextDouble() < 0.5)
        {
            _script.Chatter($"Wait, that is not right; recomputing {name}.");
            _script.Claim(at, right);
            variant = "inline";
        }
        else
        {
            var carriedOn = _random.Next(0, Math.Min(2, Length - 1 - at) + 1);
            _script.ClaimComputed(at + 1, at + 1 + carriedOn);
            _script.Restart($"Wait, I made a mistake in {name}. Let me redo it from there.");
            _script.ClaimComputed(at);
            variant = "restart";
        }

        _script.ClaimComputed(at + 1, Length);
        _script.Answer(_script.ComputeAnswer());
        return (FailureMode.SelfCorrection, variant);
    }

    private (FailureMode, string) UnderExecuted()
    {
        // Stopping early and answering is a premature answer (docs/failure-modes.md). It is still drawn here, from
        // the under-execution budget, so that the calibrated profiles and every seeded simulated reply stay as they were.
        var variants = new List<string>();
        if (Length >= 2)
        {
            variants.Add("copy");
            variants.Add("stop-early");
        }

        if (Length >= 3)
        {
            variants.Add("skip");
        }

        if (variants.Count == 0)
        {
            return Premature();
        }

        switch (variants[_random.Next(variants.Count)])
        {
            case "copy":
                for (var attempt = 0; attempt < 8; attempt++)
                {
                    var at = Position(1, Length - 1);
                    var previous = Truth.StepValues[at - 1];
                    var right = Truth.StepValues[at];

                    // Not a repeat of the variable's own last value (that reads as a restatement and a skip), nor a stale operand.
                    if (previous != right && !RepeatsHeld(at, previous) && !StaleValues(at).Contains(previous))
                    {
                        _script.ClaimComputed(0, at);
                        _script.Claim(at, previous);
                        _script.ClaimComputed(at + 1, Length);
                        _script.Answer(WrongAnswerFromTrace());

                        // A careful reader sees a wrong value, not a skipped step (shared/realdata/LABELING.md).
                        return (FailureMode.ArithmeticError, "copy");
                    }
                }

                goto case "stop-early";
            case "stop-early":
            {
                var stop = _random.Next(1, Length);
                _script.ClaimComputed(0, stop);
                var last = _script.ModelValue(stop - 1)!.Value;
                _script.Answer(last == Truth.Answer ? Wrong(last, []) ?? last : last);
                return (FailureMode.PrematureAnswer, "stop-early");
            }

            default:
            {
                // Given values (declarations) are not steps to skip: the skipped range starts after them.
                var firstComputed = Math.Min(Length - 2, Math.Max(1, GivenPrefix()));
                var from = _random.Next(firstComputed, Length - 1);
                var count = _random.Next(1, Math.Max(1, Math.Min(Length - 1 - from, Math.Max(1, Length / 8))) + 1);
                _script.ClaimComputed(0, from);
                _script.Skip();
                _script.ClaimComputed(from + count, Length);
                _script.Answer(_script.ComputeAnswer());
                return (FailureMode.UnderExecuted, "skip");
            }
        }
    }

    private (FailureMode, string) Hallucinated()
    {
        _script.ClaimComputed(0, Length);
        if (_random.NextDouble() < InventedTotalShare && InventedTotal() is { } total)
        {
            // A total the program does not compute, over values the trace gave ("Total sum = 3 + 5 + 7 = 15"), as real
            // replies write after every iteration or at the end (docs/failure-modes.md, HallucinatedSteps).
            _script.Chatter(total);
            _script.Answer(_script.ComputeAnswer());
            return (FailureMode.HallucinatedSteps, "extra-steps-total");
        }

        var extras = _random.Next(1, 4);
        var last = Truth.StepValues[Length - 1];
        Value? lastExtra = null;
        var (prefix, next) = FreshNamePattern();
        for (var i = 0; i < extras; i++)
        {
            var value = Wrong(last, []) ?? last;
            if (_variableStyle && _random.NextDouble() < 0.5)
            {
                // Another write of a variable the program has, beyond its last write.
                var variable = _script.Program.Steps[_random.Next(Length)].Variable;
                _script.Extra(variable, Length + 1 + i, value);
            }
            else
            {
                _script.Extra(prefix + (next + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Length + 1 + i, value);
            }

            lastExtra = value;
        }

        var answerRight = _random.NextDouble() < HallucinatedRightFirstAnswer || lastExtra is null || lastExtra == Truth.Answer;
        _script.Answer(answerRight ? _script.ComputeAnswer() : lastExtra);
        return (FailureMode.HallucinatedSteps, answerRight ? "extra-steps" : "extra-steps-answered");
    }

    // "Total sum = 3 + 5 + (-2) = 6": the last values the trace gave, one more of them than the answer has variables,
    // or null when the program's values are not integers or too few.
    private string? InventedTotal()
    {
        var answerSlots = new List<int>();
        LookBack.CollectReads(_script.Program.Result, answerSlots);
        var operands = answerSlots.Distinct().Count() + 1;
        var given = GivenPrefix();
        if (Length - given < Math.Max(2, operands))
        {
            return null;
        }

        var values = new List<long>();
        for (var step = Length - Math.Max(2, operands); step < Length; step++)
        {
            if (Truth.StepValues[step] is not { Kind: ValueKind.Int64 } value || Math.Abs(value.AsInt64) > 1_000_000_000)
            {
                return null;
            }

            values.Add(value.AsInt64);
        }

        var terms = string.Join(" + ", values.Select(v => v < 0 ? $"({v.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"Total sum = {terms} = {values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The answer the model's own values give, unless that is right anyway (small-valued programs often absorb a slip,
    /// e.g. through a remainder): then the answer itself is miscomputed, so that the mode keeps its designed
    /// first-answer accuracy and the profile its calibration.
    /// </summary>
    private Value? WrongAnswerFromTrace()
    {
        var answer = _script.ComputeAnswer();
        return answer == Truth.Answer ? Wrong(answer, [.. ModelReadoutValues()]) ?? answer : answer;
    }

    // Readout values of the trace as the model holds it (its own, possibly wrong, step values).
    private HashSet<Value> ModelReadoutValues()
    {
        var program = _script.Program;
        var slots = new Value[program.SlotCount];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = i < program.Parameters.Count ? Truth.Inputs[i] : _script.ModelValue(i - program.Parameters.Count) ?? Truth.StepValues[i - program.Parameters.Count];
        }

        return AnswerErrors.ReadoutValues(program, slots);
    }

    // Values a faithful trace's answer could be misread as: wrong answers that are not readout errors avoid them.
    private HashSet<Value> ReadoutValues => _readoutValues ??= AnswerErrors.ReadoutValues(Truth);

    /// <summary>A faithful trace whose answer reports another value the trace holds (another variable, an earlier version, a term left out or doubled).</summary>
    private (FailureMode, string) Readout()
    {
        _script.ClaimComputed(0, Length);
        var candidates = ReadoutValues.Where(v => v.Kind == Truth.Answer!.Value.Kind).OrderBy(v => v.Bits).ToList();
        if (candidates.Count == 0)
        {
            _script.Answer(Truth.Answer);
            return (FailureMode.Correct, "clean");
        }

        _script.Answer(candidates[_random.Next(candidates.Count)]);
        return (FailureMode.ReadoutError, "readout");
    }

    /// <summary>A step computed with an older version of a variable it reads (a look-back failure), the rest from the model's values.</summary>
    private (FailureMode, string) Stale()
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var at = Position(0, Length - 1);
            var stale = StaleValues(at).Where(v => v != Truth.StepValues[at] && !RepeatsHeld(at, v)).ToList();
            if (stale.Count == 0)
            {
                continue;
            }

            _script.ClaimComputed(0, at);
            _script.Claim(at, stale[_random.Next(stale.Count)]);
            _script.ClaimComputed(at + 1, Length);
            _script.Answer(WrongAnswerFromTrace());
            return (FailureMode.StaleOperand, "stale");
        }

        return Arithmetic();
    }

    /// <summary>What step <paramref name="step"/> gives when one slot it reads takes the value of an older version of its variable (ground truth before the step).</summary>
    private List<Value> StaleValues(int step)
    {
        var program = _script.Program;
        var parameters = program.Parameters.Count;
        var replay = ProgramIndex.For(program).Replay;
        var reads = new List<int>();
        LookBack.CollectReads(program.Steps[step].Expression, reads);
        var slots = new Value[parameters + step];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = i < parameters ? Truth.Inputs[i] : Truth.StepValues[i - parameters];
        }

        var values = new List<Value>();
        foreach (var read in reads)
        {
            if (read < parameters)
            {
                continue;
            }

            var current = slots[read];
            var variable = program.Steps[read - parameters].Variable;
            var back = 0;
            for (var older = read - parameters - 1; older >= 0 && back < 3; older--)
            {
                if (program.Steps[older].Variable != variable)
                {
                    continue;
                }

                back++;
                slots[read] = Truth.StepValues[older];
                if (slots[read] != current && replay.EvaluateStep(step, slots) is { } value)
                {
                    values.Add(value);
                }
            }

            slots[read] = current;
        }

        return values;
    }

    // Whether a value for a step repeats the value its variable held before (the previous version, or the input).
    private bool RepeatsHeld(int step, Value value)
    {
        var program = _script.Program;
        var variable = program.Steps[step].Variable;
        for (var earlier = step - 1; earlier >= 0; earlier--)
        {
            if (program.Steps[earlier].Variable == variable)
            {
                return Truth.StepValues[earlier] == value;
            }
        }

        for (var p = 0; p < program.Parameters.Count; p++)
        {
            if (program.Parameters[p].Name == variable)
            {
                return Truth.Inputs[p] == value;
            }
        }

        return false;
    }

    // How many leading steps are given values (a declaration's literal), not computed.
    private int GivenPrefix()
    {
        var index = ProgramIndex.For(_script.Program);
        var count = 0;
        while (count < Length && index.IsGiven[count])
        {
            count++;
        }

        return count;
    }

    /// <summary>A name prefix and a number such that prefix+number, prefix+number+1, ... name nothing in the program.</summary>
    private (string Prefix, int Next) FreshNamePattern()
    {
        var program = _script.Program;
        var lastVariable = program.Steps[^1].Variable;
        var prefix = lastVariable.TrimEnd("0123456789".ToCharArray());
        if (prefix.Length == 0 || prefix.Length == lastVariable.Length)
        {
            prefix = lastVariable + "_";
        }

        var max = 0;
        foreach (var name in program.Parameters.Select(p => p.Name).Concat(program.Steps.Select(s => s.Variable)))
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(name.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        return (prefix, max + 1);
    }

    /// <summary>A position in [from, to], more likely near the end when the profile's position bias is positive.</summary>
    private int Position(int from, int to)
    {
        if (to <= from)
        {
            return from;
        }

        var bias = Math.Max(0, _profile.PositionBias);
        while (true)
        {
            var position = _random.Next(from, to + 1);
            var t = (double)(position - from) / (to - from);
            if (_random.NextDouble() * (1 + bias) <= 1 + bias * t)
            {
                return position;
            }
        }
    }

    /// <summary>
    /// A wrong value for a step that cannot be mistaken for anything else: not ground truth, not what the model's own
    /// values give, not the previous step or an operand (which would read as a copy), not another version of the variable.
    /// </summary>
    private Value? Slip(int step, Value computed)
    {
        var avoid = new List<Value> { Truth.StepValues[step], computed };
        if (step > 0)
        {
            avoid.Add(_script.ModelValue(step - 1) ?? Truth.StepValues[step - 1]);
        }

        var reads = new List<int>();
        LookBack.CollectReads(_script.Program.Steps[step].Expression, reads);
        var parameters = _script.Program.Parameters.Count;
        foreach (var slot in reads)
        {
            avoid.Add(slot < parameters ? Truth.Inputs[slot] : _script.ModelValue(slot - parameters) ?? Truth.StepValues[slot - parameters]);
        }

        var variable = _script.Program.Steps[step].Variable;
        foreach (var other in _script.Program.Steps)
        {
            if (other.Variable == variable)
            {
                avoid.Add(Truth.StepValues[other.Index]);
            }
        }

        for (var p = 0; p < parameters; p++)
        {
            if (_script.Program.Parameters[p].Name == variable)
            {
                avoid.Add(Truth.Inputs[p]);
            }
        }

        // Not a value an older version of an operand would give: that is a stale operand, not a fresh slip.
        avoid.AddRange(StaleValues(step));

        return Wrong(computed, avoid);
    }

    /// <summary>A value near <paramref name="near"/> that differs from it and from everything in <paramref name="avoid"/>.</summary>
    private Value? Wrong(Value near, List<Value> avoid)
    {
        var start = _random.Next(Deltas.Length);
        for (var i = 0; i < Deltas.Length; i++)
        {
            var delta = Deltas[(start + i) % Deltas.Length];
            var candidate = near.Kind == ValueKind.Int64
                ? Value.FromInt64(unchecked(near.AsInt64 + delta))
                : Value.FromDouble(near.AsDouble + delta * Math.Max(1, Math.Abs(near.AsDouble) * 1e-3));
            if (candidate != near && !avoid.Any(a => SameNumber(a, candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool SameNumber(Value a, Value b) => a.ToDouble().Equals(b.ToDouble()) || a == b;
}
