namespace Faithful.Reports.Html;

/// <summary>Bounds on what the HTML page shows, so that a huge run or a huge reply keeps the page usable.</summary>
public sealed record HtmlReportOptions
{
    public string Title { get; init; } = "Faithful report";

    /// <summary>Traces beyond this many get a row in the case table but no drill-down.</summary>
    public int MaxDrillDowns { get; init; } = 5000;

    public int MaxReplyChars { get; init; } = 4000;

    public int MaxStepsShown { get; init; } = 200;
}
