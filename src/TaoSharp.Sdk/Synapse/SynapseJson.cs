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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { HideClassLevelMembers } },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// An override of <see cref="Synapse.RequiredHashFields"/> does not inherit the base's [JsonIgnore], so class-level
    /// members are removed by name: they are Python ClassVars, never part of the body.
    /// </summary>
    private static void HideClassLevelMembers(JsonTypeInfo info)
    {
        if (!typeof(Synapse).IsAssignableFrom(info.Type)) return;
        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is System.Reflection.PropertyInfo { Name: nameof(Synapse.RequiredHashFields) })
                info.Properties.RemoveAt(i);
        }
    }

    public static byte[] Serialize(Synapse synapse) => JsonSerializer.SerializeToUtf8Bytes(synapse, synapse.GetType(), Options);

    public static TSynapse Deserialize<TSynapse>(ReadOnlySpan<byte> json) where TSynapse : Synapse =>
        JsonSerializer.Deserialize<TSynapse>(json, Options) ?? throw new JsonException("the body is JSON null, not a synapse object");

    /// <summary>A deep copy through the wire format, so each axon queried gets its own instance.</summary>
    public static TSynapse Clone<TSynapse>(TSynapse synapse) where TSynapse : Synapse =>
        (TSynapse)(JsonSerializer.Deserialize(Serialize(synapse), synapse.GetType(), Options)
                   ?? throw new InvalidOperationException("a synapse serialized to JSON null"));
}
