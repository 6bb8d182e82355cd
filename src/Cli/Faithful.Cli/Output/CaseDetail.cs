using System.Text.Json;
using Faithful.Reports.Formats;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Recovery;

namespace Faithful.Cli.Output;

/// <summary><c>faithful report run.jsonl --case &lt;id&gt;</c>: one case in full, recovered from the run file.</summary>
internal static class CaseDetail
{
    public static int Print(IReadOnlyList<string> runFiles, string id, string? model, bool asJson, CliConsole console)
    {
        foreach (var path in runFiles)
        {
            if (!File.Exists(path))
            {
                throw new CliException($"run file '{path}' does not exist.");
            }
        }

        IReadOnlyList<RecoveredCase> found;
        try
        {
            found = CaseRecovery.Find(runFiles, id, ProgramSources.Resolver(), model);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }

        if (found.Count == 0)
        {
            throw new CliException($"no result in {string.Join(", ", runFiles.Select(Path.GetFileName))} has case id or transcript id '{id}'{(model is null ? "" : $" for model {model}")}; case ids look like Gen.Chain(a=3,b=-7)#0 (see report.json's cases).");
        }

        foreach (var recovered in found)
        {
            if (asJson)
            {
                console.Out.WriteLine(OutputRedaction.Redact(JsonSerializer.Serialize(recovered.Result, FaithfulJson.Options)));
            }
            else
            {
                console.Out.Write(OutputRedaction.Redact(CaseDetailText.Render(recovered)));
                console.Out.WriteLine();
            }

            if (recovered.Problem is { } problem)
            {
                console.Error.WriteLine($"warning: {Path.GetFileName(recovered.File)}({recovered.Line}): the per-step table could not be recovered: {problem}");
            }
        }

        return 0;
    }
}
