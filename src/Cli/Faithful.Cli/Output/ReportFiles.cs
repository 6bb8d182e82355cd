using Faithful.Reports.Formats;
using Faithful.Reports.Html;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;

namespace Faithful.Cli.Output;

/// <summary>Loads run files and writes the report formats.</summary>
internal static class ReportFiles
{
    /// <summary>Reads one or more run files into one summary; unreadable lines are listed on the error writer.</summary>
    public static RunSummary Load(IReadOnlyList<string> runFiles, CliConsole console)
    {
        var results = new List<Traces.Results.CaseResult>();
        foreach (var path in runFiles)
        {
            InputFiles.RequireFile(path, "run file", "Create one with 'faithful run' (it writes .faithful-out/run.jsonl by default).");

            RunFileContents contents;
            try
            {
                contents = RunFileReader.Read(path);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(e.Message);
            }

            foreach (var issue in contents.Issues)
            {
                console.Error.WriteLine($"warning: {issue}");
            }

            results.AddRange(contents.Results);
        }

        return RunSummary.Of(results);
    }

    /// <summary>The formats a report can be written in.</summary>
    public sealed record Targets(string? Html, string? Json, string? JUnit, string? Markdown)
    {
        public bool Any => Html is not null || Json is not null || JUnit is not null || Markdown is not null;

        public static Targets InDirectory(string directory) => new(
            Path.Combine(directory, "report.html"),
            Path.Combine(directory, "report.json"),
            Path.Combine(directory, "junit.xml"),
            Path.Combine(directory, "report.md"));
    }

    public static void Write(RunSummary summary, Targets targets, CliConsole console, string title, string? gateText = null)
    {
        Save(targets.Html, () => HtmlReport.Render(summary, new HtmlReportOptions { Title = title }), console, "HTML report");
        Save(targets.Json, () => JsonReport.Render(summary), console, "JSON report");
        Save(targets.JUnit, () => JUnitReport.Render(summary), console, "JUnit XML");
        Save(targets.Markdown, () => MarkdownReport.Render(summary, gateText), console, "Markdown summary");
    }

    public static void Save(string? path, Func<string> render, CliConsole console, string what)
    {
        if (path is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, OutputRedaction.Redact(render()));
        console.Out.WriteLine($"wrote {what}: {path}");
    }
}
