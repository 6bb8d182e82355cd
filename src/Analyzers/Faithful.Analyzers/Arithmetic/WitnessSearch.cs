using System.Globalization;
using Faithful.Analyzers.Extraction;

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
    public static Dictionary<(int Step, StepHazard Hazard), string> Find(ProgramModel program, StepHazard[] suspects, CancellationToken cancellationToken)
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
        var inputs = new ConcreteValue[candidates.Length];
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
                    inputs[p] = random.NextDouble() < 0.8 ? candidates[p][random.Next(candidates[p].Count)] : RandomIn(program.Parameters[p], random);
                }
            }

            var hazards = ConcreteEvaluator.Run(program, inputs);
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

    private static List<ConcreteValue> Candidates(ParameterModel parameter, ProgramModel program)
    {
        var domain = parameter.Domain!;
        if (parameter.Kind == ModelValueKind.Double)
        {
            var mid = (domain.Min + domain.Max) / 2;
            return new[] { domain.Min, domain.Max, 0m, 1m, -1m, mid }
                .Where(v => v >= domain.Min && v <= domain.Max)
                .Distinct()
                .Select(v => ConcreteValue.Of((double)v))
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

        return values.Where(v => v >= min && v <= max).Distinct().Select(ConcreteValue.Of).ToList();
    }

    private static IEnumerable<long> Constants(ProgramModel program)
    {
        var constants = new HashSet<long>();
        void Walk(ExprModel expression)
        {
            switch (expression)
            {
                case ConstantModel { Kind: ModelValueKind.Int64 } constant when constants.Count < 32:
                    constants.Add(constant.Bits);
                    break;
                case UnaryModel unary:
                    Walk(unary.Operand);
                    break;
                case BinaryModel binary:
                    Walk(binary.Left);
                    Walk(binary.Right);
                    break;
                case ConditionalModel conditional:
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

    private static ConcreteValue RandomIn(ParameterModel parameter, SplitMix64 random)
    {
        var domain = parameter.Domain!;
        var fraction = (decimal)random.NextDouble();
        var value = domain.Min + ((domain.Max - domain.Min) * fraction);
        return parameter.Kind == ModelValueKind.Double
            ? ConcreteValue.Of((double)value)
            : ConcreteValue.Of((long)Math.Max(Math.Ceiling(domain.Min), Math.Min(Math.Floor(domain.Max), Math.Round(value))));
    }

    private static string Describe(ProgramModel program, ConcreteValue[] inputs) => string.Join(
        ", ",
        program.Parameters.Select((p, i) => p.Name + " = " + (inputs[i].IsDouble
            ? inputs[i].Double.ToString("R", CultureInfo.InvariantCulture)
            : inputs[i].Long.ToString(CultureInfo.InvariantCulture))));
}
