using System.Net;

namespace Faithful.Reports.Sanitising;

/// <summary>
/// Model text in the HTML report: entity-escaped (so it never becomes markup) and with control characters spelled out
/// (raw NUL or ESC are not text a browser can show, and they survive copy and paste into a terminal).
/// </summary>
public static class HtmlText
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(ControlCharacters.Spelled(text ?? ""));
}
