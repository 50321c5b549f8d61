using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;

namespace TaoSharp.Cli.Commands.WalletChain;

/// <summary>Typed reads of the domain RPC's JSON fields; a missing or mistyped field means the node speaks another contract.</summary>
public static class JsonFields
{
    public static ulong U64(JsonNode? node, string field) =>
        node?[field] is JsonValue v && v.TryGetValue<ulong>(out var x) ? x
        : node?[field] is JsonValue s && s.TryGetValue<string>(out var t) && ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y
        : throw new ChainConnectionException($"the node's answer lacks a numeric '{field}' (is it a TaoSharp node with the domain RPC of docs/rpc-domain.md?)");

    public static string Str(JsonNode? node, string field) => node?[field] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        null => "",
        var other => other.ToJsonString(),
    };

    public static bool Bool(JsonNode? node, string field) => node?[field] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static JsonArray Array(JsonNode? node, string field) => node?[field] as JsonArray ?? [];

    /// <summary>A RAO amount as TAO/alpha text with 9 decimals.</summary>
    public static string Units(ulong rao) => ChainCall.FormatTao(new TaoBalance(rao));

    /// <summary>u16-normalised value (x / 65535) for display, 4 decimals.</summary>
    public static string Normalized(ulong u16) => (u16 / 65535m).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Copies a node into the JSON envelope unchanged (the documented shapes are the output schema).</summary>
    public static void Write(Utf8JsonWriter w, string name, JsonNode? node)
    {
        w.WritePropertyName(name);
        if (node is null) w.WriteNullValue();
        else node.WriteTo(w);
    }
}
