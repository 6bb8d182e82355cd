using System.CommandLine;
using Faithful.Cli.Output;

namespace Faithful.Cli.Commands;

/// <summary><c>faithful report run.jsonl [...]</c>: HTML, JSON, JUnit XML and Markdown from run files.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var runFiles = new Argument<string[]>("run-files") { Description = "Run files (JSONL) written by 'faithful run' or 'faithful score'.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for every format (report.html, report.json, junit.xml, report.md) when no single format is chosen.", DefaultValueFactory = _ => ".faithful-out" };
        var html = new Option<string?>("--html") { Description = "Write the HTML page here." };
        var json = new Option<string?>("--json") { Description = "Write the faithful.report/1 JSON here." };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML here." };
        var markdown = new Option<string?>("--markdown") { Description = "Write the Markdown summary here (e.g. $GITHUB_STEP_SUMMARY)." };
        var title = new Option<string>("--title") { Description = "Title of the HTML page.", DefaultValueFactory = _ => "Faithful report" };
        var caseId = new Option<string?>("--case") { Description = "Print one case in full instead of writing reports: its verdict, evidence and every step (expected, claimed, reply line), recovered from the run file. A case id or a transcript id." };
        var caseModel = new Option<string?>("--model") { Description = "With --case: only this model's result." };
        var caseJson = new Option<bool>("--case-json") { Description = "With --case: print the recovered result as one faithful.run/1 JSON line instead of text." };
        var command = new Command("report", "Write reports from run files: a self-contained HTML page with plots, versioned JSON, JUnit XML and Markdown.")
        {
            runFiles, outDir, html, json, junit, markdown, title, caseId, caseModel, caseJson,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            if (parse.GetValue(caseId) is { } id)
            {
                return CaseDetail.Print(parse.GetValue(runFiles)!, id, parse.GetValue(caseModel), parse.GetValue(caseJson), console);
            }

            using var summary = ReportFiles.Load(parse.GetValue(runFiles)!, console);
            var targets = new ReportFiles.Targets(parse.GetValue(html), parse.GetValue(json), parse.GetValue(junit), parse.GetValue(markdown));
            if (!targets.Any)
            {
                targets = ReportFiles.Targets.InDirectory(parse.GetValue(outDir)!);
            }

            SummaryTable.Print(summary, console);
            ReportFiles.Write(summary, targets, console, parse.GetValue(title)!);
            return 0;
        }));
        return command;
    }
}
