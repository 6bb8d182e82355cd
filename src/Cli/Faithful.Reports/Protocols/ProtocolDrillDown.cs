using System.Globalization;
using System.Text;
using Faithful.Reports.Html;
using Faithful.Traces.Results;

namespace Faithful.Reports.Protocols;

/// <summary>In a trace's drill-down: the protocol, its evidence in a line, and the conversation turn by turn (escaped, bounded).</summary>
internal static class ProtocolDrillDown
{
    private const int MaxTurnsShown = 60;

    // Each message shown in part: the page stays usable for runs of thousands of conversations; the run file has them whole.
    private const int MaxTurnChars = 1500;

    public static void Append(StringBuilder html, CaseResult result, HtmlReportOptions options)
    {
        if (result.Protocol is null)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"protocol\">Protocol <code>{Svg.Escape(result.Protocol)}</code>{Svg.Escape(Summary(result.Evidence))}</p>");
        if (result.Evidence is not { Turns.Count: > 1 } evidence)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<details class=\"conversation\"><summary>Conversation ({evidence.Turns.Count} messages)</summary>");
        foreach (var turn in evidence.Turns.Take(MaxTurnsShown))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><b>{Svg.Escape(turn.Role)}</b></p><pre class=\"reply\">{Svg.Escape(Formats.Text.Bound(turn.Text, Math.Min(MaxTurnChars, options.MaxReplyChars)))}</pre>");
        }

        if (evidence.Turns.Count > MaxTurnsShown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>… and {evidence.Turns.Count - MaxTurnsShown} more messages (all in the run file).</p>");
        }

        html.Append("</details>");
    }

    private static string Summary(ProtocolEvidence? evidence) => evidence switch
    {
        { Checkpoints: { } c } => string.Create(CultureInfo.InvariantCulture, $": {c.Checkpoints.Count} checks every {c.Every} steps, {c.Corrections} corrected, unaided for {c.UnaidedSteps} steps{(c.Stopped ? ", stopped at the first failed check" : "")}."),
        { Gradual: { } g } => string.Create(CultureInfo.InvariantCulture, $": {g.TurnCount} turns of {g.Reveal} steps, first wrong turn {(g.FirstWrongTurn is { } t ? (t + 1).ToString(CultureInfo.InvariantCulture) : "none")}."),
        { Plan: { } p } => string.Create(CultureInfo.InvariantCulture, $": {p.PlannedSteps} planned statements, {(p.SameStructure ? "same structure" : "different structure")}, {(p.SameComputation ? "same computation" : "different computation")}, executed answer {p.ExecutedAnswer?.ToString() ?? "none"}{(p.Problem is null ? "" : "; " + Formats.Text.Bound(p.Problem, 300))}."),
        { Rationale: { } r } => string.Create(CultureInfo.InvariantCulture, $": rationale right for {r.CorrectSteps} of {r.Steps} steps."),
        { Variant: { } v } => $": variant {v.Variant} of {v.BaseProgramId} ({Formats.Text.Bound(v.Description, 300)}).",
        { Dependence: { } d } => Dependence.DependenceDrillDown.Line(d),
        _ => ".",
    };
}
