using System.Text.Json.Nodes;
using TaoSharp.Chain;
using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Chain.Pool;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Primitives;
using TaoSharp.Rpc.Server;
using TaoSharp.Runtime.Balances;

namespace TaoSharp.Rpc.Modules;

/// <summary>
/// The Substrate-named methods (system_*, chain_*, state_*, author_*) plus tao_* helpers, over one <see cref="Blockchain"/>.
/// State queries answer from the head state only (this node is not an archive node).
/// </summary>
public sealed class StandardRpc(Blockchain chain, string nodeVersion)
{
    public const int MaxKeysPerPage = 1000;

    public void Register(IDictionary<string, RpcHandler> m)
    {
        m["system_health"] = (_, _) => Ok(new JsonObject { ["peers"] = 0, ["isSyncing"] = false, ["shouldHavePeers"] = false });
        m["system_chain"] = (_, _) => Ok(chain.Genesis.ChainName);
        m["system_name"] = (_, _) => Ok("TaoSharp");
        m["system_version"] = (_, _) => Ok(nodeVersion);
        m["system_properties"] = (_, _) => Ok(new JsonObject { ["ss58Format"] = 42, ["tokenDecimals"] = 9, ["tokenSymbol"] = "TAO" });
        m["system_accountNextIndex"] = (p, _) => Ok(chain.Pool.NextNonce(chain.HeadState, Account(p, 0)));
        m["state_getRuntimeVersion"] = (_, _) => Ok(new JsonObject
        {
            ["specName"] = "node-subtensor",
            ["implName"] = "taosharp",
            ["specVersion"] = chain.Identity.SpecVersion,
            ["transactionVersion"] = chain.Identity.TransactionVersion,
        });
        m["rpc_methods"] = (_, _) => Ok(new JsonObject { ["methods"] = new JsonArray(m.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k).ToArray()) });

        m["chain_getBlockHash"] = (p, _) =>
        {
            var n = p.OptionalU64(0, "block number") ?? chain.Head.Number;
            return Ok(chain.HashAt(n)?.ToHex());
        };
        m["chain_getHeader"] = (p, _) => Ok(HeaderAt(p, 0) is { } h ? JsonShapes.Header(h) : null);
        m["chain_getBlock"] = (p, _) =>
        {
            var hash = p.OptionalHash(0, "block hash") ?? chain.Head.Hash;
            return Ok(chain.Db.GetBlock(hash) is { } b ? JsonShapes.Block(b) : null);
        };
        m["chain_getFinalizedHead"] = (_, _) => Ok(chain.Head.Hash.ToHex());
        m["chain_subscribeNewHeads"] = (_, s) => Ok(SubscribeHeads(s, "chain_newHead"));
        m["chain_subscribeFinalizedHeads"] = (_, s) => Ok(SubscribeHeads(s, "chain_finalizedHead"));
        m["chain_unsubscribeNewHeads"] = (p, s) => Ok(s.Unsubscribe(p.String(0, "subscription id")));
        m["chain_unsubscribeFinalizedHeads"] = (p, s) => Ok(s.Unsubscribe(p.String(0, "subscription id")));

        m["state_getStorage"] = (p, _) =>
        {
            var key = p.Hex(0, "storage key", 1024);
            EnsureHeadState(p, 1);
            var v = chain.HeadState.Get(key);
            return Ok(v is null ? null : JsonShapes.Hex(v));
        };
        m["state_getKeysPaged"] = (p, _) =>
        {
            var prefix = p.Hex(0, "key prefix", 1024);
            var count = p.U64(1, "count");
            if (count > MaxKeysPerPage) throw RpcException.InvalidParams($"count must be at most {MaxKeysPerPage}");
            var start = p.Has(2) ? p.Hex(2, "start key", 1024) : null;
            EnsureHeadState(p, 3);
            var keys = chain.HeadState.IteratePrefix(prefix)
                .Select(kv => kv.Key)
                .Where(k => start is null || k.AsSpan().SequenceCompareTo(start) > 0)
                .Take((int)count)
                .Select(k => (JsonNode)JsonShapes.Hex(k));
            return Ok(new JsonArray(keys.ToArray()));
        };

        m["author_submitExtrinsic"] = (p, _) => Ok(Submit(p).Extrinsic.Hash.ToHex());
        m["author_submitAndWatchExtrinsic"] = (p, s) => Ok(SubmitAndWatch(p, s));
        m["author_unwatchExtrinsic"] = (p, s) => Ok(s.Unsubscribe(p.String(0, "subscription id")));
        m["author_pendingExtrinsics"] = (_, _) => Ok(new JsonArray(
            chain.Pool.SelectReady(chain.HeadState, 10_000).Select(x => (JsonNode)JsonShapes.Hex(x.Encoded)).ToArray()));

