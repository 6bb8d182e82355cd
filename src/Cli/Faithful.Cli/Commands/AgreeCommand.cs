using System.CommandLine;
using System.Globalization;
using Faithful.Reports.Agreement;
using Faithful.Reports.Gating;

namespace Faithful.Cli.Commands;

/// <summary>
/// <c>faithful agree scored.jsonl labels.jsonl</c>: how far the instrument's verdicts agree with human labels of the
/// same replies (docs/labels.md); with a second labels file in place of the run file, how far two labellers agree.
/// </summary>
internal static class AgreeCommand
{
    public static Command Create(CliConsole console)
    {
        var readings = new Argument<string>("readings") { Description = "A scored run file (faithful score/run), or a second labels file to compare two labellers." };
        var labels = new Argument<string>("labels") { Description = "Human labels: a faithful.labels/1 JSONL file (docs/labels.md), the reference." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Also write agreement.md and agreement.json to this folder." };
        var maxDisagreements = new Option<int>("--max-disagreements") { Description = "Disagreements listed with their reply excerpts.", DefaultValueFactory = _ => 100 };
        var require = new Option<bool>("--require") { Description = "Exit 3 unless every requirement holds (per-label F1, correct recall, first-answer agreement, right-for-the-wrong-reasons recall)." };
        var minF1 = new Option<double>("--min-f1") { Description = "Least F1 for each label with enough gold cases.", DefaultValueFactory = _ => AgreementRequirements.Default.MinF1 };
        var minSupport = new Option<int>("--min-support") { Description = "Gold cases a label needs before --min-f1 applies to it.", DefaultValueFactory = _ => AgreementRequirements.Default.MinSupport };
        var minCorrectRecall = new Option<double>("--min-correct-recall") { Description = "Least recall of 'correct'.", DefaultValueFactory = _ => AgreementRequirements.Default.MinCorrectRecall };
        var minFirstAnswer = new Option<double>("--min-first-answer") { Description = "Least first-answer agreement.", DefaultValueFactory = _ => AgreementRequirements.Default.MinFirstAnswerAgreement };
        var minRfwr = new Option<double>("--min-rfwr-recall") { Description = "Least recall of right-for-the-wrong-reasons.", DefaultValueFactory = _ => AgreementRequirements.Default.MinRightForWrongReasonsRecall };
        var command = new Command("agree", "Measure the instrument against human labels of the same replies: per-label precision, recall, F1 and kappa, answer agreement, right-for-the-wrong-reasons caught, a confusion table and the disagreements (docs/labels.md).")
        {
            readings, labels, outDir, maxDisagreements, require, minF1, minSupport, minCorrectRecall, minFirstAnswer, minRfwr,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            var readingsPath = Existing(parse.GetValue(readings)!, "readings");
            var labelsPath = Existing(parse.GetValue(labels)!, "labels");
            var gold = LabelsFile.Read(labelsPath);
            if (gold.ById.Count == 0)
            {
                throw new CliException($"'{labelsPath}' holds no readable label; its format is described in docs/labels.md.");
            }

            var input = LabelsFile.LooksLikeLabels(readingsPath)
                ? AgreementBuilder.FromLabels(gold, LabelsFile.Read(readingsPath))
                : AgreementBuilder.FromRunFile(gold, readingsPath);
            foreach (var issue in input.Issues)
            {
                console.Error.WriteLine($"skipped {issue}");
            }

            if (input.Report.Total == 0)
            {
                throw new CliException($"no labelled id of '{Path.GetFileName(labelsPath)}' appears in '{Path.GetFileName(readingsPath)}'; labels match a transcript 'id' or a case id.");
            }

            var requirements = new AgreementRequirements(parse.GetValue(minF1), parse.GetValue(minSupport), parse.GetValue(minCorrectRecall), parse.GetValue(minFirstAnswer), parse.GetValue(minRfwr));
            var markdown = AgreementMarkdown.Write(input, Path.GetFileName(readingsPath), Path.GetFileName(labelsPath), requirements, Math.Max(0, parse.GetValue(maxDisagreements)));
            console.Out.Write(markdown);
            if (parse.GetValue(outDir) is { } directory)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, "agreement.md"), markdown);
                using var json = File.Create(Path.Combine(directory, "agreement.json"));
                AgreementJson.Write(json, input, requirements);
                console.Out.WriteLine($"wrote {Path.Combine(directory, "agreement.md")} and agreement.json");
            }

            var failures = requirements.Failures(input.Report);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"agreement: {input.Report.Total} replies, {failures.Count} requirement(s) missed"));
            return parse.GetValue(require) && failures.Count > 0 ? GateExitCodes.ThresholdFailed : GateExitCodes.Passed;
        }));
        return command;
    }

    private static string Existing(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{what} '{path}' is a folder; give the file.");
        }

        return File.Exists(path) ? path : throw new CliException($"{what} file '{path}' does not exist.");
    }
}
