using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TaoSharp.Rpc.Modules;

/// <summary>
/// A result already written as UTF-8 JSON, carried inside a <see cref="JsonNode"/> so the dispatcher embeds the bytes
/// as they are. Large domain results (a 256-UID metagraph with weights is ~65k pairs) are written once with a
/// <see cref="Utf8JsonWriter"/> instead of being built as a node tree.
/// </summary>
public sealed class RawJson
{
    private static readonly JsonTypeInfo<RawJson> TypeInfo = CreateTypeInfo();

    private RawJson(byte[] utf8) => Utf8 = utf8;

    public byte[] Utf8 { get; }

    /// <summary>Writes one JSON value with <paramref name="write"/> and wraps it as a node.</summary>
    public static JsonNode Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
            write(w);
        return JsonValue.Create(new RawJson(buffer.WrittenSpan.ToArray()), TypeInfo)!;
    }

    private static JsonTypeInfo<RawJson> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new Converter() } };
        options.MakeReadOnly();
        return (JsonTypeInfo<RawJson>)options.GetTypeInfo(typeof(RawJson));
    }

    private sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("RawJson is write-only");

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
