using System.Globalization;
using System.Text;

namespace Faithful.Reports.Html;

/// <summary>A report table: an optional heading, a header row and rows of text cells, every piece HTML-escaped.</summary>
internal static class HtmlTable
{
    public static void Write(StringBuilder html, string? title, string cssClass, string[] headers, IEnumerable<string[]> rows)
    {
        if (title is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Svg.Escape(title)}</h3>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<table class=\"{cssClass}\"><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(Svg.Escape(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Svg.Escape(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
    }
}
