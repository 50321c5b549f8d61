using System.Text.Json.Nodes;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Client;
using TaoSharp.Sdk.Queries;

namespace TaoSharp.Sdk.Transactions;

public enum WaitFor
{
    /// <summary>Return once the node's pool accepted the transaction.</summary>
    Submission,
    InBlock,
    Finalization,
}

/// <summary>
/// What happened to a submitted transaction. <see cref="Error"/> is the chain's error name (for example
/// "InsufficientBalance") when the call failed inside a block; a transaction the pool refused never gets here
/// (it raises <see cref="TransactionRejectedException"/>).
/// </summary>
public sealed record TransactionResult(Hash256 Hash, Hash256? BlockHash, bool Success, string? Error, TaoBalance Fee, IReadOnlyList<ChainEvent> Events)
{
    public bool Included => BlockHash is not null;
}

/// <summary>The node refused the transaction before inclusion (invalid, pool full, dropped, stale nonce…).</summary>
public sealed class TransactionRejectedException(string reason, Exception? inner = null)
    : Exception("transaction rejected: " + reason, inner)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Signs a call with a key, fetches the nonce, submits it and follows it to inclusion or finalization:
/// over WebSocket through author_submitAndWatchExtrinsic, over HTTP by polling tao_findExtrinsic.
/// </summary>
public sealed class TransactionSubmitter(TaoClient client)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ChainQueries _queries = new(client);
    private RuntimeIdentity? _runtime;

    public async Task<SignedExtrinsic> SignAsync(ITransactionSigner signer, byte[] call, ulong tip = 0, CancellationToken ct = default)
    {
        _runtime ??= await _queries.RuntimeIdentityAsync(ct).ConfigureAwait(false);
        var nonce = await _queries.NextNonceAsync(signer.Account, ct).ConfigureAwait(false);
        return ExtrinsicEncoder.Sign(signer, call, nonce, tip, _runtime);
    }

    public async Task<TransactionResult> SubmitAsync(ITransactionSigner signer, byte[] call, WaitFor waitFor = WaitFor.InBlock,
        ulong tip = 0, CancellationToken ct = default)
    {
        var xt = await SignAsync(signer, call, tip, ct).ConfigureAwait(false);
        return await SubmitAsync(xt, waitFor, ct).ConfigureAwait(false);
    }

    public async Task<TransactionResult> SubmitAsync(SignedExtrinsic xt, WaitFor waitFor, CancellationToken ct = default)
    {
        if (waitFor == WaitFor.Submission || !client.SupportsSubscriptions)
        {
            await Rejected(() => client.CallAsync("author_submitExtrinsic", [xt.Hex], ct)).ConfigureAwait(false);
            return waitFor == WaitFor.Submission
                ? new TransactionResult(xt.Hash, null, true, null, default, [])
                : await PollInclusionAsync(xt.Hash, ct).ConfigureAwait(false);
        }
        await using var sub = await Rejected(() => client.SubscribeAsync(
            "author_submitAndWatchExtrinsic", "author_unwatchExtrinsic", [xt.Hex], ct)).ConfigureAwait(false);
        Hash256? inBlock = null;
        while (true)
        {
            var status = await sub.NextAsync(ct).ConfigureAwait(false);
            switch (status)
            {
                case JsonObject o when o["inBlock"] is { } b:
                    inBlock = ChainQueries.ParseHash(b.ToString());
                    if (waitFor == WaitFor.InBlock) return await OutcomeAsync(xt.Hash, inBlock.Value, ct).ConfigureAwait(false);
                    break;
                case JsonObject o when o["finalized"] is { } f:
                    return await OutcomeAsync(xt.Hash, ChainQueries.ParseHash(f.ToString()), ct).ConfigureAwait(false);
                case JsonObject o when o["invalid"] is { } why:
                    throw new TransactionRejectedException("invalid: " + why);
                case JsonObject o when o["usurped"] is { } by:
                    throw new TransactionRejectedException("usurped by another transaction with the same nonce: " + by);
                case JsonValue v when v.ToString() == "dropped":
                    throw new TransactionRejectedException("dropped from the pool" + (inBlock is null ? "" : " after inclusion in " + inBlock));
            }
        }
    }

    private async Task<TransactionResult> PollInclusionAsync(Hash256 hash, CancellationToken ct)
    {
        while (true)
        {
            if (await _queries.FindExtrinsicAsync(hash, ct).ConfigureAwait(false) is { } loc)
                return await OutcomeAsync(hash, loc.Block, ct).ConfigureAwait(false);
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    private async Task<TransactionResult> OutcomeAsync(Hash256 hash, Hash256 block, CancellationToken ct)
    {
        var outcomes = await _queries.BlockOutcomesAsync(block, ct).ConfigureAwait(false)
            ?? throw new ChainConnectionException($"the node reported block {block} but has no events for it");
        var o = outcomes.FirstOrDefault(x => x.Hash == hash)
            ?? throw new ChainConnectionException($"block {block} does not list extrinsic {hash}");
        return new TransactionResult(hash, block, o.Success, o.Error, o.Fee, o.Events);
    }

    private static async Task<T> Rejected<T>(Func<Task<T>> submit)
    {
        try
        {
            return await submit().ConfigureAwait(false);
        }
        catch (RpcCallException e)
        {
            throw new TransactionRejectedException(e.ErrorData ?? e.RpcMessage, e);
        }
    }
}
