using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TaoSharp.Sdk;

/// <summary>The one JSON configuration for synapse bodies: property names come from the attributes, nulls are written.</summary>
public static class SynapseJson
{
    /// <summary>Read-only after construction (MakeReadOnly), so sharing it is safe.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Pydantic accepts JSON numbers in string form for numeric fields; be as lenient on input.
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
            MaxDepth = 64,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    public static byte[] Serialize(Synapse synapse) => JsonSerializer.SerializeToUtf8Bytes(synapse, synapse.GetType(), Options);

    public static TSynapse Deserialize<TSynapse>(ReadOnlySpan<byte> json) where TSynapse : Synapse =>
        JsonSerializer.Deserialize<TSynapse>(json, Options) ?? throw new JsonException("the body is JSON null, not a synapse object");

    /// <summary>A deep copy through the wire format, so each axon queried gets its own instance.</summary>
    public static TSynapse Clone<TSynapse>(TSynapse synapse) where TSynapse : Synapse =>
        (TSynapse)(JsonSerializer.Deserialize(Serialize(synapse), synapse.GetType(), Options)
                   ?? throw new InvalidOperationException("a synapse serialized to JSON null"));
}
