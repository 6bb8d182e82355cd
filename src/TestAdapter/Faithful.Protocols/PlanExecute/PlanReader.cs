using System.Text.RegularExpressions;
using Faithful.Model;

namespace Faithful.Protocols.PlanExecute;

/// <summary>A plan read into a program, or why it could not be.</summary>
public sealed record PlanReadResult(StepProgram? Program, int Statements, string? Problem);

/// <summary>
/// Reads a plan (C# statements over the inputs, one per step, then <c>return …;</c>) into a <see cref="StepProgram"/>
/// with the case program's parameters, so Faithful can check and execute it. Takes <c>var/long/double x = …;</c>,
/// <c>x op= …;</c> and <c>x++;</c>/<c>x--;</c>, ignores prose, fences, bullets and comments. Never throws on any reply.
/// </summary>
public static partial class PlanReader
{
    /// <summary>Most statements read from one plan.</summary>
    public const int MaxStatements = 4096;

    public static PlanReadResult Read(string reply, StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var statements = new List<(int Line, string Variable, string? Operator, string Expression)>();
        string? returned = null;
        var lineNumber = 0;
        foreach (var raw in (reply ?? "").Split('\n'))
        {
            lineNumber++;
            var line = Clean(raw);
            if (ReturnLine().Match(line) is { Success: true } r)
            {
                returned = r.Groups["expr"].Value.Trim();
                break;
            }

            if (Increment().Match(line) is { Success: true } inc)
            {
                statements.Add((lineNumber, inc.Groups["name"].Value, inc.Groups["op"].Value == "++" ? "+" : "-", "1"));
            }
            else if (Assignment().Match(line) is { Success: true } a)
            {
                var op = a.Groups["op"].Value;
                statements.Add((lineNumber, a.Groups["name"].Value, op.Length == 0 ? null : op, a.Groups["expr"].Value.Trim()));
            }

            if (statements.Count > MaxStatements)
            {
                return new PlanReadResult(null, statements.Count, $"the plan has more than {MaxStatements} statements");
            }
        }

        if (statements.Count == 0)
        {
            return new PlanReadResult(null, 0, "no statement of the form `name = expression;` was found");
        }

        try
        {
            return new PlanReadResult(Build(program, statements, returned), statements.Count, null);
        }
        catch (FormatException e)
        {
            return new PlanReadResult(null, statements.Count, e.Message);
        }
    }

    private static StepProgram Build(StepProgram program, List<(int Line, string Variable, string? Operator, string Expression)> statements, string? returned)
    {
        var parameterCount = program.Parameters.Count;
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, ValueKind>(StringComparer.Ordinal);
        for (var p = 0; p < parameterCount; p++)
        {
            current[program.Parameters[p].Name] = p;
            kinds[program.Parameters[p].Name] = program.Parameters[p].Kind;
        }

        var writes = statements.GroupBy(s => s.Variable, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = new List<Step>(statements.Count);
        Ref? Resolve(string name) => current.TryGetValue(name, out var slot) ? new Ref(slot, kinds[name]) : null;
        foreach (var (line, variable, op, text) in statements)
        {
            Expr expression;
            try
            {
                expression = PlanExpressionParser.Parse(text, Resolve);
                if (op is not null)
                {
                    var target = Resolve(variable) ?? throw new FormatException($"'{variable} {op}=' updates a variable that has no value yet");
                    expression = Compound(op, target, expression);
                }
            }
            catch (FormatException e)
            {
                throw new FormatException($"plan line {line}: {e.Message}", e);
            }

            // A variable keeps the type it was declared with; a value of the other type is converted as C# would.
            var kind = kinds.TryGetValue(variable, out var declared) ? declared : expression.Kind;
            if (expression.Kind != kind)
            {
                expression = new Unary(kind == ValueKind.Double ? UnaryOp.ToDouble : UnaryOp.ToInt64, expression, kind);
            }

            var version = versions[variable] = versions.GetValueOrDefault(variable) + 1;
            var isParameter = program.Parameters.Any(p => p.Name == variable);
            var name = writes[variable] == 1 && !isParameter ? variable : $"{variable}#{version}";
            steps.Add(new Step(steps.Count, name, variable, version, kind, expression, $"{variable} {(op is null ? "=" : op + "=")} {text};", line));
            current[variable] = parameterCount + steps.Count - 1;
            kinds[variable] = kind;
        }

        Expr result;
        string resultText;
        if (returned is not null)
        {
            try
            {
                result = PlanExpressionParser.Parse(returned, Resolve);
            }
            catch (FormatException e)
            {
                throw new FormatException($"the return statement: {e.Message}", e);
            }

            resultText = returned;
        }
        else
        {
            // No return written: the plan answers with the variable the program returns.
            var answerVariable = program.ResultSlot is { } slot ? Traces.Prompts.StepDisplay.VariableOf(program, slot) : null;
            result = (answerVariable is null ? null : Resolve(answerVariable)) ?? throw new FormatException("the plan has no `return …;` statement");
            resultText = answerVariable!;
        }

        return new StepProgram(program.Name + "_Plan", "plan written by the model", program.Parameters, steps.ToEquatableArray(), result, resultText, program.ContainingType);
    }

    private static Binary Compound(string op, Ref target, Expr operand)
    {
        var binary = op switch
        {
            "+" => BinaryOp.Add,
            "-" => BinaryOp.Subtract,
            "*" => BinaryOp.Multiply,
            "/" => BinaryOp.Divide,
            "%" => BinaryOp.Remainder,
            "&" => BinaryOp.BitwiseAnd,
            "|" => BinaryOp.BitwiseOr,
            "^" => BinaryOp.ExclusiveOr,
            "<<" => BinaryOp.ShiftLeft,
            ">>" => BinaryOp.ShiftRight,
            _ => throw new FormatException($"'{op}=' is not a compound assignment a step may use"),
        };
        if (binary is BinaryOp.ShiftLeft or BinaryOp.ShiftRight)
        {
            return new Binary(binary, target, operand, target.Kind);
        }

        // C# computes in the wider type; the step converts back to the variable's own.
        Expr left = target;
        var right = operand;
        if (left.Kind == ValueKind.Double && right.Kind != ValueKind.Double)
        {
            right = new Unary(UnaryOp.ToDouble, right, ValueKind.Double);
        }
        else if (left.Kind != ValueKind.Double && right.Kind == ValueKind.Double)
        {
            left = new Unary(UnaryOp.ToDouble, left, ValueKind.Double);
        }

        return new Binary(binary, left, right, left.Kind);
    }

    // Markdown bullets, numbering, "Step 3:", backticks and trailing comments are decoration around a statement.
    private static string Clean(string line)
    {
        var text = line.Replace("`", "", StringComparison.Ordinal).Trim();
        var comment = text.IndexOf("//", StringComparison.Ordinal);
        if (comment >= 0)
        {
            text = text[..comment].Trim();
        }

        return Decoration().Replace(text, "").Trim();
    }

    [GeneratedRegex(@"^(?:[-*+•]\s+|\d+[.)]\s+|step\s+\d+\s*[:.)-]\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decoration();

    [GeneratedRegex(@"^return\s+(?<expr>[^;]+);?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReturnLine();

    [GeneratedRegex(@"^(?:(?:var|long|double|int)\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?<op><<|>>|[-+*/%&|^])?=(?!=)\s*(?<expr>[^;]+);?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^(?:(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?<op>\+\+|--)|(?<op>\+\+|--)\s*(?<name>[A-Za-z_][A-Za-z0-9_]*))\s*;?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Increment();
}
