namespace Faithful.Reports.Html;

/// <summary>Bounds on what the HTML page shows, so that a huge run or a huge reply keeps the page usable.</summary>
public sealed record HtmlReportOptions
{
    public string Title { get; init; } = "Faithful report";

    /// <summary>Characters of a reply shown in a drill-down.</summary>
    public int MaxReplyChars { get; init; } = 4000;

    /// <summary>Steps shown in a drill-down: a window that starts shortly before the first divergence.</summary>
    public int MaxStepsShown { get; init; } = 60;
}
