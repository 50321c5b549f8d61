using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace TaoSharp.Sdk;

/// <summary>
/// Bittensor's body hash (spec-client §4.3): for each name in <see cref="Synapse.RequiredHashFields"/>, in that order,
/// hex(sha3_256(utf8(python_str(value)))); then hex(sha3_256(concatenation)). Lowercase hex, no 0x.
/// </summary>
public static class BodyHash
{
    public static string Compute(Synapse synapse)
    {
        IReadOnlyList<string> fields = synapse.RequiredHashFields;
        if (fields.Count == 0) return EmptyHash;

        JsonTypeInfo info = SynapseJson.Options.GetTypeInfo(synapse.GetType());
        var values = new object?[fields.Count];
        for (int i = 0; i < values.Length; i++) values[i] = Find(info, fields[i]).Get!(synapse);
        return FromFieldValues(values);
    }

    /// <summary>The hash over already-extracted field values, in hashing order.</summary>
    public static string FromFieldValues(IEnumerable<object?> values)
    {
        var concatenated = new StringBuilder();
        foreach (object? value in values) concatenated.Append(Sha3Hex(PythonRepr.Str(value, SynapseJson.Options)));
        return Sha3Hex(concatenated.ToString());
    }

    /// <summary>sha3_256("") — the hash of every synapse without hashed fields.</summary>
    public const string EmptyHash = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

    public static string Sha3Hex(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA3_256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest);
    }

    private static JsonPropertyInfo Find(JsonTypeInfo info, string field)
    {
        foreach (JsonPropertyInfo p in info.Properties)
        {
            if (p.Name == field && p.Get is not null) return p;
        }
        throw new InvalidOperationException(
            $"{info.Type.Name}.RequiredHashFields names '{field}', which is not a JSON property of the synapse");
    }
}
