using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Protocols.Turns;

/// <summary>
/// The trace a multi-turn conversation amounts to: for each step, the claim of the turn that was asked to execute
/// it (a value the model restates later, e.g. after a correction, does not overwrite it), and the final answer of
/// the turn that asked for it. Scored as one reply through the ordinary parser and scorer.
/// </summary>
internal sealed class AssembledTrace(StepProgram program)
{
    private readonly ParsedClaim?[] _claims = new ParsedClaim?[program.Steps.Count];
    private ParsedAnswer? _answer;

    /// <summary>Reads turn claims for steps <c>[from, to)</c> from a reply and keeps them; returns them, null where a step has none.</summary>
    public ParsedClaim?[] Take(string reply, int from, int to)
    {
        var parsed = TraceParser.Parse(reply, program);
        var claims = ClaimsFor(program, parsed, from, to);
        for (var i = 0; i < claims.Length; i++)
        {
            _claims[from + i] = claims[i];
        }

        return claims;
    }

    /// <summary>Keeps the first readable-or-not final answer of a reply (the answer turn's first answer).</summary>
    public void TakeAnswer(string reply) => _answer = TraceParser.Parse(reply, program).FirstAnswer;

    /// <summary>The value claimed for a step, as a value of the step's kind; null when none was readable.</summary>
    public Value? ValueOf(int step) => ToValue(_claims[step], program.Steps[step].Kind);

    /// <summary>The trace as one reply: <c>name = value</c> per claimed step, then the answer line.</summary>
    public string Text()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < _claims.Length; i++)
        {
            if (_claims[i]?.Value is { } value)
            {
                text.Append(program.Steps[i].Variable).Append(" = ").Append(value.Text).Append('\n');
            }
        }

        if (_answer is { } answer)
        {
            text.Append(answer.Value is { } v ? "Final answer: " + v.Text : answer.Text).Append('\n');
        }

        return text.ToString();
    }

    public TraceVerdict Score(Trace truth, ScoringOptions? options = null) =>
        CaseScorer.Score(truth, TraceParser.Parse(Text(), program), options);

    /// <summary>
    /// The claims of a turn for steps <c>[from, to)</c>, matched in order by step name or variable (by number when a line gives no name); a step
    /// claimed twice in a row (a correction inside the turn) keeps its later claim. Restated earlier steps are skipped.
    /// </summary>
    public static ParsedClaim?[] ClaimsFor(StepProgram program, ParsedTrace parsed, int from, int to)
    {
        var result = new ParsedClaim?[Math.Max(0, to - from)];
        var claims = parsed.Claims;
        var next = 0;
        for (var step = from; step < to; step++)
        {
            for (var k = next; k < claims.Count; k++)
            {
                if (!Names(program, step, claims[k]))
                {
                    continue;
                }

                result[step - from] = claims[k];
                next = k + 1;
                while (next < claims.Count && Names(program, step, claims[next]) && !(step + 1 < to && Names(program, step + 1, claims[next])))
                {
                    result[step - from] = claims[next];
                    next++;
                }

                break;
            }
        }

        return result;
    }

    public static Value? ToValue(ParsedClaim? claim, ValueKind kind) => claim?.Value switch
    {
        null => null,
        { } v when kind == ValueKind.Int64 => v.Int64 is { } whole ? Value.FromInt64(whole) : null,
        { } v => Value.FromDouble(v.Real),
    };

    private static bool Names(StepProgram program, int step, ParsedClaim claim)
    {
        // A name says which step more surely than a number (a turn may number its own lines from 1).
        var s = program.Steps[step];
        return claim.Name is { } name ? name == s.Name || name == s.Variable : claim.StepNumber == s.Number;
    }
}
