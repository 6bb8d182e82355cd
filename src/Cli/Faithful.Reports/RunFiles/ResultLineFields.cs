using System.Globalization;
using System.Text.Json;

namespace Faithful.Reports.RunFiles;

/// <summary>Writes new values over a serialized result line's <c>caseId</c> and <c>sample</c>, leaving every other byte as it is.</summary>
internal static class ResultLineFields
{
    /// <summary>
    /// <paramref name="line"/> with its top-level <c>caseId</c> string replaced by <paramref name="caseIdJson"/> (a JSON
    /// string, quotes included) and its top-level <c>sample</c> number by <paramref name="sample"/>; null when the line
    /// is not a JSON object holding both.
    /// </summary>
    public static byte[]? Rewrite(byte[] line, ReadOnlySpan<byte> caseIdJson, int sample)
    {
        if (!TryFind(line, out var caseId, out var sampleAt))
        {
            return null;
        }

        Span<byte> digits = stackalloc byte[16];
        if (!sample.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture))
        {
            return null;
        }

        var (first, second) = caseId.Start < sampleAt.Start ? (caseId, sampleAt) : (sampleAt, caseId);
        var firstValue = first == caseId ? caseIdJson : digits[..written];
        var secondValue = first == caseId ? digits[..written] : caseIdJson;
        var rewritten = new byte[line.Length - caseId.Length - sampleAt.Length + caseIdJson.Length + written];
        var source = line.AsSpan();
        var target = rewritten.AsSpan();
        source[..first.Start].CopyTo(target);
        target = target[first.Start..];
        firstValue.CopyTo(target);
        target = target[firstValue.Length..];
        source[(first.Start + first.Length)..second.Start].CopyTo(target);
        target = target[(second.Start - first.Start - first.Length)..];
        secondValue.CopyTo(target);
        target = target[secondValue.Length..];
        source[(second.Start + second.Length)..].CopyTo(target);
        return rewritten;
    }

    // Where the two values' tokens lie (start and length in bytes, a string's quotes included), read at the top level only.
    private static bool TryFind(byte[] line, out (int Start, int Length) caseId, out (int Start, int Length) sample)
    {
        caseId = (-1, 0);
        sample = (-1, 0);
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (caseId.Start < 0 || sample.Start < 0))
            {
                var isCaseId = reader.ValueTextEquals("caseId"u8);
                var isSample = reader.ValueTextEquals("sample"u8);
                if (!reader.Read())
                {
                    return false;
                }

                var start = (int)reader.TokenStartIndex;
                if (isCaseId && reader.TokenType == JsonTokenType.String && caseId.Start < 0)
                {
                    caseId = (start, (int)reader.BytesConsumed - start);
                }
                else if (isSample && reader.TokenType == JsonTokenType.Number && sample.Start < 0)
                {
                    sample = (start, (int)reader.BytesConsumed - start);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return caseId.Start >= 0 && sample.Start >= 0;
    }
}
