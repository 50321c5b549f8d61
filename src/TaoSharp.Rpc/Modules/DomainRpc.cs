using System.Text.Json;
using System.Text.Json.Nodes;
using TaoSharp.Chain;
using TaoSharp.Primitives;
using TaoSharp.Rpc.Server;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Queries;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Rpc.Modules;

/// <summary>
/// The domain queries of docs/rpc-domain.md (subtensor's runtime APIs under its custom-RPC names, answered as JSON)
/// over the head state of one <see cref="Blockchain"/>. The read models live in the Runtime (<c>Runtime/Queries</c>);
/// this module parses parameters, takes a consistent read and writes the documented shapes.
/// </summary>
public sealed class DomainRpc(Blockchain chain, EconomicsProfile profile)
{
    /// <summary>A simulated swap the chain would refuse; <c>data</c> carries the chain error name.</summary>
    public const int SwapRefused = 1020;

    private const int MaxSelectiveFields = 64;

    private readonly SubnetQueries _subnets = new(profile);
    private readonly NeuronQueries _neurons = new(profile);
    private readonly StakeQueries _stakes = new(profile);
    private readonly SwapSimulator _swaps = new(profile);

    public void Register(IDictionary<string, RpcHandler> m)
    {
        m["subnetInfo_getSubnetInfo"] = (p, _) => Read((s, _) => Json(_subnets.Info(s, Netuid(p, 0)), DomainJson.SubnetInfo));
        m["subnetInfo_getSubnetsInfo"] = (p, _) => Read((s, _) => List(_subnets.AllInfos(s), DomainJson.SubnetInfo));
        m["subnetInfo_getSubnetHyperparams"] = (p, _) => Read((s, _) => Json(_subnets.Hyperparams(s, Netuid(p, 0)), DomainJson.Hyperparams));
        m["subnetInfo_getDynamicInfo"] = (p, _) => Read((s, b) => Json(_subnets.Dynamic(s, Netuid(p, 0), b), DomainJson.Dynamic));
        m["subnetInfo_getAllDynamicInfo"] = (p, _) => Read((s, b) => List(_subnets.AllDynamic(s, b), DomainJson.Dynamic));
        m["subnetInfo_getSubnetState"] = (p, _) => Read((s, _) => Json(_neurons.State(s, Netuid(p, 0)), DomainJson.SubnetState));
        m["subnetInfo_getMetagraph"] = (p, _) =>
        {
            var netuid = Netuid(p, 0);
            var full = OptionalBool(p, 1, "full") ?? false;
            return Read((s, b) => Json(Metagraph(s, netuid, b, full), (w, g) => DomainJson.Metagraph(w, g, _ => true)));
        };
        m["subnetInfo_getSelectiveMetagraph"] = (p, _) =>
        {
            var netuid = Netuid(p, 0);
            var fields = Fields(p, 1);
            var full = fields.Contains("weights") || fields.Contains("bonds");
            return Read((s, b) => Json(Metagraph(s, netuid, b, full), (w, g) => DomainJson.Metagraph(w, g, fields.Contains)));
        };
        m["subnetInfo_getLockCost"] = (p, _) => Read((s, b) => (JsonNode)SubnetQueries.LockCost(s, b + 1));
        m["subnetInfo_getBurnCost"] = (p, _) => Read((s, _) => SubnetQueries.BurnCost(s, Netuid(p, 0)) is { } c ? (JsonNode)c : null);

        m["neuronInfo_getNeuronsLite"] = (p, _) => Read((s, _) => Neurons(s, Netuid(p, 0), full: false));
        m["neuronInfo_getNeurons"] = (p, _) => Read((s, _) => Neurons(s, Netuid(p, 0), full: true));
        m["neuronInfo_getNeuron"] = (p, _) =>
        {
            var netuid = Netuid(p, 0);
            var uid = U16(p, 1, "uid");
            return Read((s, _) => Json(_neurons.Neuron(s, netuid, uid), DomainJson.Neuron));
        };

        m["stakeInfo_getStakeInfoForColdkey"] = (p, _) =>
        {
            var coldkey = StandardRpc.Account(p, 0);
            return Read((s, _) => List(_stakes.ForColdkey(s, coldkey), DomainJson.StakeInfo));
        };
        m["subnetInfo_getColdkeyAutoStakeHotkeys"] = (p, _) =>
        {
            var coldkey = StandardRpc.Account(p, 0);
            return Read((s, _) => new JsonArray([.. Runtime.Staking.AutoStake.Destinations(s, coldkey).Select(d => (JsonNode)new JsonObject
            {
                ["netuid"] = d.Netuid.Value,
                ["hotkey"] = DomainJson.Ss58(d.Hotkey),
            })]));
        };
        m["delegateInfo_getDelegates"] = (p, _) => Read((s, _) => List(_stakes.Delegates(s), DomainJson.Delegate));
        m["delegateInfo_getDelegate"] = (p, _) =>
        {
            var hotkey = StandardRpc.Account(p, 0);
            return Read((s, _) => Json(_stakes.Delegate(s, hotkey), DomainJson.Delegate));
        };

        m["swap_currentAlphaPrice"] = (p, _) => Read((s, _) =>
        {
            var netuid = Netuid(p, 0);
            if (_subnets.Price(s, netuid) is not { } price) return null;
            return new JsonObject { ["price"] = price.ToString(), ["price_rao"] = QueryMath.RaoPerAlpha(price) };
        });
        m["swap_simSwapTaoForAlpha"] = (p, _) =>
        {
            var (netuid, amount) = (Netuid(p, 0), p.U64(1, "tao"));
            return Read((s, _) => Quote(() => _swaps.TaoForAlpha(s, netuid, amount)));
        };
        m["swap_simSwapAlphaForTao"] = (p, _) =>
        {
            var (netuid, amount) = (Netuid(p, 0), p.U64(1, "alpha"));
            return Read((s, _) => Quote(() => _swaps.AlphaForTao(s, netuid, amount)));
        };

        m["tao_getChildKeys"] = (p, _) => Relatives(p, SubtensorStorage.ChildKeys, "child");
        m["tao_getParentKeys"] = (p, _) => Relatives(p, SubtensorStorage.ParentKeys, "parent");
        m["tao_getIdentity"] = (p, _) =>
        {
            var coldkey = StandardRpc.Account(p, 0);
            return Read((s, _) => SubnetNaming.ColdkeyIdentity(s, coldkey) is { } identity
                ? RawJson.Write(w => DomainJson.ChainIdentity(w, identity))
                : null);
        };
        m["tao_getAxon"] = (p, _) =>
        {
            var netuid = Netuid(p, 0);
            var hotkey = StandardRpc.Account(p, 1);
            return Read((s, _) => SubtensorStorage.Axons.TryGet(s, netuid, hotkey, out var axon)
                ? RawJson.Write(w => DomainJson.Axon(w, axon))
                : null);
        };
        m["tao_getColdkeySwap"] = (p, _) =>
        {
            var coldkey = StandardRpc.Account(p, 0);
            return Read((s, b) => ColdkeySwapStatus(s, coldkey, b));
        };
        m["tao_getWeightCommits"] = (p, _) =>
        {
            var netuid = Netuid(p, 0);
            var hotkey = StandardRpc.Account(p, 1);
            return Read((s, _) =>
            {
                var period = SubtensorStorage.RevealPeriodEpochs.Get(s, netuid);
                var commits = SubtensorStorage.WeightCommits.Get(s, SubtensorStorage.MainIndex(netuid), hotkey);
                return new JsonArray([.. commits.Select(c => (JsonNode)new JsonObject
                {
                    ["hash"] = c.Hash.ToHex(),
                    ["commit_block"] = c.CommitBlock,
                    ["commit_epoch"] = c.CommitEpoch,
                    ["reveal_epoch"] = c.RevealEpoch(period),
                })]);
            });
        };
    }

