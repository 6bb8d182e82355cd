using System.Globalization;
using System.Text;
using System.Text.Json;
using Faithful.Model;

namespace Faithful.Serialization;

/// <summary>
/// The stable JSON form of a <see cref="StepProgram"/> (<c>faithful.program/1</c>): property order fixed,
/// reads named, not numbered, so that the text diffs well and reads well.
/// </summary>
public static class ProgramJson
{
    public const string FormatVersion = "faithful.program/1";

    public static string Serialize(StepProgram program)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, program);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }

    public static void Write(Utf8JsonWriter writer, StepProgram program)
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatVersion);
        writer.WriteString("id", program.Id);
        writer.WriteString("name", program.Name);
        writer.WriteString("description", program.Description);
        if (program.ContainingType is not null)
        {
            writer.WriteString("containingType", program.ContainingType);
        }

        writer.WriteBoolean("allowNonFinite", program.AllowNonFinite);
        writer.WriteStartArray("parameters");
        foreach (var parameter in program.Parameters)
        {
            writer.WriteStartObject();
            writer.WriteString("name", parameter.Name);
            writer.WriteString("type", parameter.Kind.ToCSharpKeyword());
            if (parameter.Domain is { } domain)
            {
                writer.WriteStartObject("domain");
                writer.WriteString("min", domain.Min.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("max", domain.Max.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("steps");
        for (var i = 0; i < program.Steps.Count; i++)
        {
            var step = program.Steps[i];
            writer.WriteStartObject();
            writer.WriteString("name", step.Name);
            writer.WriteString("variable", step.Variable);
            writer.WriteNumber("version", step.Version);
            writer.WriteString("type", step.Kind.ToCSharpKeyword());
            writer.WriteString("source", step.SourceText);
            writer.WriteNumber("line", step.Line);
            if (step.IsDistractor)
            {
                writer.WriteBoolean("distractor", true);
            }

            writer.WritePropertyName("expr");
            WriteExpr(writer, step.Expression, program);
            writer.WriteStartArray("reads");
            foreach (var dependency in LookBack.Of(program, i))
            {
                writer.WriteStartObject();
                writer.WriteString("name", program.SlotName(dependency.Slot));
                writer.WriteNumber("distance", dependency.Distance);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("result");
        writer.WriteString("type", program.Result.Kind.ToCSharpKeyword());
        writer.WriteString("source", program.ResultSourceText);
        writer.WritePropertyName("expr");
        WriteExpr(writer, program.Result, program);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteExpr(Utf8JsonWriter writer, Expr expression, StepProgram program)
    {
        writer.WriteStartObject();
        switch (expression)
        {
            case Constant c:
                writer.WriteString("const", c.Value.ToString());
                writer.WriteString("type", c.Kind.ToCSharpKeyword());
                break;
            case Ref r:
                writer.WriteString("ref", program.SlotName(r.Slot));
                break;
            case Unary u:
                writer.WriteString("op", Camel(u.Op.ToString()));
                writer.WriteString("type", u.Kind.ToCSharpKeyword());
                if (u.Checked)
                {
                    writer.WriteBoolean("checked", true);
                }

                writer.WriteStartArray("args");
                WriteExpr(writer, u.Operand, program);
                writer.WriteEndArray();
                break;
            case Binary b:
                writer.WriteString("op", Camel(b.Op.ToString()));
                writer.WriteString("type", b.Kind.ToCSharpKeyword());
                if (b.Checked)
                {
                    writer.WriteBoolean("checked", true);
                }

                writer.WriteStartArray("args");
                WriteExpr(writer, b.Left, program);
                WriteExpr(writer, b.Right, program);
                writer.WriteEndArray();
                break;
            case Conditional c:
                writer.WriteString("op", "if" + c.Op);
                writer.WriteString("type", c.Kind.ToCSharpKeyword());
                writer.WriteStartArray("args");
                WriteExpr(writer, c.Left, program);
                WriteExpr(writer, c.Right, program);
                WriteExpr(writer, c.WhenTrue, program);
                WriteExpr(writer, c.WhenFalse, program);
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unknown expression node {expression.GetType().Name}.");
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the stable JSON form back.</summary>
    /// <exception cref="FormatException">The text is not a valid <c>faithful.program/1</c> document; the message names the JSON path.</exception>
    public static StepProgram Deserialize(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Program JSON is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    public static StepProgram Read(JsonElement root)
    {
        var format = Str(root, "format", "$");
        if (format != FormatVersion)
        {
            throw new FormatException($"$.format is '{format}', expected '{FormatVersion}'.");
        }

        var parameters = new List<Parameter>();
        var slots = new Dictionary<string, (int Slot, ValueKind Kind)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in Arr(root, "parameters", "$"))
        {
            var path = $"$.parameters[{index}]";
            var name = Str(element, "name", path);
            var kind = Kind(Str(element, "type", path), path);
            Domain? domain = null;
            if (element.TryGetProperty("domain", out var d))
            {
                domain = new Domain(Dec(Str(d, "min", path + ".domain"), path), Dec(Str(d, "max", path + ".domain"), path));
            }

            parameters.Add(new Parameter(name, kind, domain));
            AddSlot(slots, name, kind, path);
            index++;
        }

        var steps = new List<Step>();
        index = 0;
        foreach (var element in Arr(root, "steps", "$"))
        {
            var path = $"$.steps[{index}]";
            var name = Str(element, "name", path);
            var kind = Kind(Str(element, "type", path), path);
            var expr = ReadExpr(Obj(element, "expr", path), slots, path + ".expr");
            var step = new Step(
                index,
                name,
                Str(element, "variable", path),
                Int(element, "version", path),
                kind,
                expr,
                Str(element, "source", path),
                Int(element, "line", path),
                element.TryGetProperty("distractor", out var distractor) && distractor.ValueKind == JsonValueKind.True);
            steps.Add(step);
            AddSlot(slots, name, kind, path);
            index++;
        }

        var result = Obj(root, "result", "$");
        var containingType = root.TryGetProperty("containingType", out var ct) ? ct.GetString() : null;
        return new StepProgram(
            Str(root, "name", "$"),
            Str(root, "description", "$"),
            parameters.ToEquatableArray(),
            steps.ToEquatableArray(),
            ReadExpr(Obj(result, "expr", "$.result"), slots, "$.result.expr"),
            Str(result, "source", "$.result"),
            containingType,
            root.TryGetProperty("allowNonFinite", out var allow) && allow.ValueKind == JsonValueKind.True);
    }

    private static Expr ReadExpr(JsonElement element, Dictionary<string, (int Slot, ValueKind Kind)> slots, string path)
    {
        if (element.TryGetProperty("ref", out var reference))
        {
            var name = reference.GetString() ?? "";
            return slots.TryGetValue(name, out var slot)
                ? new Ref(slot.Slot, slot.Kind)
                : throw new FormatException($"{path}.ref names '{name}', which is not an input or an earlier step.");
        }

        var kind = Kind(Str(element, "type", path), path);
        if (element.TryGetProperty("const", out var constant))
        {
            try
            {
                return new Constant(Value.Parse(kind, constant.GetString() ?? ""));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new FormatException($"{path}.const '{constant}' is not a {kind.ToCSharpKeyword()}.", e);
            }
        }

        var op = Str(element, "op", path);
        var args = Arr(element, "args", path).Select((a, i) => ReadExpr(a, slots, $"{path}.args[{i}]")).ToList();
        var isChecked = element.TryGetProperty("checked", out var c) && c.ValueKind == JsonValueKind.True;
        if (op.StartsWith("if", StringComparison.Ordinal) && Enum.TryParse<ComparisonOp>(op[2..], out var comparison))
        {
            return args.Count == 4
                ? new Conditional(comparison, args[0], args[1], args[2], args[3], kind)
                : throw new FormatException($"{path}: '{op}' takes 4 args, found {args.Count}.");
        }

        if (Enum.TryParse<UnaryOp>(op, ignoreCase: true, out var unary))
        {
            return args.Count == 1
                ? new Unary(unary, args[0], kind, isChecked)
                : throw new FormatException($"{path}: '{op}' takes 1 arg, found {args.Count}.");
        }

        if (Enum.TryParse<BinaryOp>(op, ignoreCase: true, out var binary))
        {
            return args.Count == 2
                ? new Binary(binary, args[0], args[1], kind, isChecked)
                : throw new FormatException($"{path}: '{op}' takes 2 args, found {args.Count}.");
        }

        throw new FormatException($"{path}.op '{op}' is not a known operator.");
    }

    private static void AddSlot(Dictionary<string, (int Slot, ValueKind Kind)> slots, string name, ValueKind kind, string path)
    {
        if (!slots.TryAdd(name, (slots.Count, kind)))
        {
            throw new FormatException($"{path}.name '{name}' is used twice; inputs and steps need distinct names.");
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static ValueKind Kind(string keyword, string path) =>
        ValueKindExtensions.TryParseKeyword(keyword, out var kind)
            ? kind
            : throw new FormatException($"{path}.type '{keyword}' is not 'long' or 'double'.");

    private static decimal Dec(string text, string path) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{path}.domain bound '{text}' is not a number.");

    private static string Str(JsonElement element, string property, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{path}.{property} is missing or not a string.");

    private static int Int(JsonElement element, string property, string path) =>
        element.TryGetProperty(property, out var value) && value.TryGetInt32(out var number)
            ? number
            : throw new FormatException($"{path}.{property} is missing or not an integer.");

    private static JsonElement Obj(JsonElement element, string property, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FormatException($"{path}.{property} is missing or not an object.");

    private static JsonElement.ArrayEnumerator Arr(JsonElement element, string property, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"{path}.{property} is missing or not an array.");
}
