using System.Text.Json.Nodes;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;

namespace TaoSharp.Sdk.Queries;

/// <summary>
/// Typed domain queries over the node's JSON-RPC (docs/rpc-domain.md): subnets, hyperparameters, pools, neurons,
/// metagraph, stake, delegates, swap quotes and costs. Unknown subnets/uids/accounts give null; a refused swap quote
/// raises <see cref="RpcCallException"/> with code 1020 and the chain error name as its data.
/// </summary>
public sealed class SubnetQueries(TaoClient client)
{
    /// <summary>JSON-RPC error code of a swap simulation the chain would refuse.</summary>
    public const int SwapRefusedCode = 1020;

    public Task<SubnetInfo?> SubnetInfoAsync(ushort netuid, CancellationToken ct = default) =>
        OptionalAsync<SubnetInfo>("subnetInfo_getSubnetInfo", [netuid], ct);

    public Task<IReadOnlyList<SubnetInfo>> AllSubnetsAsync(CancellationToken ct = default) =>
        ListAsync<SubnetInfo>("subnetInfo_getSubnetsInfo", [], ct);

    public Task<SubnetHyperparams?> HyperparamsAsync(ushort netuid, CancellationToken ct = default) =>
        OptionalAsync<SubnetHyperparams>("subnetInfo_getSubnetHyperparams", [netuid], ct);

    public Task<DynamicInfo?> DynamicInfoAsync(ushort netuid, CancellationToken ct = default) =>
        OptionalAsync<DynamicInfo>("subnetInfo_getDynamicInfo", [netuid], ct);

    public Task<IReadOnlyList<DynamicInfo>> AllDynamicInfoAsync(CancellationToken ct = default) =>
        ListAsync<DynamicInfo>("subnetInfo_getAllDynamicInfo", [], ct);

    public Task<SubnetState?> SubnetStateAsync(ushort netuid, CancellationToken ct = default) =>
        OptionalAsync<SubnetState>("subnetInfo_getSubnetState", [netuid], ct);

    /// <summary>The whole metagraph in one call; <paramref name="full"/> adds weight and bond rows.</summary>
    public Task<MetagraphInfo?> MetagraphAsync(ushort netuid, bool full = false, CancellationToken ct = default) =>
        OptionalAsync<MetagraphInfo>("subnetInfo_getMetagraph", [netuid, full], ct);

    /// <summary>Only <c>netuid</c>, <c>block</c> and the named metagraph keys (e.g. "hotkeys", "incentive").</summary>
    public Task<MetagraphInfo?> SelectiveMetagraphAsync(ushort netuid, IEnumerable<string> fields, CancellationToken ct = default) =>
        OptionalAsync<MetagraphInfo>("subnetInfo_getSelectiveMetagraph", [netuid, new JsonArray([.. fields.Select(f => (JsonNode)f)])], ct);

    /// <summary>What <c>register_network</c> would lock at the next block.</summary>
    public async Task<TaoBalance> LockCostAsync(CancellationToken ct = default) =>
        new(Required(await client.CallAsync("subnetInfo_getLockCost", ct).ConfigureAwait(false), "subnetInfo_getLockCost").GetValue<ulong>());

    /// <summary>The current <c>burned_register</c> price; null when the subnet does not exist.</summary>
    public async Task<TaoBalance?> BurnCostAsync(ushort netuid, CancellationToken ct = default) =>
        await client.CallAsync("subnetInfo_getBurnCost", [netuid], ct).ConfigureAwait(false) is JsonValue v ? new TaoBalance(v.GetValue<ulong>()) : null;

    public Task<IReadOnlyList<NeuronInfoLite>?> NeuronsLiteAsync(ushort netuid, CancellationToken ct = default) =>
        OptionalListAsync<NeuronInfoLite>("neuronInfo_getNeuronsLite", [netuid], ct);

    public Task<IReadOnlyList<NeuronInfo>?> NeuronsAsync(ushort netuid, CancellationToken ct = default) =>
        OptionalListAsync<NeuronInfo>("neuronInfo_getNeurons", [netuid], ct);

    public Task<NeuronInfo?> NeuronAsync(ushort netuid, ushort uid, CancellationToken ct = default) =>
        OptionalAsync<NeuronInfo>("neuronInfo_getNeuron", [netuid, uid], ct);

    public Task<IReadOnlyList<StakeInfo>> StakeInfoForColdkeyAsync(AccountId coldkey, CancellationToken ct = default) =>
        ListAsync<StakeInfo>("stakeInfo_getStakeInfoForColdkey", [coldkey.ToHex()], ct);

    public Task<IReadOnlyList<DelegateInfo>> DelegatesAsync(CancellationToken ct = default) =>
        ListAsync<DelegateInfo>("delegateInfo_getDelegates", [], ct);

