using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>What the length plots draw: a model's length groups (each length, or power-of-two bins when there are many).</summary>
internal static class PlotCellExtensions
{
    public static List<KeyedSummary<int>> PlotCells(this ModelSummary model) =>
        model.LengthGroups.Select(g => new KeyedSummary<int>(g.Length, g.Summary)).ToList();
}
