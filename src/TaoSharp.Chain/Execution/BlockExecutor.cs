using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Runtime;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Chain.Execution;

/// <summary>What executing a block produced: the state changes (not yet committed), the extrinsics kept, their events, and those refused.</summary>
public sealed record BlockExecutionResult(
    StateOverlay State,
    IReadOnlyList<Extrinsic> Included,
    BlockEvents Events,
    IReadOnlyList<(Extrinsic Extrinsic, InvalidExtrinsicException Error)> Refused);

/// <summary>
/// Runs a block against the parent state: the per-block hooks, then each extrinsic in order. Each extrinsic is
/// validated, pays its fee + tip and bumps its nonce, then its call runs in a nested transaction: a failing call
/// is rolled back and recorded as System.ExtrinsicFailed with the error name, keeping only the fee and nonce.
/// Nothing here touches the store; the caller computes the state root and commits. The extrinsics of one block
/// share a weight and length budget (<see cref="BlockLimits"/>): an author stops filling the block at the first
/// transaction that does not fit (it stays in the pool for the next block); an imported block over budget is invalid.
/// </summary>
public sealed class BlockExecutor(TransactionValidator validator, IBlockHooks hooks, BlockLimits? limits = null)
{
    public TransactionValidator Validator { get; } = validator;

    public BlockLimits Limits { get; } = limits ?? BlockLimits.Default;

    /// <summary>
    /// Executes extrinsics for block <paramref name="number"/>. When <paramref name="dropInvalid"/> (block
    /// authoring) an invalid transaction is left out and reported; otherwise (import/replay) it fails the block.
    /// A non-zero <paramref name="author"/> is recorded as Authorship.Author before the hooks run, so swap and transaction
    /// fees reach it; the parent block's hash (<paramref name="hashAt"/> of number − 1) is recorded as System.ParentHash.
    /// </summary>
    public BlockExecutionResult Execute(IStateReader parentState, ulong number, BlockHashLookup hashAt,
        IEnumerable<Extrinsic> extrinsics, bool dropInvalid, bool checkSignatures, AccountId author = default)
    {
        if (number == 0) throw new ArgumentOutOfRangeException(nameof(number), "block 0 is the genesis block and is never executed");
        var parentHash = hashAt(number - 1) ?? throw new InvalidBlockException($"block #{number} has no parent #{number - 1} in the store");
        var overlay = new StateOverlay(parentState);
        // Like frame_system's initialisation: the parent hash is state the hooks read (auto root claims sample from it),
        // so authoring, import and replay all see the same input.
        SubtensorStorage.ParentHash.Set(overlay, parentHash);
        if (author != default) SubtensorStorage.BlockAuthor.Set(overlay, author);
        var log = new EventLog();
        var block = new BlockNumber(number);
        hooks.OnInitialize(new CallContext(overlay, Origin.Root, block, log));
        var initEvents = log.Drain();

        var included = new List<Extrinsic>();
        var receipts = new List<ExtrinsicReceipt>();
        var refused = new List<(Extrinsic, InvalidExtrinsicException)>();
        ulong usedWeight = 0;
        long usedLength = 0;
        foreach (var x in extrinsics)
        {
            ValidTransaction valid;
            try
            {
                valid = Validator.Validate(overlay, x, number, hashAt, allowFuture: false, checkSignatures);
            }
            catch (InvalidExtrinsicException e)
            {
                if (!dropInvalid) throw new InvalidBlockException($"extrinsic {included.Count} ({x.Hash}) is invalid: {e.Message}", e);
                refused.Add((x, e));
                continue;
            }

            var weight = Limits.ExtrinsicWeight(Validator.Fees, valid.Call);
            if (!Limits.Fits(usedWeight, usedLength, weight, x.Encoded.Length))
            {
                if (!dropInvalid)
                    throw new InvalidBlockException($"extrinsic {included.Count} ({x.Hash}) exceeds the block's weight or length limit");
                if (!Limits.Fits(0, 0, weight, x.Encoded.Length))
                {
                    refused.Add((x, new InvalidExtrinsicException(InvalidReason.ExhaustsResources,
                        $"transaction weight {weight} / length {x.Encoded.Length} exceeds a whole block's limit")));
                    continue;
                }
                // Block full: stop here so later nonces of the same signer are not refused for the gap; the rest waits.
                break;
            }
            usedWeight += weight;
            usedLength += x.Encoded.Length;
            receipts.Add(Apply(overlay, block, log, valid, (uint)included.Count));
            included.Add(x);
        }
        return new BlockExecutionResult(overlay, included, new BlockEvents(initEvents, receipts), refused);
    }

    private static ExtrinsicReceipt Apply(StateOverlay state, BlockNumber block, EventLog log, ValidTransaction tx, uint index)
    {
        var x = tx.Extrinsic;
        // Fee and nonce are outside the call's transaction: they stick even when the call fails.
        TransactionPayment.ChargeFee(state, x.Signer, tx.Fee);
        TaoBalances.IncrementNonce(state, x.Signer);
        if (tx.Fee > 0)
            log.Deposit("TransactionPayment", "TransactionFeePaid", ("who", x.Signer.ToHex()),
                ("actual_fee", (tx.Fee - x.Tip).ToString()), ("tip", x.Tip.ToString()));

        var ctx = new CallContext(state, Origin.Signed(x.Signer), block, log);
        DispatchException? error;
        try
        {
            // The coldkey-swap guard is the reference's dispatch extension: a refused call is included and pays its fee.
            error = ctx.Transactional(() =>
            {
                Runtime.KeySwaps.ColdkeySwapGuard.Check(ctx.State, x.Signer, tx.Call.Descriptor);
                tx.Call.Dispatch(ctx);
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A Runtime bug must not halt the chain: record it as a failed call (its changes were rolled back).
            error = new DispatchException(DispatchError.Overflow, "unexpected runtime error: " + e.Message);
        }

        if (error is null)
            log.Deposit("System", "ExtrinsicSuccess", ("call", tx.Call.Descriptor.FullName));
        else
            log.Deposit("System", "ExtrinsicFailed", ("call", tx.Call.Descriptor.FullName), ("error", error.Error.ToString()),
                ("detail", error.Message));
        return new ExtrinsicReceipt(index, x.Hash, error is null, error?.Error.ToString(), tx.Fee, log.Drain());
    }
}

/// <summary>A block that cannot be executed as given (re-execution or import found an invalid extrinsic or a root mismatch).</summary>
public sealed class InvalidBlockException(string message, Exception? inner = null) : Exception(message, inner);
