using System.Globalization;
using System.Text;

namespace Faithful.Reports.Html;

/// <summary>
/// One small-multiple panel: pixel geometry with a band above the plot area for the panel's title and legend (so
/// neither ever covers data), linear axes with evenly spaced round ticks, and the mapping from data to pixels.
/// </summary>
internal sealed class PlotFrame
{
    public const int Width = 352;
    public const int Height = 248;
    public const int Left = 46;
    public const int Right = 14;
    public const int Top = 46;
    public const int Bottom = 40;

    // Tick labels are at most a few characters of 11px text; keep their centres this far apart so none can touch.
    private const double MinTickSpacing = 40;

    private readonly double xMin;
    private readonly double xMax;
    private readonly double yMin;
    private readonly double yMax;

    /// <summary>A frame whose x axis spans [<paramref name="xFrom"/>, <paramref name="xTo"/>] widened to round tick values.</summary>
    public PlotFrame(double xFrom, double xTo, double yMin, double yMax)
    {
        (xMin, xMax, XTicks) = NiceTicks(xFrom, xTo, (int)Math.Max(2, PlotWidth / MinTickSpacing));
        this.yMin = yMin;
        this.yMax = yMax;
    }

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    /// <summary>Round, evenly spaced x tick values covering the data; their labels never overlap.</summary>
    public IReadOnlyList<double> XTicks { get; }

    public double X(double x) => Left + (xMax - xMin <= 0 ? 0.5 : (x - xMin) / (xMax - xMin)) * PlotWidth;

    public double Y(double y) => Height - Bottom - (yMax - yMin <= 0 ? 0.5 : (y - yMin) / (yMax - yMin)) * PlotHeight;

    /// <summary>Pixels per x unit, e.g. to size a bar one step wide.</summary>
    public double XScale => xMax - xMin <= 0 ? PlotWidth : PlotWidth / (xMax - xMin);

    /// <summary>Opens a panel: the svg element, its accessible title, and the visible title in the band above the plot.</summary>
    public static StringBuilder Open(string id, string title, string panelTitle)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" id=\"{Svg.Escape(id)}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Svg.Escape(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Svg.Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"panel-title\" x=\"{Left}\" y=\"15\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">{Svg.Escape(Svg.Shorten(panelTitle, 40))}</text>");
        return svg;
    }

    /// <summary>Grid, axes, tick labels and axis titles; y ticks as percentages or counts.</summary>
    public void Axes(StringBuilder svg, int yTickCount, bool yPercent, string xLabel, string yLabel)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"plot-area\" x=\"{Left}\" y=\"{Top}\" width=\"{Svg.N(PlotWidth)}\" height=\"{Svg.N(PlotHeight)}\" fill=\"none\" stroke=\"none\"/>");
        svg.Append("<g class=\"axes\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">");
        for (var i = 0; i <= yTickCount; i++)
        {
            var value = yMin + (yMax - yMin) * i / yTickCount;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Svg.N(y)}\" y2=\"{Svg.N(y)}\" stroke=\"#e5e5e5\"/>");
            var label = yPercent ? Svg.N(value * 100) + "%" : Svg.N(value);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick y\" x=\"{Left - 6}\" y=\"{Svg.N(y + 4)}\" text-anchor=\"end\">{label}</text>");
        }

        foreach (var tick in XTicks)
        {
            var x = X(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" x2=\"{Svg.N(x)}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 4}\" stroke=\"#333\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick x\" x=\"{Svg.N(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Svg.N(tick)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis x\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis y\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title x\" x=\"{Svg.N(Left + PlotWidth / 2)}\" y=\"{Height - 6}\" text-anchor=\"middle\">{Svg.Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title y\" transform=\"translate(12 {Svg.N(Top + PlotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">{Svg.Escape(yLabel)}</text>");
        svg.Append("</g>");
    }

    /// <summary>A legend row in the band between the title and the plot area: outside the data by construction.</summary>
    public static void Legend(StringBuilder svg, IEnumerable<(string Label, string Swatch)> entries)
    {
        svg.Append("<g class=\"legend\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">");
        var x = (double)Left;
        const int y = 32;
        foreach (var (label, swatch) in entries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend-entry\" transform=\"translate({Svg.N(x)} {y})\">{swatch}<text x=\"24\" y=\"4\">{Svg.Escape(label)}</text></g>");
            x += 30 + label.Length * 6.5;
        }

        svg.Append("</g>");
    }

    /// <summary>
    /// Round ticks (a step of 1, 2 or 5 times a power of ten) covering [<paramref name="from"/>, <paramref name="to"/>]
    /// with at most <paramref name="maxTicks"/> ticks; the axis is widened to the outer ticks.
    /// </summary>
    public static (double Min, double Max, IReadOnlyList<double> Ticks) NiceTicks(double from, double to, int maxTicks)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        if (to - from < 1)
        {
            from = Math.Floor(from);
            to = from + 1;
        }

        var raw = (to - from) / Math.Max(1, maxTicks - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        step = Math.Max(1, step);
        var min = Math.Floor(from / step) * step;
        var max = Math.Ceiling(to / step) * step;
        while ((max - min) / step + 1 > maxTicks)
        {
            step *= 2;
            min = Math.Floor(from / step) * step;
            max = Math.Ceiling(to / step) * step;
        }

        var ticks = new List<double>();
        for (var t = min; t <= max + step / 2; t += step)
        {
            ticks.Add(t);
        }

        return (min, max, ticks);
    }
}
