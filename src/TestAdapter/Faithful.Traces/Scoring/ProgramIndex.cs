using System.Runtime.CompilerServices;
using Faithful.Model;

namespace Faithful.Traces.Scoring;

/// <summary>Name lookups for a program, built once per program instance and shared by every alignment of it.</summary>
internal sealed class ProgramIndex
{
    private static readonly ConditionalWeakTable<StepProgram, ProgramIndex> Cache = new();

    private readonly Dictionary<string, int[]> _writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _givenStep = new(StringComparer.Ordinal);

    // Steps by name: plain names (s3, n_0) in a table; a versioned name (n_0#17) through its variable's writes, so an
    // unrolled loop's thousands of versions are not a table of strings.
    private readonly Dictionary<string, int> _stepByPlainName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _everyWrite = new(StringComparer.Ordinal);
    private readonly EquatableArray<Step> _steps;

    private ProgramIndex(StepProgram program)
    {
        Replay = new ExpressionReplay(program);
        _steps = program.Steps;
        for (var p = 0; p < program.Parameters.Count; p++)
        {
            _parameters[program.Parameters[p].Name] = p;
        }

        IsGiven = new bool[program.Steps.Count];
        Operators = new int[program.Steps.Count];
        OperatorOf = new char[program.Steps.Count];
        PreviousVersion = new int[program.Steps.Count];
        // One lookup per step for everything kept per variable (an unrolled loop has thousands of steps and few variables).
        var byVariable = new Dictionary<string, VariableSteps>(StringComparer.Ordinal);
        var variables = new List<VariableSteps>();
        var variableOfStep = new int[program.Steps.Count];
        var versioned = new bool[program.Steps.Count];
        // An unrolled loop writes the same variable many steps running, with the same string: those skip the lookup.
        string? lastName = null;
        VariableSteps? variable = null;
        foreach (var step in program.Steps)
        {
            if (!ReferenceEquals(step.Variable, lastName) || variable is null)
            {
                if (!byVariable.TryGetValue(step.Variable, out variable))
                {
                    byVariable[step.Variable] = variable = new VariableSteps(variables.Count);
                    variables.Add(variable);
                }

                lastName = step.Variable;
            }

            variableOfStep[step.Index] = variable.Id;

            if (step.Name.Contains('#', StringComparison.Ordinal))
            {
                versioned[step.Index] = true;
                variable.VersionCount++;
            }
            else
            {
                _stepByPlainName[step.Name] = step.Index;
            }

            PreviousVersion[step.Index] = variable.Last;
            variable.Last = step.Index;
            Operators[step.Index] = CountOperators(step.Expression);
            OperatorOf[step.Index] = step.Expression is Binary root ? Symbol(root.Op) : '\0';
            if (step.Expression is Constant && step.Version == 1 && !_parameters.ContainsKey(step.Variable))
            {
                IsGiven[step.Index] = true;
                _givenStep[step.Variable] = step.Index;
                GivenCount++;
                continue;
            }

            variable.WriteCount++;
        }

        // The write lists, each allocated at its size and filled in step order (growing lists of 10,000 steps left
        // three times their size in garbage).
        foreach (var kept in variables)
        {
            kept.EveryWrite = kept.VersionCount > 0 ? new int[kept.VersionCount] : null;
            kept.Writes = kept.WriteCount > 0 ? new int[kept.WriteCount] : null;
            kept.VersionCount = kept.WriteCount = 0;
        }

        foreach (var step in program.Steps)
        {
            var kept = variables[variableOfStep[step.Index]];
            if (versioned[step.Index])
            {
                kept.EveryWrite![kept.VersionCount++] = step.Index;
            }

            if (!IsGiven[step.Index])
            {
                kept.Writes![kept.WriteCount++] = step.Index;
            }
        }

        foreach (var (name, kept) in byVariable)
        {
            if (kept.EveryWrite is { } versions)
            {
                _everyWrite[name] = versions;
            }

            if (kept.Writes is { } writes)
            {
                _writes[name] = writes;
            }
        }

        LastStep = Array.LastIndexOf(IsGiven, false);
        RunEnd = RunEnds(program, variableOfStep, variables);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        // An unrolled loop's steps share their statement's text: trim it once per distinct text, not once per step; the
        // steps of one statement share the same string, so it is looked up by reference first (no hashing of its text).
        var idOfText = new Dictionary<string, int>(StringComparer.Ordinal);
        var idOfInstance = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        StatementOfStep = new int[program.Steps.Count];
        string? lastText = null;
        var lastId = -1;
        foreach (var step in program.Steps)
        {
            if (ReferenceEquals(step.SourceText, lastText))
            {
                StatementOfStep[step.Index] = lastId;
                continue;
            }

            if (idOfInstance.TryGetValue(step.SourceText, out var id))
            {
                StatementOfStep[step.Index] = lastId = id;
                lastText = step.SourceText;
                continue;
            }

            if (!idOfText.TryGetValue(step.SourceText, out id))
            {
                var statement = step.SourceText.TrimEnd(';').Trim();
                if (!ids.TryGetValue(statement, out id))
                {
                    id = ids.Count;
                    ids.Add(statement, id);
                }

                idOfText.Add(step.SourceText, id);
            }

            idOfInstance.Add(step.SourceText, id);
            StatementOfStep[step.Index] = lastId = id;
            lastText = step.SourceText;
        }

        Statements = new string[ids.Count];
        StatementSignatures = new ulong[ids.Count];
        AddedPerRun = new long?[ids.Count];
        foreach (var (statement, id) in ids)
        {
            Statements[id] = statement;
            StatementSignatures[id] = CharacterSignature.Of(statement);
            AddedPerRun[id] = Added(statement);
        }
    }

