using System.Text.Json;
using System.Text.Json.Serialization;
using TaoSharp.Chain.Genesis;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Primitives;

namespace TaoSharp.Node.Configuration;

/// <summary>
/// The genesis config file (JSON). Accounts may be written as secret URIs ("//Alice"), SS58 addresses or 0x hex.
/// <code>
/// { "chainName": "TaoSharp Local", "profile": "current", "timestamp": 0,
///   "devAccounts": true, "devAccountBalance": 1000000000000000,
///   "sudo": "//Alice",
///   "balances": [ { "account": "5F...", "free": 1000000000 } ] }
/// </code>
/// </summary>
public sealed record GenesisConfig
{
    public string ChainName { get; init; } = "TaoSharp Development";

    /// <summary>Economics profile ("current" reference rules, or "launch" for the Feb-2025 dTAO rules).</summary>
    public string Profile { get; init; } = "current";

    /// <summary>Genesis timestamp in ms; fixed so every node derives the same genesis hash.</summary>
    public ulong Timestamp { get; init; }

    /// <summary>Fund //Alice … //Ferdie with <see cref="DevAccountBalance"/> each.</summary>
    public bool DevAccounts { get; init; } = true;

    /// <summary>Default 1,000,000 TAO per dev account.</summary>
    public ulong DevAccountBalance { get; init; } = 1_000_000UL * 1_000_000_000UL;

    public string? Sudo { get; init; } = "//Alice";

    public IReadOnlyList<GenesisBalance> Balances { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static GenesisConfig Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<GenesisConfig>(File.ReadAllText(path), Json)
                ?? throw new GenesisConfigException($"{path}: empty genesis config");
        }
        catch (JsonException e)
        {
            throw new GenesisConfigException($"{path}: {e.Message}");
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(Json) { WriteIndented = true });

    /// <summary>Resolves accounts and produces the spec the chain is built from.</summary>
    public GenesisSpec ToSpec()
    {
        if (Profile is not ("current" or "launch"))
            throw new GenesisConfigException($"unknown economics profile '{Profile}' (expected 'current' or 'launch')");
        var balances = new List<(AccountId, ulong)>();
        if (DevAccounts)
            foreach (var name in TaoSharp.Crypto.SecretUri.DevAccounts.Names)
                balances.Add((ResolveAccount("//" + name), DevAccountBalance));
        foreach (var b in Balances)
            balances.Add((ResolveAccount(b.Account), b.Free));
        return new GenesisSpec(ChainName, Profile, Timestamp, Sudo is null ? null : ResolveAccount(Sudo), balances);
    }

    /// <summary>"//Name" secret URI, SS58 address or 0x-hex public key → account id.</summary>
    public static AccountId ResolveAccount(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return AccountId.TryParseHex(text, out var id) ? id : throw new GenesisConfigException($"'{text}' is not a 32-byte hex account");
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            try
            {
                using var key = SecretUriResolver.Resolve(text);
                return AccountId.FromBytes(key.PublicKey);
            }
            catch (SecretUriException e)
            {
                throw new GenesisConfigException($"'{text}': {e.Message}");
            }
        }
        return Ss58Address.TryDecode(text, out var decoded, out var error)
            ? AccountId.FromBytes(decoded.PublicKey)
            : throw new GenesisConfigException($"'{text}' is not an SS58 address, //secret URI or 0x hex: {error}");
    }
}

public sealed record GenesisBalance(string Account, ulong Free);

public sealed class GenesisConfigException(string message) : Exception(message);
