using TaoSharp.Primitives;

namespace TaoSharp.Chain.Pool;

/// <summary>Lifecycle of a submitted transaction as author_submitAndWatchExtrinsic reports it.</summary>
public enum TransactionStatusKind { Ready, Future, InBlock, Finalized, Dropped, Invalid, Usurped }

/// <summary>A status change; <see cref="BlockHash"/> is set for InBlock/Finalized, <see cref="Reason"/> for Dropped/Invalid/Usurped.</summary>
public sealed record TransactionStatus(Hash256 TransactionHash, TransactionStatusKind Kind, Hash256? BlockHash = null, string? Reason = null)
{
    public bool IsFinal => Kind is TransactionStatusKind.Finalized or TransactionStatusKind.Dropped
        or TransactionStatusKind.Invalid or TransactionStatusKind.Usurped;
}
