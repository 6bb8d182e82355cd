using System.Globalization;
using System.Text;

namespace Faithful.Transcripts.Reading;

/// <summary>
/// Splits JSON Lines input into lines without ever holding more than one bounded line: a line past the limit is
/// skipped to its newline (counted, not stored) and reported. Only LF ends a line (a CR before it is dropped; a bare CR
/// is JSON whitespace and stays in the line), so line numbers match what editors and <c>jq</c> show. Bytes must be
/// UTF-8 (UTF-16 and UTF-32 are read when a byte-order mark says so); a line that is not is reported, never replaced
/// with U+FFFD; input with NUL bytes at its start is refused as a whole.
/// </summary>
public static class BoundedLineReader
{
    /// <summary>How much of the input's start is checked for NUL bytes before anything is read as text.</summary>
    public const int SniffBytes = 8 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lines of <paramref name="stream"/>, each at most <paramref name="maxLineBytes"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The input is not text (it starts with NUL bytes within its first 8 KiB).</exception>
    public static IEnumerable<TranscriptLine> Read(Stream stream, string fileName, int maxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        return ReadLines(AsUtf8(stream, fileName), maxLineBytes);
    }

    /// <summary>The lines of already decoded text, each at most <paramref name="maxLineChars"/> characters.</summary>
    public static IEnumerable<TranscriptLine> Read(TextReader reader, int maxLineChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineChars, 1);
        return ReadLines(reader, maxLineChars);
    }

    // The start of the input decides how it is read: a BOM names its encoding, NUL bytes mean it is not text.
    private static Stream AsUtf8(Stream stream, string fileName)
    {
        var head = new byte[SniffBytes];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, length);
        Encoding? wide = start switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        if (wide is not null)
        {
            var bom = wide.GetPreamble().Length;
            return Encoding.CreateTranscodingStream(new PrefixedStream(head.AsMemory(bom, length - bom), stream), wide, Encoding.UTF8, leaveOpen: true);
        }

        var skip = start is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var nul = start.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{fileName}' is not a text file: it holds a NUL byte at offset {nul}. Transcripts are JSON Lines in UTF-8 (UTF-16 or UTF-32 need a byte-order mark); see docs/transcripts.md."));
        }

        return new PrefixedStream(head.AsMemory(skip, length - skip), stream);
    }

    private static IEnumerable<TranscriptLine> ReadLines(Stream stream, int maxLineBytes)
    {
        var buffer = new byte[64 * 1024];
        var line = new byte[Math.Min(maxLineBytes, 4096)];
        var lineLength = 0;
        long skipped = 0;
        var number = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var position = 0;
            while (position < read)
            {
                var rest = buffer.AsSpan(position, read - position);
                var newline = rest.IndexOf((byte)'\n');
                var piece = newline < 0 ? rest : rest[..newline];
                if (skipped > 0 || lineLength + piece.Length > maxLineBytes)
                {
                    skipped = skipped > 0 ? skipped + piece.Length : lineLength + piece.Length;
                    lineLength = 0;
                }
                else
                {
                    if (lineLength + piece.Length > line.Length)
                    {
                        Array.Resize(ref line, Math.Min(maxLineBytes, Math.Max(line.Length * 2, lineLength + piece.Length)));
                    }

                    piece.CopyTo(line.AsSpan(lineLength));
                    lineLength += piece.Length;
                }

                if (newline < 0)
                {
                    break;
                }

                yield return Finish(++number, line.AsSpan(0, lineLength), skipped, maxLineBytes);
                lineLength = 0;
                skipped = 0;
                position += newline + 1;
            }
        }

        if (lineLength > 0 || skipped > 0)
        {
            yield return Finish(++number, line.AsSpan(0, lineLength), skipped, maxLineBytes);
        }
    }

    private static TranscriptLine Finish(int number, ReadOnlySpan<byte> bytes, long skipped, int maxLineBytes)
    {
        if (skipped > 0)
        {
            return new TranscriptLine(number, null, string.Create(CultureInfo.InvariantCulture, $"the line is {skipped} bytes long; at most {maxLineBytes} are read"));
        }

        if (bytes is [.., (byte)'\r'])
        {
            bytes = bytes[..^1];
        }

        if (bytes.IndexOf((byte)0) is >= 0 and var nul)
        {
            return new TranscriptLine(number, null, string.Create(CultureInfo.InvariantCulture, $"the line holds a NUL byte at byte {nul + 1}; it is not text"));
        }

        try
        {
            return new TranscriptLine(number, StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.BytesUnknown is { Length: > 0 } unknown ? $"byte 0x{unknown[0]:X2}" : "a byte";
            return new TranscriptLine(number, null, string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 ({bad} at byte {Math.Max(0, e.Index) + 1} of the line); save the file as UTF-8"));
        }
    }

    private static IEnumerable<TranscriptLine> ReadLines(TextReader reader, int maxLineChars)
    {
        var buffer = new char[16 * 1024];
        var line = new StringBuilder();
        long skipped = 0;
        var number = 0;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var position = 0;
            while (position < read)
            {
                var rest = buffer.AsSpan(position, read - position);
                var newline = rest.IndexOf('\n');
                var piece = newline < 0 ? rest : rest[..newline];
                if (skipped > 0 || line.Length + piece.Length > maxLineChars)
                {
                    skipped = skipped > 0 ? skipped + piece.Length : line.Length + piece.Length;
                    line.Clear();
                }
                else
                {
                    line.Append(piece);
                }

                if (newline < 0)
                {
                    break;
                }

                yield return FinishText(++number, line, skipped, maxLineChars);
                line.Clear();
                skipped = 0;
                position += newline + 1;
            }
        }

        if (line.Length > 0 || skipped > 0)
        {
            yield return FinishText(++number, line, skipped, maxLineChars);
        }
    }

    private static TranscriptLine FinishText(int number, StringBuilder line, long skipped, int maxLineChars)
    {
        if (skipped > 0)
        {
            return new TranscriptLine(number, null, string.Create(CultureInfo.InvariantCulture, $"the line is {skipped} characters long; at most {maxLineChars} are read"));
        }

        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        return new TranscriptLine(number, line.ToString(), null);
    }
}
