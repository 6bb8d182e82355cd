using System.Text.Json;

namespace Faithful.Reports.RunFiles.Streaming;

/// <summary>What a run file line is.</summary>
public enum RunLineKind
{
    /// <summary>Not a JSON object, or an object that is none of the kinds below.</summary>
    Unreadable,

    /// <summary>The header (it has <c>format</c>).</summary>
    Header,

    /// <summary>A program definition of a <c>faithful.run/2</c> file (it has <c>program</c>).</summary>
    Program,

    /// <summary>A case result (it has <c>caseId</c> and <c>model</c>).</summary>
    Case,
}

/// <summary>
/// The few top-level fields that say what a line is and which result it holds, read without building the line's
/// objects: enough to index a file (which lines supersede which) before any line is deserialized.
/// </summary>
public readonly record struct RunLineHead(RunLineKind Kind, string? Format, string? CaseId, string? Model, string? Protocol, string? Program, string? Problem)
{
    /// <summary>A case line with an error and no verdict: a failed request that a resumed run asks again.</summary>
    public bool Failed { get; init; }

    /// <summary>The result's identity (<see cref="RunFile.KeyOf(string, string, string?)"/>); null unless a case.</summary>
    public string? Key => Kind == RunLineKind.Case ? RunFile.KeyOf(Model!, CaseId!, Protocol) : null;

    public static RunLineHead Read(ReadOnlySpan<byte> line)
    {
        string? format = null, caseId = null, model = null, protocol = null, program = null;
        bool hasVerdict = false, hasError = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Unreadable("not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                var wanted = name.SequenceEqual("format"u8) ? 1
                    : name.SequenceEqual("caseId"u8) ? 2
                    : name.SequenceEqual("model"u8) ? 3
                    : name.SequenceEqual("protocol"u8) ? 4
                    : name.SequenceEqual("program"u8) ? 5
                    : 0;
                var isVerdict = name.SequenceEqual("verdict"u8) || name.SequenceEqual("v"u8);
                var isError = name.SequenceEqual("error"u8);
                reader.Read();
                hasVerdict |= isVerdict && reader.TokenType != JsonTokenType.Null;
                hasError |= isError && reader.TokenType == JsonTokenType.String;
                if (wanted == 0 || reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                var value = reader.GetString();
                switch (wanted)
                {
                    case 1: format = value; break;
                    case 2: caseId = value; break;
                    case 3: model = value; break;
                    case 4: protocol = value; break;
                    default: program = value; break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Unreadable("not one JSON object");
            }
        }
        catch (JsonException e)
        {
            return Unreadable("not valid JSON: " + (e.Message.Length <= 200 ? e.Message : e.Message[..200] + "…"));
        }

        if (format is not null)
        {
            return new RunLineHead(RunLineKind.Header, format, null, null, null, null, null);
        }

        if (!string.IsNullOrEmpty(caseId) && !string.IsNullOrEmpty(model))
        {
            return new RunLineHead(RunLineKind.Case, null, caseId, model, protocol, null, null) { Failed = hasError && !hasVerdict };
        }

        if (!string.IsNullOrEmpty(program))
        {
            return new RunLineHead(RunLineKind.Program, null, null, null, null, program, null);
        }

        return Unreadable("a case result needs 'caseId' and 'model'");
    }

    private static RunLineHead Unreadable(string problem) => new(RunLineKind.Unreadable, null, null, null, null, null, problem);
}
