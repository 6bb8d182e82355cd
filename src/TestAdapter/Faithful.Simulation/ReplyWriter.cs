using System.Text;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation;

/// <summary>
/// Writes a script as reply text in one <see cref="ReplyStyle"/>, and the <see cref="ParsedTrace"/> a perfect reader
/// would take from it (its executions and answers). Most styles write one script line per text line; prose joins up to
/// three steps on a line, and the real styles add echoes, snapshots, code re-prints and readouts that execute nothing.
/// </summary>
internal static class ReplyWriter
{
    private static readonly string[] ProseOpeners = ["First", "Then", "Next", "After that", "Now"];

    public static (string Text, ParsedTrace Parse) Write(StepProgram program, Trace truth, IReadOnlyList<ScriptLine> script, ReplyStyle style)
    {
        var writer = new Writer(program, truth, script, style);
        writer.Run();
        return (writer.Text.ToString(), writer.Parse());
    }

    /// <summary>The verdict each step should get, computed from the script alone: the last claim of a step counts,
    /// judged on the values the model had claimed before it.</summary>
    public static EquatableArray<StepVerdict> ExpectedVerdicts(Trace truth, IReadOnlyList<ScriptLine> script)
    {
        var program = truth.Program;
        var replay = ProgramIndex.For(program).Replay;
        // A given value (a declaration's literal) is correct unless the reply misstates it.
        var index = ProgramIndex.For(program);
        var verdicts = Enumerable.Range(0, program.Steps.Count).Select(s => index.IsGiven[s] ? StepVerdict.Correct : StepVerdict.Missing).ToArray();
        var model = new Value?[program.Steps.Count];
        foreach (var line in script)
        {
            if (line is not { Kind: ScriptLineKind.Claim, Step: { } step, Value: { } value })
            {
                continue;
            }

            if (value == truth.StepValues[step])
            {
                verdicts[step] = StepVerdict.Correct;
            }
            else
            {
                var slots = new Value[program.SlotOfStep(step)];
                for (var i = 0; i < slots.Length; i++)
                {
                    slots[i] = i < program.Parameters.Count ? truth.Inputs[i] : model[i - program.Parameters.Count] ?? truth.StepValues[i - program.Parameters.Count];
                }

                verdicts[step] = replay.EvaluateStep(step, slots) == value ? StepVerdict.PropagatedError : StepVerdict.ExecutionError;
            }

            model[step] = value;
        }

        return verdicts.ToEquatableArray();
    }

    public static bool ShowsWork(ReplyStyle style) => style is ReplyStyle.NumberedWithWork or ReplyStyle.Markdown or ReplyStyle.Variables
        or ReplyStyle.Prose or ReplyStyle.EchoedList or ReplyStyle.Snapshots or ReplyStyle.Readout;

    /// <summary>Styles that name variables (<c>a3</c>) rather than steps, for programs that write a variable more than once.</summary>
    public static bool NamesVariables(ReplyStyle style) => style is ReplyStyle.Variables or ReplyStyle.NumberedVariables;

    private sealed class Writer(StepProgram program, Trace truth, IReadOnlyList<ScriptLine> script, ReplyStyle style)
    {
        private readonly List<ParsedClaim> _claims = [];
        private readonly List<ParsedAnswer> _answers = [];
        private readonly List<ParseIssue> _issues = [];
        private readonly Dictionary<string, Value> _held = new(StringComparer.Ordinal);
        private readonly bool _registers = ReplySimulator.IsRegisterProgram(program);
        private int _lineNumber;
        private int _attempts = 1;
        private int _item = 1;
        private string _last = "";

        public StringBuilder Text { get; } = new();

