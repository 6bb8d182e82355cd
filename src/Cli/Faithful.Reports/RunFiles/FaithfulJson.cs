using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Faithful.Model;

namespace Faithful.Reports.RunFiles;

/// <summary>
/// The serializer settings shared by run files, baselines and reports: camelCase names, enums as names,
/// <see cref="Value"/> as a JSON number (long) or string (double, so NaN survives), <see cref="EquatableArray{T}"/> as arrays.
/// </summary>
public static class FaithfulJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            IgnoreReadOnlyProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // Model text is escaped where it is rendered (HTML, XML); JSON keeps it readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            MaxDepth = 64,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new ValueConverter());
        options.Converters.Add(new EquatableArrayConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class ValueConverter : JsonConverter<Value>
    {
        public override Value Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => Value.FromInt64(reader.GetInt64()),
            JsonTokenType.String => Value.FromDouble(double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => throw new JsonException("A value is a JSON number (long) or a string (double)."),
        };

        public override void Write(Utf8JsonWriter writer, Value value, JsonSerializerOptions options)
        {
            if (value.Kind == ValueKind.Int64)
            {
                writer.WriteNumberValue(value.AsInt64);
            }
            else
            {
                writer.WriteStringValue(value.ToString());
            }
        }
    }

    private sealed class EquatableArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EquatableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class EquatableArrayConverter<T> : JsonConverter<EquatableArray<T>>
    {
        public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var items = JsonSerializer.Deserialize<List<T>>(ref reader, options);
            return items is null ? EquatableArray<T>.Empty : items.ToEquatableArray();
        }

        public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}
