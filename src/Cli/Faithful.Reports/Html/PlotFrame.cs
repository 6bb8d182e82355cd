using System.Globalization;
using System.Text;

namespace Faithful.Reports.Html;

/// <summary>
/// The plot area of a chart: pixel geometry, axes with ticks and labels, and the mapping from data to pixels.
/// </summary>
internal sealed class PlotFrame(double xMin, double xMax, double yMin, double yMax)
{
    public const int Width = 640;
    public const int Height = 320;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 44;

    public double X(double x) => Left + (xMax - xMin <= 0 ? 0.5 : (x - xMin) / (xMax - xMin)) * (Width - Left - Right);

    public double Y(double y) => Height - Bottom - (yMax - yMin <= 0 ? 0.5 : (y - yMin) / (yMax - yMin)) * (Height - Top - Bottom);

    public static double PlotWidth => Width - Left - Right;

    public static StringBuilder Open(string id, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" id=\"{Svg.Escape(id)}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Svg.Escape(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Svg.Escape(title)}</title>");
        return svg;
    }

    /// <summary>Axes, grid lines and tick labels; x ticks at the given values, y ticks as percentages or counts.</summary>
    public void Axes(StringBuilder svg, IEnumerable<double> xTicks, int yTickCount, bool yPercent, string xLabel, string yLabel)
    {
        svg.Append("<g class=\"axes\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">");
        for (var i = 0; i <= yTickCount; i++)
        {
            var value = yMin + (yMax - yMin) * i / yTickCount;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Svg.N(y)}\" y2=\"{Svg.N(y)}\" stroke=\"#e5e5e5\"/>");
            var label = yPercent ? Svg.N(value * 100) + "%" : Svg.N(value);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Svg.N(y + 4)}\" text-anchor=\"end\">{label}</text>");
        }

        foreach (var tick in xTicks)
        {
            var x = X(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" x2=\"{Svg.N(x)}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 4}\" stroke=\"#333\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Svg.N(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Svg.N(tick)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis x\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis y\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + PlotWidth / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\">{Svg.Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Svg.Escape(yLabel)}</text>");
        svg.Append("</g>");
    }

    /// <summary>Tick values for a set of x positions: all when few, else about ten evenly chosen.</summary>
    public static IEnumerable<double> Ticks(IReadOnlyList<int> values)
    {
        if (values.Count <= 12)
        {
            return values.Select(v => (double)v);
        }

        var stride = (int)Math.Ceiling(values.Count / 10.0);
        return values.Where((_, i) => i % stride == 0).Select(v => (double)v);
    }
}
