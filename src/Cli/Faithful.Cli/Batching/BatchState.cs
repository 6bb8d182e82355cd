using System.Text.Json;
using Faithful.Reports.RunFiles;

namespace Faithful.Cli.Batching;

/// <summary>
/// Where each submitted batch of a run stands, saved next to the run file (<c>run.jsonl.batch.json</c>) after every step
/// (request file written, uploaded, batch created, collected), so a run killed at any point resumes its batches instead
/// of submitting them again.
/// </summary>
internal sealed record BatchState(string Format, string PlanFingerprint, string? Shard, List<BatchPart> Batches)
{
    public const string FormatVersion = "faithful.batch/1";

    public static string PathFor(string runFile) => runFile + ".batch.json";

    public static string FolderFor(string runFile) => runFile + ".batch";

    /// <summary>The saved state, or null when there is none.</summary>
    /// <exception cref="CliException">The file exists but cannot be read.</exception>
    public static BatchState? Load(string runFile)
    {
        var path = PathFor(runFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<BatchState>(File.ReadAllText(path), FaithfulJson.Options);
            return state is { Format: FormatVersion, Batches: not null } ? state : throw new JsonException($"format is not {FormatVersion}");
        }
        catch (JsonException e)
        {
            throw new CliException($"batch state '{path}' cannot be read ({e.Message}); if no batch of this run is still pending, delete it, or pass --fresh to start the run over.");
        }
    }

    /// <summary>Writes the state whole (to a temporary file, then moved over the old one), so a kill never leaves half of it.</summary>
    public void Save(string runFile)
    {
        var path = PathFor(runFile);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, FaithfulJson.Indented));
        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(string runFile)
    {
        File.Delete(PathFor(runFile));
        if (Directory.Exists(FolderFor(runFile)))
        {
            Directory.Delete(FolderFor(runFile), recursive: true);
        }
    }
}

/// <summary>One batch: a model's requests (at most the batch size), and how far it has got.</summary>
/// <param name="Model">The model string (<c>openai:gpt-4o-mini</c>).</param>
/// <param name="Part">Its number among the run's batches.</param>
/// <param name="Requests">Requests in it.</param>
/// <param name="RequestFile">The local request file (JSONL), kept until the batch is collected.</param>
internal sealed record BatchPart(string Model, int Part, int Requests, string RequestFile)
{
    /// <summary>The uploaded request file, once uploaded.</summary>
    public string? InputFileId { get; set; }

    /// <summary>The batch, once created.</summary>
    public string? BatchId { get; set; }

    /// <summary>The last status seen (<c>validating</c>, <c>in_progress</c>, <c>completed</c>, ...).</summary>
    public string? Status { get; set; }

    /// <summary>Whether its results are in the run file.</summary>
    public bool Collected { get; set; }
}
