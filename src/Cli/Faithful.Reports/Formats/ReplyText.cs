using System.Globalization;
using Faithful.Traces.Results;

namespace Faithful.Reports.Formats;

/// <summary>
/// The length a reply had before it was cut to the characters a result keeps. Writers that cut replies (the case
/// runner, the transcript scorer) record it in the result's metadata under <see cref="OriginalLengthKey"/>.
/// </summary>
public static class ReplyText
{
    /// <summary>Metadata key holding the reply's original length in characters, present only when the kept reply is shorter.</summary>
    public const string OriginalLengthKey = "reply.chars";

    public static int OriginalLength(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metadata?.TryGetValue(OriginalLengthKey, out var text) == true
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && length >= result.Reply.Length
                ? length
                : result.Reply.Length;
    }
}
