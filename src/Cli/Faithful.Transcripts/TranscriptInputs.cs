using System.Globalization;
using System.Text.Json;
using Faithful.Model;

namespace Faithful.Transcripts;

/// <summary>A line's <c>inputs</c>: the parameter list they imply, and their values for a program, with ranges checked first.</summary>
internal static class TranscriptInputs
{
    /// <summary><c>long a0, double x</c> from an object of numbers; null with an error when it is not one or a value is out of range.</summary>
    public static string? InferParameters(JsonElement inputs, out string? error)
    {
        error = null;
        if (inputs.ValueKind != JsonValueKind.Object)
        {
            error = "'inputs' must be an object of numbers by parameter name (e.g. {\"a0\": 3, \"a1\": -7}) unless 'parameters' lists them";
            return null;
        }

        var parameters = new List<string>();
        foreach (var property in inputs.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number)
            {
                error = "'inputs' must be an object of numbers by parameter name (e.g. {\"a0\": 3, \"a1\": -7}) unless 'parameters' lists them";
                return null;
            }

            if (OutOfRange(property.Name, property.Value) is { } range)
            {
                error = range;
                return null;
            }

            var kind = property.Value.TryGetInt64(out _) ? "long" : "double";
            parameters.Add($"{kind} {property.Name}");
        }

        return string.Join(", ", parameters);
    }

    public static Value[]? Values(JsonElement element, StepProgram program, out string? error)
    {
        error = null;
        var values = new Value[program.Parameters.Count];
        for (var i = 0; i < program.Parameters.Count; i++)
        {
            var parameter = program.Parameters[i];
            JsonElement value;
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (!element.TryGetProperty(parameter.Name, out value))
                {
                    error = $"'inputs' has no value for parameter '{parameter.Name}' (the program takes {string.Join(", ", program.Parameters.Select(p => p.Name))})";
                    return null;
                }
            }
            else if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() == program.Parameters.Count)
            {
                value = element[i];
            }
            else
            {
                error = $"'inputs' must be an object by parameter name or an array of {program.Parameters.Count} numbers";
                return null;
            }

            if (ToValue(value, parameter.Kind) is not { } converted)
            {
                error = value.ValueKind == JsonValueKind.Number && OutOfRange(parameter.Name, value, parameter.Kind) is { } range
                    ? range
                    : $"input '{parameter.Name}' = {Quote(value.GetRawText())} is not a {parameter.Kind.ToCSharpKeyword()}";
                return null;
            }

            values[i] = converted;
        }

        if (element.ValueKind == JsonValueKind.Object && element.EnumerateObject().Count() != program.Parameters.Count)
        {
            error = $"'inputs' names values the program does not take (it takes {string.Join(", ", program.Parameters.Select(p => p.Name))})";
            return null;
        }

        return values;
    }

    /// <summary>Why a JSON number fits neither a long nor a finite double (or not <paramref name="kind"/>); null when it fits.</summary>
    public static string? OutOfRange(string name, JsonElement value, ValueKind? kind = null)
    {
        var raw = value.GetRawText();
        var integral = raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
        if (value.TryGetInt64(out _))
        {
            return null;
        }

        if (integral && kind is null or ValueKind.Int64)
        {
            return string.Create(CultureInfo.InvariantCulture, $"input '{name}' = {Quote(raw)} is out of range for a long ({long.MinValue}..{long.MaxValue})");
        }

        return kind is ValueKind.Int64 || (value.TryGetDouble(out var real) && double.IsFinite(real))
            ? null
            : $"input '{name}' = {Quote(raw)} is out of range for a double (at most about ±1.8e308)";
    }

    private static Value? ToValue(JsonElement value, ValueKind kind)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        if (kind == ValueKind.Int64)
        {
            return value.TryGetInt64(out var whole) ? Value.FromInt64(whole) : null;
        }

        return value.TryGetDouble(out var real) && double.IsFinite(real) ? Value.FromDouble(real) : null;
    }

    // Input values are quoted back to the user; a 10,000-digit number is shown by its start and length.
    private static string Quote(string raw) => raw.Length <= 40
        ? raw
        : string.Create(CultureInfo.InvariantCulture, $"{raw[..24]}… ({raw.Length} characters)");
}