    /// <summary>
    /// Runs a read against the head state and returns its result, retrying when a block was imported meanwhile:
    /// the head view is live, so a read spanning an import could mix two blocks.
    /// </summary>
    private ValueTask<JsonNode?> Read(Func<IStateReader, ulong, JsonNode?> query)
    {
        for (var attempt = 0; ; attempt++)
        {
            var head = chain.Head;
            var result = query(chain.HeadState, head.Number);
            if (ReferenceEquals(head, chain.Head) || head.Hash == chain.Head.Hash || attempt >= 3) return ValueTask.FromResult(result);
        }
    }

    /// <summary>A coldkey's swap announcement and dispute (docs/rpc-domain.md, <c>tao_getColdkeySwap</c>).</summary>
    private static JsonNode ColdkeySwapStatus(IStateReader s, AccountId coldkey, ulong head)
    {
        var announced = SubtensorStorage.ColdkeySwapAnnouncements.TryGet(s, coldkey, out var a);
        var disputed = SubtensorStorage.ColdkeySwapDisputes.TryGet(s, coldkey, out var disputedAt);
        var reannouncement = SubtensorStorage.ColdkeySwapReannouncementDelay.Get(s);
        return new JsonObject
        {
            ["coldkey"] = DomainJson.Ss58(coldkey),
            ["announced"] = announced,
            ["new_coldkey_hash"] = announced ? (JsonNode)a.NewColdkeyHash.ToHex() : null,
            ["execute_block"] = announced ? (JsonNode)a.When : null,
            ["executable"] = announced && !disputed && head + 1 >= a.When,
            ["reannounce_block"] = announced ? (JsonNode)((ulong)a.When + reannouncement) : null,
            ["disputed"] = disputed,
            ["dispute_block"] = disputed ? (JsonNode)disputedAt : null,
            ["announcement_delay"] = SubtensorStorage.ColdkeySwapAnnouncementDelay.Get(s),
            ["reannouncement_delay"] = reannouncement,
            ["swap_cost"] = Runtime.KeySwaps.KeySwapConstants.KeySwapCost,
        };
    }

