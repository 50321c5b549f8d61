using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Storage;

namespace TaoSharp.Chain.Execution;

/// <summary>Looks up the hash of a block on the current chain by number (null when unknown).</summary>
public delegate Hash256? BlockHashLookup(ulong number);

/// <summary>A transaction that passed validation against some state, with what the pool needs to order it.</summary>
public sealed record ValidTransaction(Extrinsic Extrinsic, DecodedCall Call, ulong Fee, ulong Priority, uint AccountNonce, ulong Death)
{
    /// <summary>True when earlier nonces of the signer must be included first.</summary>
    public bool IsFuture => Extrinsic.Nonce > AccountNonce;
}

/// <summary>
/// The checks every transaction passes before it can touch state, shared by the pool (on submit and after each
/// block) and the executor (when building or re-executing a block): era and birth block, signature over the
/// payload (genesis hash included), call decoding, nonce, and the balance to pay fee + tip.
/// </summary>
public sealed class TransactionValidator(CallTable calls, ChainIdentity chain, FeeSchedule fees, ISignatureVerifier verifier)
{
    public CallTable Calls { get; } = calls;
    public ChainIdentity Chain { get; } = chain;
    public FeeSchedule Fees { get; } = fees;

    /// <summary>
    /// Validates <paramref name="x"/> for inclusion in block <paramref name="blockNumber"/>. With
    /// <paramref name="allowFuture"/> a nonce ahead of the account's is accepted (pool queueing); otherwise it must match.
    /// </summary>
    public ValidTransaction Validate(IStateReader state, Extrinsic x, ulong blockNumber, BlockHashLookup hashAt, bool allowFuture, bool checkSignature = true)
    {
        if (blockNumber >= x.Era.Death(blockNumber))
            throw new InvalidExtrinsicException(InvalidReason.Stale, $"transaction expired ({x.Era})");
        var birth = x.Era.Birth(blockNumber);
        var eraHash = x.Era.IsImmortal ? Chain.GenesisHash : hashAt(birth)
            ?? throw new InvalidExtrinsicException(InvalidReason.AncientBirthBlock, $"era birth block {birth} is not known");

        DecodedCall call;
        try
        {
            call = Calls.Decode(x.Call);
        }
        catch (ScaleDecodeException e)
        {
            throw new InvalidExtrinsicException(InvalidReason.UnknownCall, "bad call: " + e.Message);
        }

        if (checkSignature && !verifier.Verify(x.Scheme, x.Signer, x.SigningPayload(Chain, eraHash), x.Signature))
            throw new InvalidExtrinsicException(InvalidReason.BadProof,
                "bad signature (wrong key, or signed for another chain, runtime version or era)");

        var account = TaoBalances.Account(state, x.Signer);
        if (x.Nonce < account.Nonce)
            throw new InvalidExtrinsicException(InvalidReason.Stale, $"nonce {x.Nonce} is already used (next is {account.Nonce})");
        if (x.Nonce > account.Nonce && !allowFuture)
            throw new InvalidExtrinsicException(InvalidReason.Future, $"nonce {x.Nonce} is ahead of the account's next nonce {account.Nonce}");

        var fee = Fees.FeeWithTip(call, x);
        // Fees are withdrawn keep-alive: the signer must keep the existential deposit after paying.
        if (fee > 0 && (account.Free < fee || account.Free - fee < TaoBalances.ExistentialDeposit.Rao))
            throw new InvalidExtrinsicException(InvalidReason.Payment,
                $"balance {account.Free} RAO cannot pay fee + tip of {fee} RAO and keep the existential deposit");

        return new ValidTransaction(x, call, fee, x.Tip, account.Nonce, x.Era.Death(blockNumber));
    }
}
