using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;

namespace TaoSharp.Sdk.Queries;

/// <summary>Reads the node's domain JSON into the typed records (snake_case keys, balances as integer RAO).</summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static T Read<T>(JsonNode node, string method)
    {
        try
        {
            return node.Deserialize<T>(Options) ?? throw new ChainConnectionException($"{method} returned null");
        }
        catch (JsonException e)
        {
            throw new ChainConnectionException($"{method}: the node's answer does not have the documented shape: {e.Message}", e);
        }
    }

    /// <summary>A fixed-point decimal text as a <see cref="decimal"/>, truncated to 18 fractional digits (display only).</summary>
    public static decimal ParseDecimal(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && text.Length - dot - 1 > 18) text = text[..(dot + 19)];
        return decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectRequiredConstructorParameters = false,
            Converters = { new TaoBalanceConverter(), new AlphaBalanceConverter() },
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed class TaoBalanceConverter : JsonConverter<TaoBalance>
    {
        public override TaoBalance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetUInt64());

        public override void Write(Utf8JsonWriter writer, TaoBalance value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Rao);
    }

    private sealed class AlphaBalanceConverter : JsonConverter<AlphaBalance>
    {
        public override AlphaBalance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetUInt64());

        public override void Write(Utf8JsonWriter writer, AlphaBalance value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Raw);
    }
}

/// <summary>Reads and writes a <see cref="WeightEntry"/> as <c>[uid, value]</c> without allocating an array per pair.</summary>
public sealed class WeightEntryConverter : JsonConverter<WeightEntry>
{
    public override WeightEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a weight entry must be [uid, value]");
        reader.Read();
        var uid = reader.GetUInt16();
        reader.Read();
        var value = reader.GetUInt16();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a weight entry must be [uid, value]");
        return new WeightEntry(uid, value);
    }

    public override void Write(Utf8JsonWriter writer, WeightEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Uid);
        writer.WriteNumberValue(value.Value);
        writer.WriteEndArray();
    }
}
