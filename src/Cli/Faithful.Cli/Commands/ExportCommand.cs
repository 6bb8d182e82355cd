using System.CommandLine;
using System.Globalization;
using Faithful.Cli.Output;
using Faithful.Cli.Running;
using Faithful.Execution;
using Faithful.Cli.Export;
using Faithful.Traces.Prompts;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Commands;

/// <summary>
/// <c>faithful export run.jsonl --format sft|dpo|jsonl</c>: training records from any run file (docs/export.md): the
/// prompt, the reply with its modes, first divergence and trajectory tells, and the faithful trace from ground truth in
/// the reply's own style. Filters by mode, model, protocol and length.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var runFiles = new Argument<string[]>("run-files") { Description = "Run files written by 'faithful run' or 'faithful score'.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "jsonl (every field, faithful.export/1), sft (chat messages with the faithful trace) or dpo (prompt/chosen/rejected; unfaithful replies only).", DefaultValueFactory = _ => "jsonl" };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default .faithful-out/export.<format>.jsonl)." };
        var modes = new Option<string[]>("--mode") { Description = "Only replies with this primary failure mode (repeatable; Correct for faithful ones)." };
        var models = new Option<string[]>("--model", "-m") { Description = "Only these models (repeatable)." };
        var protocols = new Option<string[]>("--protocol") { Description = "Only these protocols (repeatable; single for one prompt, one reply)." };
        var minLength = new Option<int?>("--min-length") { Description = "Only programs of at least this many steps." };
        var maxLength = new Option<int?>("--max-length") { Description = "Only programs of at most this many steps." };
        var assembly = new Option<string?>("--assembly", "-a") { Description = "A built assembly whose catalog holds the programs (study-grid programs are rebuilt from their ids without it)." };
        var prompt = new Option<string>("--prompt") { Description = "The template the run used, to render prompts: process-aware or final-answer-only.", DefaultValueFactory = _ => "process-aware" };
        var command = new Command("export", "Write training records from run files: supervised fine-tuning (sft), preference pairs (dpo) or every field (jsonl), with the faithful trace rendered from ground truth in each reply's own style.")
        {
            runFiles, format, output, modes, models, protocols, minLength, maxLength, assembly, prompt,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            var chosenFormat = parse.GetValue(format) switch
            {
                "jsonl" => ExportFormat.Jsonl,
                "sft" => ExportFormat.Sft,
                "dpo" => ExportFormat.Dpo,
                var other => throw new CliException($"--format '{other}' is not jsonl, sft or dpo."),
            };
            var template = BuiltInTemplates.Find(parse.GetValue(prompt)!)
                ?? throw new CliException($"--prompt '{parse.GetValue(prompt)}' is not a built-in template; use {string.Join(" or ", BuiltInTemplates.All.Select(t => t.Name))}.");
            var filter = new Filter(
                ModeSet(parse.GetValue(modes)),
                Set(parse.GetValue(models)),
                Set(parse.GetValue(protocols)),
                parse.GetValue(minLength),
                parse.GetValue(maxLength));
            var programs = new ExportPrograms(parse.GetValue(assembly) is { } dll ? CatalogLoader.Load(dll) : []);
            var path = parse.GetValue(output) ?? Path.Combine(".faithful-out", $"export.{parse.GetValue(format)}.jsonl");
            var files = parse.GetValue(runFiles)!;
            foreach (var file in files)
            {
                InputFiles.RequireFile(file, "run file", "Create one with 'faithful run'.");
            }

            // Streamed: one result at a time, in file order.
            var counts = Write(files.SelectMany(RunFileResults.Stream), filter, programs, template, chosenFormat, path);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {counts.Written} {parse.GetValue(format)} records: {path}"));
            foreach (var (reason, count) in counts.Skipped.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"skipped {count}: {reason}"));
            }

            if (counts.Skipped.ContainsKey(UnknownProgram))
            {
                console.Error.WriteLine("warning: some programs are neither study-grid programs nor in a catalog; pass --assembly <the test assembly the run used>.");
            }

            return 0;
        }));
        return command;
    }

    private const string UnknownProgram = "program not found (study-grid ids are rebuilt; others need --assembly)";

    private static (int Written, Dictionary<string, int> Skipped) Write(IEnumerable<CaseResult> results, Filter filter, ExportPrograms programs, PromptTemplate template, ExportFormat format, string path)
    {
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        void Skip(string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var written = 0;
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var result in results)
        {
            if (!filter.Accepts(result))
            {
                continue;
            }

            if (TrainingExport.NotExportable(result) is { } reason)
            {
                Skip(reason);
                continue;
            }

            if (programs.Resolve(result) is not var (program, inputs))
            {
                Skip(UnknownProgram);
                continue;
            }

            var truth = ReferenceEvaluator.Evaluate(program, inputs);
            if (truth.Fault is not null)
            {
                Skip("no ground truth (the program faults on these inputs)");
                continue;
            }

            var rendered = PromptRenderer.Render(program, inputs, template);
            var prompt = TrainingExport.PromptOf(result) ?? rendered.ToChatMessages().Select(m => new ChatTurn(m.Role.Value, m.Text)).ToList();
            var record = TrainingExport.Build(result, truth, prompt, rendered.Answers);
            if (TrainingExport.Line(record, format) is not { } line)
            {
                Skip("faithful replies (a preference pair needs an unfaithful reply)");
                continue;
            }

            writer.WriteLine(line);
            written++;
        }

        return (written, skipped);
    }

    private static HashSet<string>? Set(string[]? values) =>
        values is { Length: > 0 } ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal) : null;

    private static HashSet<FailureMode>? ModeSet(string[]? values)
    {
        if (Set(values) is not { } names)
        {
            return null;
        }

        return names.Select(n => Enum.TryParse<FailureMode>(n, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new CliException($"--mode: '{n}' is not a failure mode. Use one of {string.Join(", ", Enum.GetNames<FailureMode>())}.")).ToHashSet();
    }

    private sealed record Filter(HashSet<FailureMode>? Modes, HashSet<string>? Models, HashSet<string>? Protocols, int? MinLength, int? MaxLength)
    {
        public bool Accepts(CaseResult result) =>
            (Modes is null || result.Verdict is { } v && Modes.Contains(v.PrimaryMode))
            && (Models is null || Models.Contains(result.Model))
            && (Protocols is null || Protocols.Contains(ProtocolNames.Of(result)) || Protocols.Contains(ProtocolNames.Family(ProtocolNames.Of(result))))
            && (MinLength is not { } min || result.Length >= min)
            && (MaxLength is not { } max || result.Length <= max);
    }
}