        m["tao_getEvents"] = (p, _) =>
        {
            var hash = p.OptionalHash(0, "block hash") ?? chain.Head.Hash;
            return Ok(chain.Db.GetEvents(hash) is { } e ? JsonShapes.Events(e) : null);
        };
        m["tao_getBalance"] = (p, _) =>
        {
            var who = Account(p, 0);
            var a = TaoBalances.Account(chain.HeadState, who);
            return Ok(new JsonObject { ["free"] = a.Free, ["reserved"] = a.Reserved, ["nonce"] = a.Nonce });
        };
        m["tao_totalIssuance"] = (_, _) => Ok(TaoBalances.TotalIssuance(chain.HeadState).Rao);
        m["tao_findExtrinsic"] = (p, _) =>
        {
            var h = p.OptionalHash(0, "extrinsic hash") ?? throw RpcException.InvalidParams("missing extrinsic hash");
            return Ok(chain.Db.FindExtrinsic(h) is { } loc
                ? new JsonObject { ["block"] = loc.Block.ToHex(), ["index"] = loc.Index }
                : null);
        };
    }

    /// <summary>An account as SS58 (any prefix) or 0x-hex of 32 bytes.</summary>
    public static AccountId Account(RpcParams p, int i)
    {
        var s = p.String(i, "account");
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return AccountId.TryParseHex(s, out var id) ? id : throw RpcException.InvalidParams("account hex must be 32 bytes");
        return Ss58Address.TryDecode(s, out var decoded, out var error)
            ? AccountId.FromBytes(decoded.PublicKey)
            : throw RpcException.InvalidParams($"account is neither SS58 nor 0x hex: {error}");
    }

    private static ValueTask<JsonNode?> Ok(JsonNode? node) => ValueTask.FromResult(node);
    private static ValueTask<JsonNode?> Ok(string? s) => ValueTask.FromResult<JsonNode?>(s);
    private static ValueTask<JsonNode?> Ok(bool b) => ValueTask.FromResult<JsonNode?>(b);
    private static ValueTask<JsonNode?> Ok(ulong n) => ValueTask.FromResult<JsonNode?>(n);
    private static ValueTask<JsonNode?> Ok(uint n) => ValueTask.FromResult<JsonNode?>(n);

    private BlockHeader? HeaderAt(RpcParams p, int i)
    {
        var hash = p.OptionalHash(i, "block hash");
        return hash is null ? chain.Head : chain.Db.GetHeader(hash.Value);
    }

    private void EnsureHeadState(RpcParams p, int i)
    {
        var at = p.OptionalHash(i, "block hash");
        if (at is { } h && h != chain.Head.Hash)
            throw new RpcException(RpcErrorCodes.StateUnavailable, "State not available",
                $"this node keeps only the head's state; block {h} is not the head {chain.Head.Hash}");
    }

    private string SubscribeHeads(RpcSession s, string method) => s.Subscribe(id =>
    {
        void OnBlock(ImportedBlock b) => s.Notify(method, id, JsonShapes.Header(b.Block.Header));
        chain.BlockImported += OnBlock;
        // Substrate sends the current head right away.
        s.Notify(method, id, JsonShapes.Header(chain.Head));
        return () => chain.BlockImported -= OnBlock;
    });

    private ValidTransaction Submit(RpcParams p)
    {
        var bytes = p.Hex(0, "extrinsic", Extrinsic.MaxEncodedLength + 8);
        try
        {
            return chain.Submit(bytes);
        }
        catch (InvalidExtrinsicException e)
        {
            var code = e.Reason switch
            {
                InvalidReason.PoolFull => RpcErrorCodes.PoolFull,
                InvalidReason.AlreadyImported => RpcErrorCodes.AlreadyImported,
                InvalidReason.TooLowPriority => RpcErrorCodes.TooLowPriority,
                _ => RpcErrorCodes.InvalidTransaction,
            };
            throw new RpcException(code, code == RpcErrorCodes.InvalidTransaction ? "Invalid Transaction" : e.Reason.ToString(),
                $"{e.Reason}: {e.Message}");
        }
    }

    private string SubmitAndWatch(RpcParams p, RpcSession s)
    {
        if (!s.SupportsSubscriptions)
            throw new RpcException(RpcErrorCodes.MethodNotFound, "author_submitAndWatchExtrinsic needs a WebSocket connection");
        // Decode first so the watcher can filter by hash before the pool may report anything.
        var bytes = p.Hex(0, "extrinsic", Extrinsic.MaxEncodedLength + 8);
        Hash256 hash;
        try
        {
            hash = Extrinsic.Decode(bytes).Hash;
        }
        catch (InvalidExtrinsicException e)
        {
            throw new RpcException(RpcErrorCodes.InvalidTransaction, "Invalid Transaction", $"{e.Reason}: {e.Message}");
        }
        string? subscription = null;
        var released = false;
        var pending = new List<TransactionStatus>();
        var gate = new Lock();
        void Send(TransactionStatus st)
        {
            s.Notify("author_extrinsicUpdate", subscription!, StatusJson(st));
            if (st.IsFinal) s.Unsubscribe(subscription!);
        }
        void OnStatus(TransactionStatus st)
        {
            if (st.TransactionHash != hash) return;
            // Until the reply carrying the subscription id is queued, statuses wait (the client could not route them).
            lock (gate)
            {
                if (!released) pending.Add(st);
                else Send(st);
            }
        }
        chain.Pool.StatusChanged += OnStatus;
        try
        {
            Submit(p);
        }
        catch
        {
            chain.Pool.StatusChanged -= OnStatus;
            throw;
        }
        var id = s.Subscribe(_ => () => chain.Pool.StatusChanged -= OnStatus);
        subscription = id;
        s.AfterResponse(() =>
        {
            lock (gate)
            {
                released = true;
                foreach (var st in pending) Send(st);
                pending.Clear();
            }
        });
        return id;
    }

    private static JsonNode StatusJson(TransactionStatus st) => st.Kind switch
    {
        TransactionStatusKind.Ready => "ready",
        TransactionStatusKind.Future => "future",
        TransactionStatusKind.InBlock => new JsonObject { ["inBlock"] = st.BlockHash!.Value.ToHex() },
        TransactionStatusKind.Finalized => new JsonObject { ["finalized"] = st.BlockHash!.Value.ToHex() },
        TransactionStatusKind.Dropped => "dropped",
        TransactionStatusKind.Usurped => new JsonObject { ["usurped"] = st.Reason },
        _ => new JsonObject { ["invalid"] = st.Reason },
    };
}
