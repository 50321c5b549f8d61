using System.Globalization;
using System.Text.Json.Nodes;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;

namespace TaoSharp.Sdk.Queries;

/// <summary>A TAO account as the node reports it (amounts in RAO).</summary>
public sealed record AccountBalance(TaoBalance Free, TaoBalance Reserved, uint Nonce);

/// <summary>What a signature must commit to (genesis hash, spec and transaction version).</summary>
public sealed record RuntimeIdentity(Hash256 GenesisHash, uint SpecVersion, uint TransactionVersion, string SpecName);

/// <summary>One runtime event as the node renders it: pallet, variant and exact text fields.</summary>
public sealed record ChainEvent(string Pallet, string Name, IReadOnlyDictionary<string, string> Fields)
{
    public override string ToString() => $"{Pallet}.{Name}";
}

/// <summary>The outcome of one extrinsic inside a block.</summary>
public sealed record ExtrinsicOutcome(uint Index, Hash256 Hash, bool Success, string? Error, TaoBalance Fee, IReadOnlyList<ChainEvent> Events);

/// <summary>Typed wrappers over the node's query methods (system_*, chain_*, state_*, tao_*).</summary>
public sealed class ChainQueries(TaoClient client)
{
    public async Task<string> ChainNameAsync(CancellationToken ct = default) =>
        (await client.CallAsync("system_chain", ct).ConfigureAwait(false))?.ToString() ?? "";

    public async Task<ulong> BestBlockNumberAsync(CancellationToken ct = default)
    {
        var header = await client.CallAsync("chain_getHeader", ct).ConfigureAwait(false) ?? throw Missing("chain_getHeader");
        return ParseHexNumber(header["number"]?.ToString(), "header number");
    }

    public async Task<Hash256?> BlockHashAsync(ulong number, CancellationToken ct = default) =>
        (await client.CallAsync("chain_getBlockHash", [number], ct).ConfigureAwait(false))?.ToString() is { } h ? ParseHash(h) : null;

    public async Task<RuntimeIdentity> RuntimeIdentityAsync(CancellationToken ct = default)
    {
        var genesis = await BlockHashAsync(0, ct).ConfigureAwait(false) ?? throw Missing("chain_getBlockHash(0)");
        var v = await client.CallAsync("state_getRuntimeVersion", ct).ConfigureAwait(false) ?? throw Missing("state_getRuntimeVersion");
        return new RuntimeIdentity(genesis, U32(v, "specVersion"), U32(v, "transactionVersion"), v["specName"]?.ToString() ?? "");
    }

    /// <summary>The next nonce for <paramref name="account"/>, counting its transactions already in the pool.</summary>
    public async Task<uint> NextNonceAsync(AccountId account, CancellationToken ct = default)
    {
        var n = await client.CallAsync("system_accountNextIndex", [account.ToHex()], ct).ConfigureAwait(false) ?? throw Missing("system_accountNextIndex");
        return n.GetValue<uint>();
    }

    public async Task<AccountBalance> BalanceAsync(AccountId account, CancellationToken ct = default)
    {
        var a = await client.CallAsync("tao_getBalance", [account.ToHex()], ct).ConfigureAwait(false) ?? throw Missing("tao_getBalance");
        return new AccountBalance(new TaoBalance(U64(a, "free")), new TaoBalance(U64(a, "reserved")), U32(a, "nonce"));
    }

    public async Task<TaoBalance> TotalIssuanceAsync(CancellationToken ct = default) =>
        new((await client.CallAsync("tao_totalIssuance", ct).ConfigureAwait(false) ?? throw Missing("tao_totalIssuance")).GetValue<ulong>());

    /// <summary>Raw SCALE bytes under a storage key of the head state, or null when absent.</summary>
    public async Task<byte[]?> StorageAsync(byte[] key, CancellationToken ct = default) =>
        (await client.CallAsync("state_getStorage", ["0x" + Convert.ToHexStringLower(key)], ct).ConfigureAwait(false))?.ToString() is { } hex
            ? ParseHex(hex, "storage value")
            : null;

    /// <summary>Outcomes of the extrinsics of a block (null when the node does not know the block).</summary>
    public async Task<IReadOnlyList<ExtrinsicOutcome>?> BlockOutcomesAsync(Hash256 block, CancellationToken ct = default)
    {
        if (await client.CallAsync("tao_getEvents", [block.ToHex()], ct).ConfigureAwait(false) is not JsonObject e) return null;
        return (e["extrinsics"] as JsonArray ?? []).OfType<JsonObject>().Select(x => new ExtrinsicOutcome(
            U32(x, "index"), ParseHash(x["hash"]?.ToString() ?? ""), x["success"]?.GetValue<bool>() ?? false,
            x["error"]?.ToString() is { Length: > 0 } err ? err : null, new TaoBalance(U64(x, "fee")),
            (x["events"] as JsonArray ?? []).OfType<JsonObject>().Select(Event).ToArray())).ToArray();
    }

    /// <summary>Where an extrinsic was included, if the node has seen it in a block.</summary>
    public async Task<(Hash256 Block, uint Index)?> FindExtrinsicAsync(Hash256 extrinsic, CancellationToken ct = default) =>
        await client.CallAsync("tao_findExtrinsic", [extrinsic.ToHex()], ct).ConfigureAwait(false) is JsonObject o
            ? (ParseHash(o["block"]?.ToString() ?? ""), U32(o, "index"))
            : null;

    private static ChainEvent Event(JsonObject e) => new(
        e["pallet"]?.ToString() ?? "", e["name"]?.ToString() ?? "",
        (e["fields"] as JsonObject ?? []).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? ""));

    internal static Hash256 ParseHash(string hex) =>
        Hash256.TryParseHex(hex, out var h) ? h : throw new ChainConnectionException($"the node sent an invalid 32-byte hash '{hex}'");

    private static byte[] ParseHex(string hex, string what)
    {
        try
        {
            return Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);
        }
        catch (FormatException e)
        {
            throw new ChainConnectionException($"the node sent an invalid {what}: {e.Message}", e);
        }
    }

    private static ulong ParseHexNumber(string? hex, string what) =>
        hex is not null && hex.StartsWith("0x", StringComparison.Ordinal)
        && ulong.TryParse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ChainConnectionException($"the node sent an invalid {what} '{hex}'");

    private static ulong U64(JsonNode n, string field) =>
        n[field] is JsonValue v && v.TryGetValue<ulong>(out var x) ? x : throw new ChainConnectionException($"the node's answer lacks a numeric '{field}'");

    private static uint U32(JsonNode n, string field) =>
        n[field] is JsonValue v && v.TryGetValue<uint>(out var x) ? x : throw new ChainConnectionException($"the node's answer lacks a numeric '{field}'");

    private static ChainConnectionException Missing(string method) => new($"{method} returned null");
}