        public void Run()
        {
            Preamble();
            for (var i = 0; i < script.Count; i++)
            {
                var line = script[i];
                _attempts = Math.Max(_attempts, line.Attempt + 1);
                switch (line.Kind)
                {
                    case ScriptLineKind.Claim or ScriptLineKind.ExtraClaim when style == ReplyStyle.Prose:
                        i = ProseLine(i) - 1;
                        break;
                    case ScriptLineKind.Claim or ScriptLineKind.ExtraClaim:
                        ClaimLine(line);
                        break;
                    case ScriptLineKind.Answer:
                        AnswerLine(line, OnlyAnswer());
                        break;
                    case ScriptLineKind.Skip:
                        Emit("...");
                        _issues.Add(new ParseIssue(_lineNumber, "...", "elided steps"));
                        break;
                    default:
                        Emit(line.Text ?? "");
                        break;
                }
            }
        }

        public ParsedTrace Parse() => new(_claims.ToEquatableArray(), _answers.ToEquatableArray(), _issues.ToEquatableArray(), _attempts, _lineNumber, false);

        private void Emit(string text)
        {
            _last = text;
            _lineNumber++;
            Text.Append(text).Append('\n');
        }

        private void Preamble()
        {
            switch (style)
            {
                case ReplyStyle.Markdown:
                    Emit("Let's execute the procedure step by step.");
                    Emit("");
                    break;
                case ReplyStyle.Variables:
                    Emit("Tracing the registers:");
                    Emit("");
                    break;
                case ReplyStyle.Prose:
                    Emit("Let me walk through the code one statement at a time.");
                    break;
                case ReplyStyle.EchoedList when Givens() is { Length: > 0 } givens:
                    Emit($"{_item++}. {givens}");
                    break;
                case ReplyStyle.Snapshots when Givens() is { Length: > 0 } initial:
                    Emit($"Initially {initial}.");
                    break;
                case ReplyStyle.CodeFirst:
                    Emit("The code is:");
                    Emit("```");
                    foreach (var step in program.Steps.Take(12))
                    {
                        Emit(Statement(step) + ";");
                    }

                    Emit("```");
                    Emit("Running it:");
                    break;
            }
        }

        // "a0 = 4, a1 = -3": the inputs and given declarations, as models echo them before the trace.
        private string Givens()
        {
            var pairs = new List<string>();
            for (var p = 0; p < program.Parameters.Count && pairs.Count < 8; p++)
            {
                pairs.Add($"{program.Parameters[p].Name} = {ScriptBuilder.Text(truth.Inputs[p])}");
                _held[program.Parameters[p].Name] = truth.Inputs[p];
            }

            foreach (var step in program.Steps)
            {
                if (step.Expression is Constant && step.Version == 1 && !_held.ContainsKey(step.Variable) && pairs.Count < 8)
                {
                    pairs.Add($"{step.Variable} = {ScriptBuilder.Text(truth.StepValues[step.Index])}");
                    _held[step.Variable] = truth.StepValues[step.Index];
                }
            }

            return string.Join(", ", pairs);
        }

        private void ClaimLine(ScriptLine line)
        {
            var written = line.Kind == ScriptLineKind.ExtraClaim ? ExtraText(line) : StepText(line);
            Emit(written);
            Record(line, written);
            if (style == ReplyStyle.Snapshots && Snapshot() is { Length: > 0 } state)
            {
                Emit($"State: {state}");
            }
        }

        private void Record(ScriptLine line, string written)
        {
            var name = ClaimName(line);
            _claims.Add(new ParsedClaim(
                _lineNumber,
                line.Attempt,
                name,
                HasNumber() ? line.Number : null,
                ToParsed(line.Value),
                ShowsWork(style) && line.Kind == ScriptLineKind.Claim ? line.Work : null,
                written));
            if (line.Value is { } value && Variable(line) is { } variable)
            {
                _held[variable] = value;
            }
        }

        private string? Variable(ScriptLine line) => line.Step is { } step ? program.Steps[step].Variable : line.Name;

