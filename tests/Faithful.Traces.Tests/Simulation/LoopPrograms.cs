using Faithful.Model;

namespace Faithful.Traces.Tests.Simulation;

/// <summary>
/// Programs shaped like the real loop corpus (shared/realdata/codesim-loops): <c>long n_k = literal;</c> declarations
/// (given values), then constant <c>for</c> loops, nested or one after another, whose bodies are <c>n_k op= literal</c>,
/// unrolled into steps; the answer is the sum of every variable's final value.
/// </summary>
internal static class LoopPrograms
{
    private static readonly (BinaryOp Op, string Symbol)[] Operators = [(BinaryOp.Add, "+="), (BinaryOp.Subtract, "-="), (BinaryOp.Multiply, "*=")];

    /// <summary>A loop program: <paramref name="variables"/> variables, loops nested (or sequential) with the given bound.</summary>
    public static StepProgram Generate(int seed, int variables, int bound, bool nested)
    {
        var random = new Random(seed);
        var steps = new List<Step>();
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < variables; v++)
        {
            var name = $"n_{v}";
            var initial = random.Next(-1, 2);
            Add(steps, last, versions, name, new Constant(Value.FromInt64(initial)), $"long {name} = {initial};");
        }

        var body = new List<(string Name, BinaryOp Op, long Literal, string Source)>();
        for (var v = 0; v < variables; v++)
        {
            var (op, symbol) = Operators[random.Next(Operators.Length)];
            long literal = op == BinaryOp.Multiply ? (random.Next(2) == 0 ? -1 : 2) : random.Next(1, 3) * (random.Next(2) == 0 ? 1 : -1);
            body.Add(($"n_{v}", op, literal, $"n_{v} {symbol} {literal};"));
        }

        if (nested)
        {
            Nest(steps, last, versions, body, 0, bound);
        }
        else
        {
            foreach (var statement in body)
            {
                for (var i = 0; i < bound; i++)
                {
                    Write(steps, last, versions, statement);
                }
            }
        }

        // Unique names: a variable written once keeps its own name, others are versioned (n_0#2).
        var counts = steps.GroupBy(s => s.Variable).ToDictionary(g => g.Key, g => g.Count());
        var named = steps.Select(s => s with { Name = counts[s.Variable] == 1 ? s.Variable : $"{s.Variable}#{s.Version}" }).ToList();
        Expr result = new Ref(last["n_0"], ValueKind.Int64);
        for (var v = 1; v < variables; v++)
        {
            result = new Binary(BinaryOp.Add, result, new Ref(last[$"n_{v}"], ValueKind.Int64), ValueKind.Int64);
        }

        return new StepProgram(
            $"Loop_V{variables}_N{bound}_{(nested ? "nested" : "flat")}_S{seed}",
            "",
            EquatableArray<Parameter>.Empty,
            named.ToEquatableArray(),
            result,
            "sum");
    }

    // for (...) { n_level op= k; <the next level> }
    private static void Nest(List<Step> steps, Dictionary<string, int> last, Dictionary<string, int> versions, List<(string Name, BinaryOp Op, long Literal, string Source)> body, int level, int bound)
    {
        if (level >= body.Count)
        {
            return;
        }

        for (var i = 0; i < bound; i++)
        {
            Write(steps, last, versions, body[level]);
            Nest(steps, last, versions, body, level + 1, bound);
        }
    }

    private static void Write(List<Step> steps, Dictionary<string, int> last, Dictionary<string, int> versions, (string Name, BinaryOp Op, long Literal, string Source) statement) =>
        Add(steps, last, versions, statement.Name, new Binary(statement.Op, new Ref(last[statement.Name], ValueKind.Int64), new Constant(Value.FromInt64(statement.Literal)), ValueKind.Int64), statement.Source);

    private static void Add(List<Step> steps, Dictionary<string, int> last, Dictionary<string, int> versions, string variable, Expr expression, string source)
    {
        var version = versions.GetValueOrDefault(variable) + 1;
        versions[variable] = version;
        steps.Add(new Step(steps.Count, variable, variable, version, ValueKind.Int64, expression, source, 0));
        last[variable] = steps.Count - 1;
    }
}
