using System.CommandLine;
using System.Globalization;
using Faithful.Cli.Batching;
using Faithful.Cli.Output;
using Faithful.Cli.Running;
using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Families;
using Faithful.GpuRef.Hosting;
using Faithful.Model;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Reports.Sharding;
using Faithful.Reports.Summaries;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;
using Spectre.Console;

namespace Faithful.Cli.Commands;

/// <summary>
/// <c>faithful run</c>: programs (the study grid by default, or an assembly's catalog) × inputs × samples × models,
/// streamed to a resumable run file, then the reports. With no arguments it is the main job: the study grid against
/// the simulated model, offline.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var assembly = new Option<string?>("--assembly", "-a") { Description = "A built assembly whose generated catalog (Faithful.Generated.ReferencePrograms.All) supplies the programs. Without it, the study grid is used." };
        var programFilter = new Option<string[]>("--program", "-p") { Description = "Only these catalog programs (id or method name; repeatable)." };
        var lengths = new Option<string?>("--lengths") { Description = "Grid program lengths, e.g. 5,14,23 or 5..95/9 (default: the study's 5..95 in steps of 9)." };
        var depths = new Option<string?>("--depths") { Description = "Grid look-back depths (register counts for register variants), e.g. 1,2,3 (default 1..5)." };
        var variants = new Option<string[]>("--variant") { Description = "Grid variants: long, double, long-<mix>, register, register-sum (repeatable; default long)." };
        var perCell = new Option<int>("--programs-per-cell") { Description = "Programs generated per grid cell.", DefaultValueFactory = _ => 1 };
        var inputs = new Option<int>("--inputs", "-n") { Description = "Sampled inputs per program.", DefaultValueFactory = _ => 10 };
        var samples = new Option<int>("--samples", "-k") { Description = "Repeated samples per (program, inputs).", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed for programs, inputs and the simulated model.", DefaultValueFactory = _ => 1 };
        var models = new Option<string[]>("--model", "-m") { Description = "Model strings (repeatable): sim:study, openai:gpt-4o-mini, ollama:llama3.1, replay:<folder>, ... Keys come from environment variables.", DefaultValueFactory = _ => ["sim:study"] };
        var prompt = new Option<string>("--prompt") { Description = "Prompt template: process-aware or final-answer-only.", DefaultValueFactory = _ => "process-aware" };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder for the run file and reports.", DefaultValueFactory = _ => ".faithful-out" };
        var runFile = new Option<string?>("--run-file") { Description = "Run file (JSONL) to write or resume (default <out>/run.jsonl)." };
        var fresh = new Option<bool>("--fresh") { Description = "Start the run file over instead of resuming it." };
        var concurrency = new Option<int>("--concurrency", "-j") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 4 };
        var rate = new Option<double>("--requests-per-second") { Description = "Pace request starts (0 = unpaced), for rate-limited providers.", DefaultValueFactory = _ => 0 };
        var temperature = new Option<float?>("--temperature") { Description = "Sampling temperature." };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "Maximum output tokens per reply." };
        var cache = new Option<string?>("--cache") { Description = "Record/replay cache folder." };
        var cacheMode = new Option<string?>("--cache-mode") { Description = "live, record or replay-only (needs --cache)." };
        var maxRetries = new Option<int?>("--max-retries") { Description = "Retries of a failed request (429, 5xx, timeouts, dropped connections) before its case is recorded as failed (default 5)." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of n (e.g. 2/4): the cases whose id hashes to it, every model. Merge the shards' run files with 'faithful merge'." };
        var batch = new Option<bool>("--batch") { Description = "Send the requests through the OpenAI Batch API (openai: models only; half the price, results within 24 hours). A killed run resumes its batches without submitting them again." };
        var batchSize = new Option<int>("--batch-size") { Description = "Requests per batch (at most 50,000).", DefaultValueFactory = _ => BatchSettings.ApiMaxRequests };
        var batchPoll = new Option<double>("--batch-poll-seconds") { Description = "Seconds between status checks of unfinished batches.", DefaultValueFactory = _ => 30 };
        var backend = new Option<string?>("--backend") { Description = $"What computes the ground-truth traces: auto (a CUDA or OpenCL GPU if there is one, else compiled CPU code), cuda, opencl, ilgpu-cpu or cpu. Default: {GpuRefOptions.BackendEnvironmentVariable}, else auto." };
        var command = new Command("run", "Run a faithfulness suite: programs × inputs × models × samples, streamed to a resumable run file, then reports. With no options: the study grid against the simulated model, offline.")
        {
            assembly, programFilter, lengths, depths, variants, perCell, inputs, samples, seed, models, prompt, outDir, runFile, fresh, concurrency, rate, temperature, maxTokens, cache, cacheMode, maxRetries, backend, shard, batch, batchSize, batchPoll,
        };
        var protocolOptions = new ProtocolOptions();
        protocolOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(console, async () =>
        {
            var seedValue = parse.GetValue(seed);
            var programs = parse.GetValue(assembly) is { } dll
                ? Filter(CatalogLoader.Load(dll), parse.GetValue(programFilter), dll)
                : PlanBuilder.GridPrograms(Grid(parse.GetValue(lengths), parse.GetValue(depths), parse.GetValue(variants), parse.GetValue(perCell), seedValue));
            var source = parse.GetValue(assembly) is { } a ? $"catalog {Path.GetFileName(a)}" : "study grid";
            var modelList = parse.GetValue(models)!.Distinct(StringComparer.Ordinal).ToList();
            foreach (var model in modelList)
            {
                if (!ModelString.TryParse(model, out _, out var error))
                {
                    throw new CliException(error);
                }
            }

            var template = BuiltInTemplates.Find(parse.GetValue(prompt)!)
                ?? throw new CliException($"--prompt '{parse.GetValue(prompt)}' is not a built-in template; use {string.Join(" or ", BuiltInTemplates.All.Select(t => t.Name))}.");
            var plan = PlanBuilder.FromPrograms(source, programs, Positive(parse.GetValue(inputs), "--inputs"), Positive(parse.GetValue(samples), "--samples"), seedValue, modelList);
            plan = plan with { Description = plan.Description + $"; prompt {template.Id}", Protocols = protocolOptions.Read(parse) };
            if (plan.HasProtocols)
            {
                plan = plan with { Description = plan.Description + $"; protocols {string.Join(", ", plan.Protocols.Select(p => p.Description))}" };
            }

            // Sharded after the protocols are set: a shard's counts include every result its protocols write.
            if (parse.GetValue(shard) is { } shardText)
            {
                plan = plan.ForShard(ParseShard(shardText));
            }

            var clientOptions = ClientOptionsFrom(parse, concurrency, temperature, maxTokens, seed, cache, cacheMode);
            if (parse.GetValue(maxRetries) is { } retries)
            {
                clientOptions = clientOptions with { Retry = clientOptions.Retry with { MaxRetries = retries >= 0 ? retries : throw new CliException($"--max-retries must be 0 or more (got {retries}).") } };
            }

            var runOptions = RunOptions.From(clientOptions);
            var pacing = parse.GetValue(rate) is > 0 and var perSecond ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
            // The runner attaches each case's reference to its request, which is all a sim: model needs to answer it.
            var instrument = new TracesInstrument(template, new ScoringOptions { RequireTrace = !BuiltInTemplates.AsksOnlyForAnswer(template) });
            var truth = PlanGroundTruth.Compute(plan, Backend(parse.GetValue(backend)));
            var counterfactuals = PlanCounterfactuals.Compute(plan, truth, Backend(parse.GetValue(backend)));
            var engine = new RunEngine(instrument, clientOptions, runOptions, pacing, truth.For, counterfactuals.For);
            var directory = parse.GetValue(outDir)!;
            var path = parse.GetValue(runFile) ?? Path.Combine(directory, "run.jsonl");
            console.Out.WriteLine($"faithful run: {plan.Description}");
            if (plan.Shard is { } part)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shard {part}: {plan.TotalCases} of the plan's {plan.PlanCases} results"));
            }

            console.Out.WriteLine($"run file: {path}");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ground truth: {truth.PairCount} (program, inputs) pairs on {truth.Backend}"));
            if (counterfactuals.PairCount > 0)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"counterfactuals: {counterfactuals.PairCount} (program, altered state) pairs in one batch on {counterfactuals.Backend}"));
            }

            if (parse.GetValue(batch) && plan.HasProtocols)
            {
                throw new CliException("--batch sends one request per case; the multi-turn protocols (--protocol) need a live conversation. Run them without --batch.");
            }

            var outcome = parse.GetValue(batch)
                ? await new BatchRunner(instrument, runOptions, clientOptions, truth.For, BatchSettingsFrom(parse.GetValue(batchSize), parse.GetValue(batchPoll), modelList), console.Out)
                    .RunAsync(plan, path, parse.GetValue(fresh), cancellationToken).ConfigureAwait(false)
                : await RunWithProgress(engine, plan, path, parse.GetValue(fresh), console, cancellationToken).ConfigureAwait(false);
            foreach (var note in outcome.Notes)
            {
                console.Error.WriteLine($"note: {note}");
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resumed {outcome.Resumed} cases from the run file, requested {outcome.Requested}"));
            using var summary = ReportFiles.Load([path], console);
            SummaryTable.Print(summary, console);
            ReportFiles.Write(summary, ReportFiles.Targets.InDirectory(directory), console, $"Faithful report: {source}");
            var (failed, total) = ErrorSummary.Print(RunFileResults.Stream(path), console.Error);

            // Reports are written either way; a run where nothing got a verdict must not look like a pass to CI.
            if (failed > 0 && failed == total)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: no case got a verdict; exit code {ExitCodes.NothingSucceeded}."));
                return ExitCodes.NothingSucceeded;
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<RunOutcome> RunWithProgress(RunEngine engine, RunPlan plan, string path, bool fresh, CliConsole console, CancellationToken cancellationToken)
    {
        if (!console.Interactive)
        {
            return await engine.RunAsync(plan, path, fresh, new PlainProgress(console.Out), cancellationToken).ConfigureAwait(false);
        }

        RunOutcome? outcome = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                outcome = await engine.RunAsync(plan, path, fresh, new SpectreProgress(context), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return outcome!;
    }

    private static ClientOptions ClientOptionsFrom(
        ParseResult parse,
        Option<int> concurrency,
        Option<float?> temperature,
        Option<int?> maxTokens,
        Option<ulong> seed,
        Option<string?> cache,
        Option<string?> cacheMode)
    {
        ClientOptions options;
        try
        {
            options = EnvironmentSettings.Apply(new ClientOptions());
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }

        options = options with
        {
            MaxConcurrency = Positive(parse.GetValue(concurrency), "--concurrency"),
            Temperature = parse.GetValue(temperature) ?? options.Temperature,
            MaxOutputTokens = parse.GetValue(maxTokens) ?? options.MaxOutputTokens,
            Seed = options.Seed ?? unchecked((long)parse.GetValue(seed)),
            CacheDirectory = parse.GetValue(cache) ?? options.CacheDirectory,
        };
        if (parse.GetValue(cacheMode) is { } mode)
        {
            try
            {
                options = options with { CacheMode = EnvironmentSettings.ParseMode(mode) };
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message.Replace(EnvironmentSettings.CacheMode, "--cache-mode", StringComparison.Ordinal));
            }
        }

        return options;
    }

    private static StudyGrid Grid(string? lengths, string? depths, string[]? variants, int perCell, ulong seed)
    {
        var grid = StudyGrid.Default;
        try
        {
            return grid with
            {
                Lengths = lengths is null ? grid.Lengths : IntList.Parse(lengths, "--lengths").ToEquatableArray(),
                Depths = depths is null ? grid.Depths : IntList.Parse(depths, "--depths").ToEquatableArray(),
                Variants = variants is { Length: > 0 } ? variants.Select(GridVariant.Parse).ToEquatableArray() : grid.Variants,
                ProgramsPerCell = Positive(perCell, "--programs-per-cell"),
                Seed = seed,
            };
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static List<StepProgram> Filter(IReadOnlyList<StepProgram> programs, string[]? wanted, string dll)
    {
        if (wanted is not { Length: > 0 })
        {
            return programs.ToList();
        }

        var chosen = new List<StepProgram>();
        foreach (var name in wanted)
        {
            chosen.Add(programs.FirstOrDefault(p => p.Id == name || p.Name == name)
                ?? throw new CliException($"{Path.GetFileName(dll)} has no program '{name}'. It has: {string.Join(", ", programs.Select(p => p.Id))}."));
        }

        return chosen;
    }

    private static GpuRefBackend? Backend(string? option)
    {
        try
        {
            return option is null ? null : GpuRefOptions.ParseBackend(option);
        }
        catch (ArgumentException)
        {
            throw new CliException($"--backend '{option}' is not a ground-truth backend; use auto, cuda, opencl, ilgpu-cpu or cpu.");
        }
    }

    private static BatchSettings BatchSettingsFrom(int size, double pollSeconds, List<string> models)
    {
        if (models.FirstOrDefault(m => ModelString.Parse(m).Provider != "openai") is { } other)
        {
            throw new CliException($"--batch sends requests through the OpenAI Batch API, which serves openai: models only; '{other}' is not one. Run it without --batch.");
        }

        if (size is < 1 or > BatchSettings.ApiMaxRequests)
        {
            throw new CliException($"--batch-size must be between 1 and {BatchSettings.ApiMaxRequests} (got {size}).");
        }

        return pollSeconds is > 0 and <= 3600
            ? new BatchSettings(size, TimeSpan.FromSeconds(pollSeconds))
            : throw new CliException($"--batch-poll-seconds must be more than 0 and at most 3600 (got {pollSeconds}).");
    }

    private static ShardSpec ParseShard(string text)
    {
        try
        {
            return ShardSpec.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliException("--shard " + e.Message);
        }
    }

    private static int Positive(int value, string option) => value > 0 ? value : throw new CliException($"{option} must be at least 1 (got {value}).");
}