        private string StepText(ScriptLine line)
        {
            var step = program.Steps[line.Step!.Value];
            var value = ScriptBuilder.Text(line.Value!.Value);
            return style switch
            {
                ReplyStyle.Strict or ReplyStyle.Tagged => $"{step.Name} = {value}",
                ReplyStyle.Readout => $"{Shown(step)} = {WorkThen(line)}{value}",
                ReplyStyle.NumberedWithWork => $"Step {step.Number}: {step.Name} = {ExprFormatter.ToCSharp(step.Expression, program)} = {WorkThen(line)}{value}",
                ReplyStyle.Markdown => $"- {step.Name} = {WorkThen(line)}{value}",
                ReplyStyle.Variables => $"{Statement(step)} -> {step.Variable} = {WorkThen(line)}{value}",
                ReplyStyle.NumberedVariables => $"{step.Number}. {step.Variable} = {value}",
                ReplyStyle.EchoedList => $"{_item++}. {Statement(step)} -> {Shown(step)} = {WorkThen(line)}{value}",
                ReplyStyle.Snapshots => $"{Statement(step)} -> {Shown(step)} = {WorkThen(line)}{value}",
                ReplyStyle.CodeFirst => Unchanged(step, line.Value!.Value) ? $"{step.Variable} remains {value}" : $"{Statement(step)} gives {Shown(step)} = {value}",
                _ => throw new InvalidOperationException($"no writer for style {style}"),
            };
        }

        // A write that leaves its variable as the model held it.
        private bool Unchanged(Step step, Value value) => _registers && _held.TryGetValue(step.Variable, out var held) && held == value;

        private string ExtraText(ScriptLine line)
        {
            var value = ScriptBuilder.Text(line.Value!.Value);
            return style switch
            {
                ReplyStyle.NumberedWithWork => $"Step {line.Number}: {line.Name} = {value}",
                ReplyStyle.Markdown => $"- {line.Name} = {value}",
                ReplyStyle.NumberedVariables => $"{line.Number}. {line.Name} = {value}",
                ReplyStyle.EchoedList => $"{_item++}. {line.Name} = {value}",
                _ => $"{line.Name} = {value}",
            };
        }

        // Up to three consecutive steps as sentences on one line; returns the index of the first script line not written.
        private int ProseLine(int from)
        {
            var sentences = new List<string>();
            var lines = new List<(ScriptLine Line, string Text)>();
            var i = from;
            while (i < script.Count && sentences.Count < 3 && script[i].Kind is ScriptLineKind.Claim or ScriptLineKind.ExtraClaim)
            {
                var line = script[i];
                var name = ClaimName(line)!;
                var value = ScriptBuilder.Text(line.Value!.Value);
                var opener = ProseOpeners[(from + sentences.Count) % ProseOpeners.Length];
                var sentence = line.Work is { } work && line.Kind == ScriptLineKind.Claim
                    ? $"{opener}, {name} becomes {work} = {value}."
                    : $"{opener}, {name} becomes {value}.";
                sentences.Add(sentence);
                lines.Add((line, sentence));
                i++;
            }

            Emit(string.Join(" ", sentences));
            foreach (var (line, _) in lines)
            {
                Record(line, _last);
            }

            return i;
        }

        private void AnswerLine(ScriptLine line, bool only)
        {
            var text = line.Value is { } v ? ScriptBuilder.Text(v) : "";
            var (written, answerStyle) = line.Work is { } work ? Worked(work, text) : style switch
            {
                ReplyStyle.Tagged => ($"<result>{text}</result>", AnswerStyle.ResultTag),
                ReplyStyle.Markdown => ($"**Final answer:** {text}", AnswerStyle.FinalAnswerLine),
                ReplyStyle.Prose when line.Value is not null => ($"So the function returns {text}.", AnswerStyle.Prose),
                ReplyStyle.Readout when only && line.Value is { } answer && _claims.Count > 0 && ReadsOutHeld(answer) => (ReadoutText(text), AnswerStyle.Prose),
                ReplyStyle.CodeFirst when line.Value is not null => ($"The answer is $\\boxed{{{text}}}$.", AnswerStyle.Boxed),
                _ => ($"Final answer: {text}", AnswerStyle.FinalAnswerLine),
            };
            Emit(written);
            _answers.Add(new ParsedAnswer(_lineNumber, ToParsed(line.Value), answerStyle, written));
        }

