using System.Text;
using System.Text.Json;

namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// The decrypted keyfile JSON object (spec-client §2.2). Every field is an optional string; readers parse by name and accept nulls
/// (older Python bittensor wrote all six keys), writers leave out what is unknown.
/// </summary>
public sealed record KeyfileContent
{
    public string? AccountId { get; init; }
    public string? PublicKey { get; init; }
    public string? PrivateKey { get; init; }
    public string? SecretPhrase { get; init; }
    public string? SecretSeed { get; init; }
    public string? Ss58Address { get; init; }

    /// <summary>The public part only, as coldkeypub.txt and hotkeys/&lt;name&gt;pub.txt hold it.</summary>
    public KeyfileContent PublicOnly() => new() { AccountId = AccountId, PublicKey = PublicKey, Ss58Address = Ss58Address };

    public bool HasSecret => SecretPhrase is not null || SecretSeed is not null || PrivateKey is not null;

    /// <summary>Compact JSON, no trailing newline, keys in btwallet's usual order.</summary>
    public byte[] ToJsonBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteIfPresent(writer, "accountId", AccountId);
            WriteIfPresent(writer, "publicKey", PublicKey);
            WriteIfPresent(writer, "privateKey", PrivateKey);
            WriteIfPresent(writer, "secretPhrase", SecretPhrase);
            WriteIfPresent(writer, "secretSeed", SecretSeed);
            WriteIfPresent(writer, "ss58Address", Ss58Address);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public string ToJson() => Encoding.UTF8.GetString(ToJsonBytes());

    /// <summary>Parses decrypted keyfile bytes; unknown keys are ignored, non-string values are an error.</summary>
    public static KeyfileContent Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new KeyfileFormatException("keyfile JSON is not an object");
            var root = document.RootElement;
            return new KeyfileContent
            {
                AccountId = ReadString(root, "accountId"),
                PublicKey = ReadString(root, "publicKey"),
                PrivateKey = ReadString(root, "privateKey"),
                SecretPhrase = ReadString(root, "secretPhrase"),
                SecretSeed = ReadString(root, "secretSeed"),
                Ss58Address = ReadString(root, "ss58Address"),
            };
        }
        catch (JsonException e)
        {
            throw new KeyfileFormatException("keyfile is not valid JSON: " + e.Message, e);
        }
    }

    private static string? ReadString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw new KeyfileFormatException($"keyfile field '{name}' must be a string or null, found {value.ValueKind}"),
        };
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
