using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Faithful.Model;

namespace Faithful.Traces.Parsing;

/// <summary>
/// What the parser knows and how much it reads. With a program (<see cref="ForProgram"/>) it knows the names of
/// inputs, variables and steps, so prose words are never mistaken for names and a single-assignment step claimed
/// again with another value starts a new attempt.
/// </summary>
/// <param name="Answers">How final answers are marked.</param>
/// <param name="KnownNames">Input, variable and step names; null reads any letters-then-digits identifier as a name.</param>
/// <param name="SingleWriteNames">Names written exactly once (<c>s3</c>); a second, different value for one is a restart.</param>
/// <param name="MaxCharacters">Characters read; the rest is ignored and the trace marked truncated.</param>
/// <param name="MaxLines">Lines read; the rest is ignored and the trace marked truncated.</param>
/// <param name="MaxLineLength">Characters read per line; a longer line is cut and reported.</param>
/// <param name="MaxIssues">Issues listed; further ones are counted in one closing issue.</param>
public sealed record TraceParserOptions(
    AnswerExtraction Answers,
    EquatableArray<string>? KnownNames = null,
    EquatableArray<string> SingleWriteNames = default,
    int MaxCharacters = 256 * 1024,
    int MaxLines = 8192,
    int MaxLineLength = 2048,
    int MaxIssues = 200)
{
    public static TraceParserOptions Default { get; } = new(AnswerExtraction.Default);

    /// <summary>
    /// Names whose value is given rather than computed: the inputs (value unknown here) and variables declared with a
    /// literal (<c>long n_0 = 1;</c>, value known). Restating one executes nothing.
    /// </summary>
    public EquatableArray<GivenName> GivenNames { get; init; } = EquatableArray<GivenName>.Empty;

    /// <summary>The variable each step writes, in step order (empty for a given step): list numbers are fitted to it.</summary>
    public EquatableArray<string> StepVariables { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The variable whose final value is the answer, when the answer is one variable; a readout of it may answer.</summary>
    public string? AnswerVariable { get; init; }

    /// <summary>Whether the answer adds up the final values of several variables.</summary>
    public bool AnswerIsSum { get; init; }

    /// <summary>How many variables the answer reads (a total of more values than this is not the answer's sum).</summary>
    public int AnswerVariableCount { get; init; }

    /// <summary>Options for replies to <paramref name="program"/>, with the given answer settings (default: every built-in style).</summary>
    public static TraceParserOptions ForProgram(StepProgram program, AnswerExtraction? answers = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        answers ??= AnswerExtraction.Default;

        // Replies to one program come one after another: the same options (and with them the parser's name tables,
        // cached per options) serve every reply with equal answer settings instead of being rebuilt per reply.
        var recent = RecentOptions.GetValue(program, static _ => new List<TraceParserOptions>());
        lock (recent)
        {
            foreach (var options in recent)
            {
                if (options.Answers.Equals(answers))
                {
                    return options;
                }
            }
        }

        var built = Build(program, answers);
        lock (recent)
        {
            if (recent.Count >= MaxRecentOptions)
            {
                recent.RemoveAt(0);
            }

            recent.Add(built);
        }

        return built;
    }

    private const int MaxRecentOptions = 8;

    private static readonly ConditionalWeakTable<StepProgram, List<TraceParserOptions>> RecentOptions = new();

    private static TraceParserOptions Build(StepProgram program, AnswerExtraction answers)
    {
        // Each name once, in first-seen order: a loop's variable is written by thousands of unrolled steps.
        var known = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Know(string name)
        {
            if (seen.Add(name))
            {
                known.Add(name);
            }
        }

        foreach (var parameter in program.Parameters)
        {
            Know(parameter.Name);
        }

        var single = new List<string>();
        string? lastVariable = null;
        foreach (var step in program.Steps)
        {
            // A versioned step name (n_0#17) is its variable's name and a version: the reader resolves it through the
            // variable (NameRules.Resolve), so an unrolled loop's 10,000 versions are not 10,000 known names. A step
            // writing the variable the step before wrote (the same string) is known already.
            if (!ReferenceEquals(step.Variable, lastVariable))
            {
                Know(step.Variable);
                lastVariable = step.Variable;
            }

            if (!step.Name.Contains('#', StringComparison.Ordinal))
            {
                Know(step.Name);
            }

            if (step.Name == step.Variable)
            {
                single.Add(step.Name);
            }
        }

        var given = program.Parameters.Select(p => new GivenName(p.Name, null)).ToList();
        // Written straight into the array the options wrap: a 10,000-step loop has 10,000 entries.
        var stepVariables = new string[program.Steps.Count];
        for (var s = 0; s < stepVariables.Length; s++)
        {
            // A declaration's literal initial value is given, not computed: list numbers never count it as a step.
            var step = program.Steps[s];
            if (step.Expression is Constant constant && step.Version == 1 && !IsGiven(given, step.Variable))
            {
                given.Add(new GivenName(step.Variable, constant.Value));
                stepVariables[s] = "";
                continue;
            }

            stepVariables[s] = step.Variable;
        }

        var answerSlots = new List<int>();
        LookBack.CollectReads(program.Result, answerSlots);
        var answerVariables = answerSlots.Select(slot => slot < program.Parameters.Count ? program.Parameters[slot].Name : program.Steps[slot - program.Parameters.Count].Variable)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new TraceParserOptions(
            answers,
            known.ToEquatableArray(),
            single.ToEquatableArray())
        {
            GivenNames = given.ToEquatableArray(),
            StepVariables = new EquatableArray<string>(ImmutableCollectionsMarshal.AsImmutableArray(stepVariables)),
            AnswerVariable = program.Result is Ref && answerVariables.Count == 1 ? answerVariables[0] : null,
            AnswerIsSum = answerVariables.Count >= 2 && ReturnSum.Operands(program.Result) is not null,
            AnswerVariableCount = answerVariables.Count,
        };
    }

    // Not a lambda over the loop's step: a closure capturing it was allocated for every unrolled step.
    private static bool IsGiven(List<GivenName> given, string variable)
    {
        foreach (var name in given)
        {
            if (name.Name == variable)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A name whose value is given (an input, or a variable declared with a literal), with the literal when known.</summary>
public sealed record GivenName(string Name, Value? Value);