    /// <summary>The child (or parent) list of (hotkey, netuid): <c>[{proportion (of u64::MAX), child|parent: ss58}]</c>.</summary>
    private ValueTask<JsonNode?> Relatives(
        RpcParams p, StorageDoubleMap<AccountId, NetUid, (ulong Proportion, AccountId Key)[]> map, string role)
    {
        var hotkey = StandardRpc.Account(p, 0);
        var netuid = Netuid(p, 1);
        return Read((s, _) => new JsonArray([.. map.Get(s, hotkey, netuid).Select(e => (JsonNode)new JsonObject
        {
            ["proportion"] = e.Proportion,
            [role] = DomainJson.Ss58(e.Key),
        })]));
    }

    /// <summary>The metagraph with each UID's coldkey identity (NeuronQueries leaves them out).</summary>
    private MetagraphInfo? Metagraph(IStateReader s, NetUid netuid, ulong block, bool full) =>
        _neurons.Metagraph(s, netuid, block, full) is { } m
            ? m with { Identities = SubnetQueries.ColdkeyIdentities(s, m.State.Coldkeys) }
            : null;

    private JsonNode? Neurons(IStateReader s, NetUid netuid, bool full) =>
        _neurons.Neurons(s, netuid, full) is { } list ? List(list, DomainJson.Neuron) : null;

    private static JsonNode Quote(Func<SwapQuote> quote)
    {
        try
        {
            var q = quote();
            return RawJson.Write(w => DomainJson.SwapQuote(w, q));
        }
        catch (SwapQuoteException e)
        {
            throw new RpcException(SwapRefused, "Swap refused", e.Error.ToString());
        }
    }

    private static JsonNode? Json<T>(T? value, Action<Utf8JsonWriter, T> write) where T : class =>
        value is null ? null : RawJson.Write(w => write(w, value));

    private static JsonNode List<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write) => RawJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var item in items) write(w, item);
        w.WriteEndArray();
    });

    public static NetUid Netuid(RpcParams p, int i) => new(U16(p, i, "netuid"));

    private static ushort U16(RpcParams p, int i, string name)
    {
        var e = p[i];
        return e.ValueKind == JsonValueKind.Number && e.TryGetUInt16(out var v)
            ? v
            : throw RpcException.InvalidParams($"{name} must be an integer in 0..65535");
    }

    private static bool? OptionalBool(RpcParams p, int i, string name)
    {
        if (!p.Has(i)) return null;
        return p[i].ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw RpcException.InvalidParams($"{name} must be true or false"),
        };
    }

    private static HashSet<string> Fields(RpcParams p, int i)
    {
        var e = p[i];
        if (e.ValueKind != JsonValueKind.Array) throw RpcException.InvalidParams("fields must be an array of metagraph key names");
        if (e.GetArrayLength() > MaxSelectiveFields) throw RpcException.InvalidParams($"at most {MaxSelectiveFields} fields");
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in e.EnumerateArray())
        {
            var name = f.ValueKind == JsonValueKind.String ? f.GetString()! : throw RpcException.InvalidParams("fields must be strings");
            if (!DomainJson.MetagraphKeys.Contains(name)) throw RpcException.InvalidParams($"unknown metagraph field '{name}'");
            set.Add(name);
        }
        return set;
    }
}
