using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Analyzers.Arithmetic;

/// <summary>
/// Looks for concrete inputs inside the declared domains that make a suspect step divide by zero or overflow:
/// domain corners, the program's constants and their neighbours, then seeded random points. Deterministic.
/// </summary>
internal static class WitnessSearch
{
    /// <summary>Bounds the work per program so analysis stays interactive: evaluations times steps.</summary>
    public const int WorkBudget = 2_000_000;

    /// <summary>For each step and hazard found, a description of the inputs that trigger it ("a = 3, b = 0").</summary>
    public static Dictionary<(int Step, StepHazard Hazard), string> Find(StepProgram program, StepHazard[] suspects, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(int, StepHazard), string>();
        var wanted = 0;
        foreach (var suspect in suspects)
        {
            wanted += suspect.HasFlag(StepHazard.DivideByZero) ? 1 : 0;
            wanted += suspect.HasFlag(StepHazard.Overflow) ? 1 : 0;
        }

        if (wanted == 0)
        {
            return found;
        }

        var candidates = program.Parameters.Select(p => Candidates(p, program)).ToArray();
        var maxEvaluations = Math.Max(64, Math.Min(4096, WorkBudget / Math.Max(1, program.Steps.Count)));
        long product = 1;
        foreach (var list in candidates)
        {
            product = Math.Min(long.MaxValue / 64, product * list.Count);
        }

        var random = new SplitMix64(20241124);
        var inputs = new Value[candidates.Length];
        for (var evaluation = 0; evaluation < maxEvaluations && found.Count < wanted; evaluation++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (product <= maxEvaluations)
            {
                if (evaluation >= product)
                {
                    break;
                }

                // Every combination of candidates, in mixed radix.
                var rest = (long)evaluation;
                for (var p = 0; p < candidates.Length; p++)
                {
                    inputs[p] = candidates[p][(int)(rest % candidates[p].Count)];
                    rest /= candidates[p].Count;
                }
            }
            else
            {
                for (var p = 0; p < candidates.Length; p++)
                {
                    inputs[p] = random.Chance(0.8) ? random.Pick(candidates[p]) : RandomIn(program.Parameters[p], ref random);
                }
            }

            var hazards = Hazards(program, inputs);
            for (var i = 0; i < hazards.Length; i++)
            {
                foreach (var hazard in new[] { StepHazard.DivideByZero, StepHazard.Overflow })
                {
                    if (suspects[i].HasFlag(hazard) && hazards[i].HasFlag(hazard) && !found.ContainsKey((i, hazard)))
                    {
                        found[(i, hazard)] = Describe(program, inputs);
                    }
                }
            }
        }

        return found;
    }

    private static List<Value> Candidates(Parameter parameter, StepProgram program)
    {
        var domain = parameter.Domain!;
        if (parameter.Kind == ValueKind.Double)
        {
            var mid = (domain.Min + domain.Max) / 2;
            return new[] { domain.Min, domain.Max, 0m, 1m, -1m, mid }
                .Where(v => v >= domain.Min && v <= domain.Max)
                .Distinct()
                .Select(v => Value.FromDouble((double)v))
                .ToList();
        }

        var min = (long)Math.Max(long.MinValue, Math.Ceiling(domain.Min));
        var max = (long)Math.Min(long.MaxValue, Math.Floor(domain.Max));
        var values = new List<long>();
        if ((decimal)max - min <= 64)
        {
            for (var v = min; v <= max && v >= min; v++)
            {
                values.Add(v);
            }
        }
        else
        {
            values.AddRange([min, max, 0, 1, -1, 2, -2, min + 1, max - 1, (long)(((decimal)min + max) / 2)]);
            foreach (var constant in Constants(program))
            {
                values.AddRange([constant, constant + 1, constant - 1, -constant]);
            }
        }

        return values.Where(v => v >= min && v <= max).Distinct().Select(Value.FromInt64).ToList();
    }

    private static IEnumerable<long> Constants(StepProgram program)
    {
        var constants = new HashSet<long>();
        void Walk(Expr expression)
        {
            switch (expression)
            {
                case Constant { Kind: ValueKind.Int64 } constant when constants.Count < 32:
                    constants.Add(constant.Value.AsInt64);
                    break;
                case Unary unary:
                    Walk(unary.Operand);
                    break;
                case Binary binary:
                    Walk(binary.Left);
                    Walk(binary.Right);
                    break;
                case Conditional conditional:
                    Walk(conditional.Left);
                    Walk(conditional.Right);
                    Walk(conditional.WhenTrue);
                    Walk(conditional.WhenFalse);
                    break;
            }
        }

        foreach (var step in program.Steps)
        {
            Walk(step.Expression);
        }

        return constants.Where(c => c > long.MinValue + 1 && c < long.MaxValue - 1);
    }

    private static Value RandomIn(Parameter parameter, ref SplitMix64 random)
    {
        var domain = parameter.Domain!;
        var fraction = (decimal)((random.NextUInt64() >> 11) * (1.0 / (1UL << 53)));
        var value = domain.Min + ((domain.Max - domain.Min) * fraction);
        return parameter.Kind == ValueKind.Double
            ? Value.FromDouble((double)value)
            : Value.FromInt64((long)Math.Max(Math.Ceiling(domain.Min), Math.Min(Math.Floor(domain.Max), Math.Round(value))));
    }

    /// <summary>What each step hit on these inputs: the fault that stopped the program there, or an unchecked wrap-around.</summary>
    private static StepHazard[] Hazards(StepProgram program, Value[] inputs)
    {
        var hazards = new StepHazard[program.Steps.Count];
        var trace = ReferenceEvaluator.Evaluate(program, inputs, step =>
        {
            if (step < hazards.Length)
            {
                hazards[step] |= StepHazard.Overflow;
            }
        });
        if (trace.Fault is { StepIndex: >= 0 } fault && fault.StepIndex < hazards.Length)
        {
            hazards[fault.StepIndex] |= fault.Kind switch
            {
                FaultKind.DivideByZero => StepHazard.DivideByZero,
                FaultKind.Overflow => StepHazard.Overflow,
                _ => StepHazard.None,
            };
        }

        return hazards;
    }

    private static string Describe(StepProgram program, Value[] inputs) => string.Join(
        ", ",
        program.Parameters.Select((p, i) => p.Name + " = " + inputs[i]));
}
