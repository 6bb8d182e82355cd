using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Faithful.Fuzzing;

/// <summary>
/// Transcript files as bytes (carried in a string, one char per byte): JSON lines with every field valid, wrong, missing
/// or hostile, broken lines, raw bytes, line breaks of every kind, byte-order marks and NULs.
/// </summary>
public static class TranscriptFiles
{
    public static ProceduralGen Gen { get; } = new(Build);

    public static string Build(Chooser c)
    {
        var text = new StringBuilder();
        for (var lines = c.Int(0, 6); lines > 0; lines--)
        {
            text.Append(Line(c)).Append(c.Pick(Breaks));
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        bytes = c.Int(40) switch
        {
            0 => [0xEF, 0xBB, 0xBF, .. bytes],
            1 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.ToString())],
            2 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text.ToString())],
            3 => Encoding.Unicode.GetBytes(text.ToString()),
            4 => [.. new byte[c.Int(1, 64)], .. bytes],
            5 => Encoding.Latin1.GetBytes(text.ToString()),
            6 => Flip(c, bytes),
            7 => bytes[..c.Int(bytes.Length + 1)],
            _ => bytes,
        };
        return Encoding.Latin1.GetString(bytes);
    }

    /// <summary>The bytes a generated file stands for.</summary>
    public static byte[] Bytes(string file) => Encoding.Latin1.GetBytes(file);

    private static readonly string[] Breaks = ["\n", "\n", "\r\n", "\r", "\n\n", "\r\r\n"];

    private static byte[] Flip(Chooser c, byte[] bytes)
    {
        for (var i = c.Int(1, 8); i > 0 && bytes.Length > 0; i--)
        {
            bytes[c.Int(bytes.Length)] = (byte)c.Int(256);
        }

        return bytes;
    }

    private static string Line(Chooser c)
    {
        if (c.Chance(8))
        {
            return c.Chance(50) ? ProgramTexts.Soup(c, c.Int(0, 30)) : "   ";
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            Field(c, json, "model", () => json.WriteStringValue(c.Pick(new[] { "m", "openai:gpt-4o", "", "vendor:\u001b]52;c;x\u0007", new string('m', 500) })));
            Field(c, json, "reply", () => json.WriteStringValue(ReplyTexts.Build(c)));
            if (c.Chance(85))
            {
                Field(c, json, "program", () => json.WriteStringValue(c.Chance(90) ? ProgramTexts.Statements(c, c.Int(1, 6)) : ProgramTexts.Build(c)));
            }
            else
            {
                Field(c, json, "programName", () => json.WriteStringValue(c.Pick(new[] { "Chain", "P.A", "\u0000", "" })));
            }

            Field(c, json, "inputs", () => Inputs(c, json));
            if (c.Chance(30))
            {
                Field(c, json, "parameters", () => json.WriteStringValue(c.Pick(new[] { "long a0, long a1, long a2, long a3", "double a0, long a1", "long a0", "int a0", "long class", ",,", "long a0 long a1" })));
            }

            Field(c, json, "question", () => json.WriteStringValue(c.Pick(new[] { "a0", "a1", "a3", "sum", "SUM", "s1", "", "a0 + 1", "t0" })));
            if (c.Chance(20))
            {
                Field(c, json, "answerPattern", () => json.WriteStringValue(c.Pick(new[] { "Final: (?<answer>-?\\d+)", "(\\d+)", "(", "(a+)+$", "(?<answer>(x+x+)+y)", "\\", "[", "(?<answer>.*)*$" })));
            }

            if (c.Chance(20))
            {
                Field(c, json, "prompt", () => json.WriteStringValue("Example: <result>17</result>\n" + ReplyTexts.Build(c)));
            }

            if (c.Chance(20))
            {
                Field(c, json, "sample", () => Number(c, json));
            }

            if (c.Chance(15))
            {
                Field(c, json, "metadata", () =>
                {
                    json.WriteStartObject();
                    json.WriteString("tool", "fuzz");
                    json.WriteNumber("n", c.Int(-5, 5));
                    json.WritePropertyName("nested");
                    json.WriteStartArray();
                    json.WriteEndArray();
                    json.WriteEndObject();
                });
            }

            if (c.Chance(5))
            {
                json.WritePropertyName("deep");
                for (var i = c.Int(1, 80); i > 0; i--)
                {
                    json.WriteStartArray();
                }
            }
            else
            {
                json.WriteEndObject();
            }
        }

        var line = Encoding.UTF8.GetString(stream.ToArray());
        return c.Chance(10) ? ProgramTexts.Mutate(c, line) : line;
    }

    private static void Field(Chooser c, Utf8JsonWriter json, string name, Action value)
    {
        if (c.Chance(4))
        {
            return;
        }

        json.WritePropertyName(c.Chance(3) ? name.ToUpperInvariant() : name);
        if (c.Chance(4))
        {
            json.WriteNullValue();
        }
        else if (c.Chance(3))
        {
            json.WriteNumberValue(c.Int(-3, 3));
        }
        else
        {
            value();
        }
    }

    private static void Inputs(Chooser c, Utf8JsonWriter json)
    {
        if (c.Chance(15))
        {
            json.WriteStartArray();
            for (var i = c.Int(0, 5); i > 0; i--)
            {
                Number(c, json);
            }

            json.WriteEndArray();
            return;
        }

        json.WriteStartObject();
        foreach (var register in ProgramTexts.Registers.Take(c.Int(0, 4)))
        {
            json.WritePropertyName(c.Chance(97) ? register : "b");
            Number(c, json);
        }

        json.WriteEndObject();
    }

    private static void Number(Chooser c, Utf8JsonWriter json)
    {
        switch (c.Int(12))
        {
            case < 7:
                json.WriteNumberValue(c.Int(-20, 20));
                break;
            case 7:
                json.WriteRawValue(c.Pick(new[] { "1e309", "-1e400", "9223372036854775808", "1" + new string('0', c.Int(20, 10_000)), "1.5", "-0", "4e-324" }), skipInputValidation: true);
                break;
            case 8:
                json.WriteNumberValue(c.Long());
                break;
            case 9:
                json.WriteStringValue("7");
                break;
            case 10:
                json.WriteNumberValue(c.Int(-1000, 1000) / 7.0);
                break;
            default:
                json.WriteRawValue(c.Int(-3, 3).ToString(CultureInfo.InvariantCulture) + (c.Chance(50) ? ".0" : ""), skipInputValidation: true);
                break;
        }
    }
}