    public Task<DelegateInfo?> DelegateAsync(AccountId hotkey, CancellationToken ct = default) =>
        OptionalAsync<DelegateInfo>("delegateInfo_getDelegate", [hotkey.ToHex()], ct);

    public Task<AlphaPrice?> AlphaPriceAsync(ushort netuid, CancellationToken ct = default) =>
        OptionalAsync<AlphaPrice>("swap_currentAlphaPrice", [netuid], ct);

    public async Task<SwapQuote> SimSwapTaoForAlphaAsync(ushort netuid, TaoBalance tao, CancellationToken ct = default) =>
        DomainJson.Read<SwapQuote>(Required(await client.CallAsync("swap_simSwapTaoForAlpha", [netuid, tao.Rao], ct).ConfigureAwait(false), "swap_simSwapTaoForAlpha"), "swap_simSwapTaoForAlpha");

    public async Task<SwapQuote> SimSwapAlphaForTaoAsync(ushort netuid, AlphaBalance alpha, CancellationToken ct = default) =>
        DomainJson.Read<SwapQuote>(Required(await client.CallAsync("swap_simSwapAlphaForTao", [netuid, alpha.Raw], ct).ConfigureAwait(false), "swap_simSwapAlphaForTao"), "swap_simSwapAlphaForTao");

    /// <summary>A coldkey's identity (<c>tao_getIdentity</c>); null when it never set one.</summary>
    public Task<ChainIdentity?> IdentityAsync(AccountId coldkey, CancellationToken ct = default) =>
        OptionalAsync<ChainIdentity>("tao_getIdentity", [coldkey.ToHex()], ct);

    /// <summary>A subnet's identity (from its SubnetInfo); null when the subnet has none or does not exist.</summary>
    public async Task<SubnetIdentity?> SubnetIdentityAsync(ushort netuid, CancellationToken ct = default) =>
        (await SubnetInfoAsync(netuid, ct).ConfigureAwait(false))?.Identity;

    public Task<AxonInfo?> AxonAsync(ushort netuid, AccountId hotkey, CancellationToken ct = default) =>
        OptionalAsync<AxonInfo>("tao_getAxon", [netuid, hotkey.ToHex()], ct);

    public Task<IReadOnlyList<WeightCommitInfo>> WeightCommitsAsync(ushort netuid, AccountId hotkey, CancellationToken ct = default) =>
        ListAsync<WeightCommitInfo>("tao_getWeightCommits", [netuid, hotkey.ToHex()], ct);

    /// <summary>The hotkey's children on the subnet (<c>tao_getChildKeys</c>).</summary>
    public Task<IReadOnlyList<RelatedHotkey>> ChildKeysAsync(AccountId hotkey, ushort netuid, CancellationToken ct = default) =>
        RelativesAsync("tao_getChildKeys", "child", hotkey, netuid, ct);

    /// <summary>The hotkey's parents on the subnet (<c>tao_getParentKeys</c>).</summary>
    public Task<IReadOnlyList<RelatedHotkey>> ParentKeysAsync(AccountId hotkey, ushort netuid, CancellationToken ct = default) =>
        RelativesAsync("tao_getParentKeys", "parent", hotkey, netuid, ct);

    private async Task<IReadOnlyList<RelatedHotkey>> RelativesAsync(string method, string role, AccountId hotkey, ushort netuid, CancellationToken ct)
    {
        var list = Required(await client.CallAsync(method, [hotkey.ToHex(), netuid], ct).ConfigureAwait(false), method) as JsonArray
            ?? throw new ChainConnectionException($"{method} did not return an array");
        return [.. list.Select(e => new RelatedHotkey(
            e?["proportion"]?.GetValue<ulong>() ?? throw new ChainConnectionException($"{method}: entry without proportion"),
            e[role]?.GetValue<string>() ?? throw new ChainConnectionException($"{method}: entry without {role}")))];
    }

    private async Task<T?> OptionalAsync<T>(string method, JsonArray parameters, CancellationToken ct) where T : class =>
        await client.CallAsync(method, parameters, ct).ConfigureAwait(false) is { } node ? DomainJson.Read<T>(node, method) : null;

    private async Task<IReadOnlyList<T>?> OptionalListAsync<T>(string method, JsonArray parameters, CancellationToken ct) =>
        await client.CallAsync(method, parameters, ct).ConfigureAwait(false) is { } node ? DomainJson.Read<T[]>(node, method) : null;

    private async Task<IReadOnlyList<T>> ListAsync<T>(string method, JsonArray parameters, CancellationToken ct) =>
        DomainJson.Read<T[]>(Required(await client.CallAsync(method, parameters, ct).ConfigureAwait(false), method), method);

    private static JsonNode Required(JsonNode? node, string method) => node ?? throw new ChainConnectionException($"{method} returned null");
}