    // "n_2 -= 2" adds -2 each time it runs; null for any other statement.
    private static long? Added(string statement)
    {
        var plus = statement.IndexOf("+=", StringComparison.Ordinal);
        var at = plus >= 0 ? plus : statement.IndexOf("-=", StringComparison.Ordinal);
        if (at < 0 || !long.TryParse(statement.AsSpan(at + 2).Trim().TrimEnd(';'), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var literal) || literal == 0)
        {
            return null;
        }

        return plus >= 0 ? literal : -literal;
    }

    // What the index keeps per variable while it reads the steps.
    private sealed class VariableSteps(int id)
    {
        /// <summary>The variable's place among the program's variables, in order of first write.</summary>
        public int Id { get; } = id;

        public int Last { get; set; } = -1;

        /// <summary>Computed (not given) writes: counted on the first pass, then the fill position of <see cref="Writes"/>.</summary>
        public int WriteCount { get; set; }

        /// <summary>Steps with a versioned name: counted on the first pass, then the fill position of <see cref="EveryWrite"/>.</summary>
        public int VersionCount { get; set; }

        public int[]? Writes { get; set; }

        public int[]? EveryWrite { get; set; }
    }

    /// <summary>
    /// Whether a write ends a run of its variable: it is the variable's last write, or before its next one a statement
    /// of the same or an outer loop (one that runs no more often) writes something else. A loop summary ("after the inner
    /// loop n_1 = 7") states the value at a run's end.
    /// </summary>
    public bool[] RunEnd { get; }

    /// <summary>The distinct statements of the program, as written (without the semicolon).</summary>
    public string[] Statements { get; }

    /// <summary>What each statement of <see cref="Statements"/> adds each time it runs, for <c>+=</c> and <c>-=</c> by a literal; else null.</summary>
    public long?[] AddedPerRun { get; }

    /// <summary>The <see cref="CharacterSignature"/> of each statement of <see cref="Statements"/>.</summary>
    public ulong[] StatementSignatures { get; }

    /// <summary>Each step's statement, an index into <see cref="Statements"/>.</summary>
    public int[] StatementOfStep { get; }

    public static ProgramIndex For(StepProgram program) => Cache.GetValue(program, static p => new ProgramIndex(p));

    /// <summary>Replays of this program's expressions; safe to share across threads (probes are built idempotently).</summary>
    public ExpressionReplay Replay { get; }

