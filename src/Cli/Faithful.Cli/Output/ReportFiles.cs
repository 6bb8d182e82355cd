using Faithful.Reports.Formats;
using Faithful.Reports.Html;
using Faithful.Reports.Summaries;

namespace Faithful.Cli.Output;

/// <summary>Summarizes run files as streams and writes the report formats.</summary>
internal static class ReportFiles
{
    /// <summary>Summarizes one or more run files, streamed; unreadable lines are listed on the error writer.</summary>
    public static RunSummary Load(IReadOnlyList<string> runFiles, CliConsole console)
    {
        foreach (var path in runFiles)
        {
            InputFiles.RequireFile(path, "run file", "Create one with 'faithful run' (it writes .faithful-out/run.jsonl by default).");
        }

        try
        {
            return RunFileSummaries.Load(runFiles, ProgramSources.Resolver(), issue => console.Error.WriteLine($"warning: {issue}"));
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message);
        }
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
        SaveStream(targets.Json, stream => JsonReport.Write(stream, summary), console, "JSON report");
        Save(targets.JUnit, () => JUnitReport.Render(summary), console, "JUnit XML");
        Save(targets.Markdown, () => MarkdownReport.Render(summary, gateText), console, "Markdown summary");
    }

    public static void Save(string? path, Func<string> render, CliConsole console, string what)
    {
        if (path is null)
        {
            return;
        }

        EnsureDirectory(path);
        File.WriteAllText(path, OutputRedaction.Redact(render()));
        console.Out.WriteLine($"wrote {what}: {path}");
    }

    /// <summary>
    /// Writes a file as large as the run (the JSON report's cases, a baseline) through a stream, then passes it through the
    /// redactor line by line (the formats are indented JSON: no value spans lines), so neither step holds the whole file.
    /// </summary>
    public static void SaveStream(string? path, Action<Stream> write, CliConsole console, string what)
    {
        if (path is null)
        {
            return;
        }

        EnsureDirectory(path);
        var unredacted = path + ".unredacted." + Environment.ProcessId + ".tmp";
        try
        {
            using (var stream = new FileStream(unredacted, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                // The file's buffer, not each value the writer flushes, decides when it is written.
                write(new FlushDeferringStream(stream));
            }

            using (var reader = new StreamReader(unredacted))
            using (var writer = new StreamWriter(path, append: false) { NewLine = "\n" })
            {
                while (reader.ReadLine() is { } line)
                {
                    writer.WriteLine(OutputRedaction.Redact(line));
                }
            }
        }
        finally
        {
            File.Delete(unredacted);
        }

        console.Out.WriteLine($"wrote {what}: {path}");
    }

    private static void EnsureDirectory(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
