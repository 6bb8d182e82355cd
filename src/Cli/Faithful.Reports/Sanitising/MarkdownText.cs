using System.Net;

namespace Faithful.Reports.Sanitising;

/// <summary>
/// Model text in Markdown (a PR comment, a GitHub step summary): always inside a code span, so emphasis, links and
/// HTML in it render as text. The span's fence is one backtick longer than the longest backtick run in the text, so
/// no backtick in it can close the span (CommonMark §6.1).
/// </summary>
public static class MarkdownText
{
    /// <summary>A code span holding <paramref name="text"/> on one line, safe in a GFM table cell.</summary>
    public static string CodeSpan(string? text)
    {
        var content = ControlCharacters.Spelled((text ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' '))
            // GFM splits table cells on a pipe even inside a code span unless it is escaped; the table parser removes the backslash.
            .Replace("|", "\\|", StringComparison.Ordinal);
        if (content.Length == 0)
        {
            return "` `";
        }

        var fence = new string('`', LongestBacktickRun(content) + 1);

        // A span that starts or ends with a backtick needs a space between it and the fence; one space each side is stripped.
        var pad = content[0] == '`' || content[^1] == '`' || (content[0] == ' ' && content[^1] == ' ') ? " " : "";
        return fence + pad + content + pad + fence;
    }

    /// <summary>Text inside raw HTML in Markdown (e.g. <c>&lt;summary&gt;&lt;code&gt;</c>), where Markdown is not parsed but HTML is.</summary>
    public static string InHtml(string? text) =>
        WebUtility.HtmlEncode(ControlCharacters.Spelled((text ?? "").Replace('\n', ' ')));

    private static int LongestBacktickRun(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