    /// <summary>The step named <paramref name="name"/> (<c>s3</c>, <c>n_0</c>, <c>n_0#17</c>), if the program has one.</summary>
    public bool TryGetStep(string name, out int stepIndex)
    {
        if (_stepByPlainName.TryGetValue(name, out stepIndex))
        {
            return true;
        }

        // n_0#17 is normally the 17th write of n_0 (versions count every write, 1 first); any other numbering is searched.
        var hash = StepNames.VersionMark(name);
        if (hash <= 0 || !_everyWrite.TryGetValue(name[..hash], out var versions))
        {
            stepIndex = -1;
            return false;
        }

        if (int.TryParse(name.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            && version >= 1 && version <= versions.Length && _steps[versions[version - 1]].Name == name)
        {
            stepIndex = versions[version - 1];
            return true;
        }

        // A loop, not Array.FindIndex with a lambda: capturing `name` would cost an allocation on every call, the
        // common first lookup above included (the aligner asks once per claim).
        foreach (var write in versions)
        {
            if (_steps[write].Name == name)
            {
                stepIndex = write;
                return true;
            }
        }

        stepIndex = -1;
        return false;
    }

    /// <summary>
    /// Steps whose value is given, not computed: a declaration's literal initial value (<c>long n_0 = 1;</c>), reading no
    /// other value. Restating one is an input echo; leaving it out skips nothing.
    /// </summary>
    public bool[] IsGiven { get; }

    public int GivenCount { get; }

    /// <summary>The last step that is computed (not given), or -1.</summary>
    public int LastStep { get; }

    /// <summary>Binary and unary operators in each step's expression: a claim whose work shows more merged several statements.</summary>
    public int[] Operators { get; }

    /// <summary>The operator at the root of each step's expression ('+' for <c>a3 += a2</c>, '&lt;' for a left shift), or '\0'.</summary>
    public char[] OperatorOf { get; }

    /// <summary>The step that wrote the same variable before each step, or -1 (an input or none).</summary>
    public int[] PreviousVersion { get; }

    /// <summary>Whether a name is a parameter or a variable some step writes.</summary>
    public bool IsVariable(string name) => _writes.ContainsKey(name) || _parameters.ContainsKey(name) || _givenStep.ContainsKey(name);

    /// <summary>The computed (not given) steps that write <paramref name="variable"/>, in order; empty when none.</summary>
    /// <remarks>The index's own array, returned without a copy for the aligner's per-cell loops: read it, never write it.</remarks>
    public int[] Writes(string variable) => _writes.TryGetValue(variable, out var list) ? list : [];

    /// <summary>The parameter slot named <paramref name="name"/>, or -1.</summary>
    public int Parameter(string name) => _parameters.TryGetValue(name, out var p) ? p : -1;

    /// <summary>The given step that declares <paramref name="variable"/>, or -1.</summary>
    public int GivenStep(string variable) => _givenStep.TryGetValue(variable, out var s) ? s : -1;

    // Each step's variable comes as its id from the constructor's one pass: a 10,000-step program with a few variables
    // asks about its open runs at every step, without a name lookup per step.
    private bool[] RunEnds(StepProgram program, int[] variableOfStep, List<VariableSteps> variables)
    {
        var ends = new bool[variableOfStep.Length];
        var writeCounts = new int[variables.Count];
        var openLast = new int[variables.Count];
        for (var v = 0; v < variables.Count; v++)
        {
            writeCounts[v] = variables[v].Writes?.Length ?? 0;
            openLast[v] = -1;
        }

        var open = new List<int>();
        foreach (var step in program.Steps)
        {
            if (IsGiven[step.Index])
            {
                continue;
            }

            var variable = variableOfStep[step.Index];
            var count = writeCounts[variable];
            for (var k = open.Count - 1; k >= 0; k--)
            {
                // A write that runs no more often than the open variable's statement ends that variable's run.
                var other = open[k];
                if (other != variable && count <= writeCounts[other])
                {
                    ends[openLast[other]] = true;
                    openLast[other] = -1;
                    open.RemoveAt(k);
                }
            }

            if (openLast[variable] < 0)
            {
                open.Add(variable);
            }

            openLast[variable] = step.Index;
        }

        foreach (var variable in open)
        {
            ends[openLast[variable]] = true;
        }

        return ends;
    }

    private static char Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Add => '+',
        BinaryOp.Subtract => '-',
        BinaryOp.Multiply => '*',
        BinaryOp.Divide => '/',
        BinaryOp.Remainder => '%',
        BinaryOp.BitwiseAnd => '&',
        BinaryOp.BitwiseOr => '|',
        BinaryOp.ExclusiveOr => '^',
        BinaryOp.ShiftLeft => '<',
        BinaryOp.ShiftRight => '>',
        _ => '\0',
    };

    private static int CountOperators(Expr expression) => expression switch
    {
        Binary b => 1 + CountOperators(b.Left) + CountOperators(b.Right),
        Unary u => 1 + CountOperators(u.Operand),
        Conditional c => 1 + CountOperators(c.Left) + CountOperators(c.Right) + CountOperators(c.WhenTrue) + CountOperators(c.WhenFalse),
        _ => 0,
    };
}
