using System.Buffers;

namespace Faithful.Reports.RunFiles.Streaming;

/// <summary>One complete line of a JSON Lines file: its one-based number, byte offset and bytes (without the newline).</summary>
/// <remarks><see cref="Bytes"/> is valid only until the reader moves on; copy it to keep it.</remarks>
public readonly record struct JsonLine(int Number, long Offset, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// Reads a file line by line as bytes with a buffer that grows only to the longest line, so memory does not depend on
/// the file's size. A last line without its newline (a writer killed mid-line) is not returned: <see cref="TornTail"/>
/// says it was there and <see cref="CompleteLength"/> where the complete lines end. Lines longer than
/// <see cref="MaxLineBytes"/> are skipped without buffering and listed in <see cref="Oversized"/>.
/// </summary>
public sealed class JsonLineReader : IDisposable
{
    /// <summary>Longest line read (a run file line holds at most one bounded reply and its verdict).</summary>
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private int _lineNumber;
    private bool _eof;

    public JsonLineReader(Stream stream, bool ownsStream = true, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _ownsStream = ownsStream;
        MaxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    public int MaxLineBytes { get; }

    /// <summary>The file's name, for messages.</summary>
    public string Name { get; init; } = "input";

    /// <summary>What the file should be, for messages (<c>run file</c>).</summary>
    public string Kind { get; init; } = "JSON Lines file";

    /// <summary>A sentence that says what such a file is.</summary>
    public string KindHint { get; init; } = "A JSON Lines file holds one JSON value per line.";

    /// <summary>Byte length up to the end of the last complete line read so far.</summary>
    public long CompleteLength { get; private set; }

    /// <summary>Whether the file ended inside a line (known once <see cref="TryRead"/> returned false).</summary>
    public bool TornTail { get; private set; }

    /// <summary>The number of the torn last line, when there is one.</summary>
    public int TornLine { get; private set; }

    /// <summary>Line numbers and lengths of lines skipped for being longer than <see cref="MaxLineBytes"/>.</summary>
    public List<(int Line, long Bytes)> Oversized { get; } = [];

    /// <summary>Opens <paramref name="path"/> for sequential reading, sharing it with a writer that may still append.</summary>
    public static JsonLineReader Open(string path, int maxLineBytes = DefaultMaxLineBytes)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        return new JsonLineReader(stream, ownsStream: true, maxLineBytes) { Name = path };
    }

    /// <summary>The next complete line, or false at the end of the file.</summary>
    public bool TryRead(out JsonLine line)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                _lineNumber++;
                var length = newline - _start;
                var offset = _bufferOffset + _start;
                line = new JsonLine(_lineNumber, offset, new ReadOnlyMemory<byte>(_buffer, _start, length));
                _start = newline + 1;
                CompleteLength = _bufferOffset + _start;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    TornTail = true;
                    TornLine = _lineNumber + 1;
                }

                line = default;
                return false;
            }

            if (_end - _start >= MaxLineBytes)
            {
                SkipOversizedLine();
                continue;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(_buffer.Length * 2, 1024), MaxLineBytes + 1));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        // Text starts without NUL bytes; a device such as /dev/zero would otherwise be read forever.
        if (_bufferOffset == 0 && _end == 0 && _buffer.AsSpan(0, read).IndexOf((byte)0) is >= 0 and var nul)
        {
            throw new InvalidDataException($"'{Name}' is not a {Kind}: it holds a NUL byte at offset {nul}. {KindHint}");
        }

        _end += read;
    }

    // Discards bytes up to the next newline without keeping them, so a huge line costs no memory.
    private void SkipOversizedLine()
    {
        _lineNumber++;
        var skipped = (long)(_end - _start);
        _bufferOffset += _end;
        _start = _end = 0;
        while (true)
        {
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                TornTail = true;
                TornLine = _lineNumber;
                Oversized.Add((_lineNumber, skipped));
                return;
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', 0, read);
            if (newline >= 0)
            {
                skipped += newline;
                Oversized.Add((_lineNumber, skipped));
                _start = newline + 1;
                _end = read;
                CompleteLength = _bufferOffset + _start;
                return;
            }

            skipped += read;
            _bufferOffset += read;
        }
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