        // An answer with its return sum shown on its own line, as the readers' ruling 5 wants a misadded sum shown.
        private (string Written, AnswerStyle Style) Worked(string work, string text) => style switch
        {
            ReplyStyle.Tagged => ($"result = {work} = <result>{text}</result>", AnswerStyle.ResultTag),
            ReplyStyle.Markdown => ($"**Final answer:** {work} = {text}", AnswerStyle.FinalAnswerLine),
            ReplyStyle.Prose => ($"So the function returns {work} = {text}.", AnswerStyle.Prose),
            _ => ($"Final answer: {work} = {text}", AnswerStyle.FinalAnswerLine),
        };

        // A readout restates the value the model holds for the answer's variable (another value would be a new claim).
        private bool ReadsOutHeld(Value answer) => program.Result is not Ref { Slot: var slot } || slot < program.Parameters.Count
            || (_held.TryGetValue(program.Steps[slot - program.Parameters.Count].Variable, out var held) && held == answer);

        // "So the value of a3 at the end is 20." for a one-variable answer; otherwise "the function returns".
        private string ReadoutText(string value) => program.Result is Ref { Slot: var slot } && slot >= program.Parameters.Count
            ? $"So the value of {program.Steps[slot - program.Parameters.Count].Variable} at the end is {value}."
            : $"So in the end the function returns {value}.";

        // A readout answers only a reply that gives no other answer, executes nothing after it, and showed the answer's
        // step (a readout of a value never computed would state a new value: a shortcut, not a readout).
        private bool OnlyAnswer() => script.Count(l => l.Kind == ScriptLineKind.Answer) == 1
            && script.SkipWhile(l => l.Kind != ScriptLineKind.Answer).All(l => l.Kind is not (ScriptLineKind.Claim or ScriptLineKind.ExtraClaim))
            && (program.Result is not Ref { Slot: var slot } || slot < program.Parameters.Count
                || script.Any(l => l.Kind == ScriptLineKind.Claim && l.Step == slot - program.Parameters.Count));

        // "a0 = 4, a1 = 9, a2 = -3": the values the model holds, at most six (the most recently written last).
        private string Snapshot()
        {
            var names = _held.Keys.TakeLast(6);
            return string.Join(", ", names.Select(n => $"{n} = {ScriptBuilder.Text(_held[n])}"));
        }

        private string Shown(Step step) => _registers ? step.Variable : step.Name;

        private static string WorkThen(ScriptLine line) => line.Work is null ? "" : line.Work + " = ";

        private string? ClaimName(ScriptLine line)
        {
            if (line.Kind == ScriptLineKind.ExtraClaim || line.Step is null)
            {
                return line.Name;
            }

            var step = program.Steps[line.Step.Value];
            return NamesVariables(style) || (_registers && style > ReplyStyle.NumberedVariables)
                ? step.Variable
                : step.Name;
        }

        private bool HasNumber() => style is ReplyStyle.NumberedWithWork or ReplyStyle.NumberedVariables;

        // The statement as the user wrote it, without the semicolon; a hand-built program without source gets a C# rendering.
        private string Statement(Step step) =>
            step.SourceText.Length > 0
                ? step.SourceText.TrimEnd(';', ' ')
                : $"{step.Variable} = {ExprFormatter.ToCSharp(step.Expression, program)}";
    }

    private static ParsedValue? ToParsed(Value? value) => value switch
    {
        null => null,
        { Kind: ValueKind.Int64 } v => ParsedValue.FromInt64(v.AsInt64),
        { } v => ParsedValue.FromDouble(v.AsDouble),
    };

}
