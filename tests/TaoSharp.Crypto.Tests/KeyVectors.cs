using System.Globalization;
using System.Text.Json;
using TaoSharp.Crypto.Ss58;

namespace TaoSharp.Crypto.Tests;

/// <summary>
/// Reads the optional parts of a key vector entry the same way for every file in shared/vectors/keys, so entries of
/// other key types or SS58 prefixes are checked rather than skipped: the key scheme (entry, else file, else sr25519) and
/// every address the entry states, whatever its prefix.
/// </summary>
internal static class KeyVectors
{
    private static readonly string[] SchemeFields = ["scheme", "crypto", "key_type", "keypair_type", "type"];
    private static readonly string[] PrefixFields = ["ss58_format", "prefix", "ss58_prefix"];

    public static JsonElement File(string file) => Sr25519TestSupport.LoadKeys(file);

    /// <summary>(index, label) for each entry of an array, labelled by <paramref name="labelField"/> when present, for theory data.</summary>
    public static TheoryData<int, string> Entries(string file, string array, string labelField)
    {
        var data = new TheoryData<int, string>();
        int i = 0;
        foreach (JsonElement v in File(file).GetProperty(array).EnumerateArray())
        {
            data.Add(i, v.TryGetProperty(labelField, out JsonElement label) && label.ValueKind == JsonValueKind.String ? label.GetString()! : $"{array}[{i}]");
            i++;
        }

        return data;
    }

    public static KeyScheme SchemeOf(JsonElement entry, JsonElement file)
    {
        foreach (var holder in new[] { entry, file })
        {
            if (holder.ValueKind != JsonValueKind.Object) continue;
            foreach (string field in SchemeFields)
            {
                if (holder.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString()!.ToLowerInvariant() switch
                    {
                        "sr25519" or "sr" => KeyScheme.Sr25519,
                        "ed25519" or "ed" => KeyScheme.Ed25519,
                        var other => throw new InvalidOperationException($"vector names key scheme '{other}' ({field}), which these tests do not know"),
                    };
                }
            }
        }

        return KeyScheme.Sr25519;
    }

    /// <summary>
    /// Every (prefix, address) an entry states: each <c>ss58_&lt;prefix&gt;</c> field, and <c>ss58</c>/<c>address</c>/<c>ss58_address</c>
    /// under the entry's (else the file's) <c>ss58_format</c>/<c>prefix</c>, default 42.
    /// </summary>
    public static List<(ushort Prefix, string Address)> AddressesOf(JsonElement entry, JsonElement file)
    {
        var found = new List<(ushort, string)>();
        foreach (JsonProperty p in entry.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String && p.Name.StartsWith("ss58_", StringComparison.Ordinal)
                && ushort.TryParse(p.Name["ss58_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out ushort prefix))
            {
                found.Add((prefix, p.Value.GetString()!));
            }
        }

        ushort statedPrefix = PrefixOf(entry) ?? PrefixOf(file) ?? Ss58Address.BittensorPrefix;
        foreach (string field in new[] { "ss58", "address", "ss58_address" })
        {
            if (entry.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String)
            {
                found.Add((statedPrefix, value.GetString()!));
            }
        }

        return found;
    }

    /// <summary>Checks a public key against every address the entry states, both ways (encode and decode).</summary>
    public static void AssertAddresses(JsonElement entry, JsonElement file, byte[] publicKey, string context)
    {
        foreach (var (prefix, address) in AddressesOf(entry, file))
        {
            Assert.True(address == Ss58Address.Encode(publicKey, prefix), $"{context}: SS58 with prefix {prefix}");
            var decoded = Ss58Address.Decode(address);
            Assert.True(decoded.Prefix == prefix && decoded.PublicKey.AsSpan().SequenceEqual(publicKey), $"{context}: decoding {address}");
        }
    }

    private static ushort? PrefixOf(JsonElement holder)
    {
        if (holder.ValueKind != JsonValueKind.Object) return null;
        foreach (string field in PrefixFields)
        {
            if (holder.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.Number)
            {
                return value.GetUInt16();
            }
        }

        return null;
    }
}
