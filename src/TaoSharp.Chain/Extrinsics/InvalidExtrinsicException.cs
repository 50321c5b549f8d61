namespace TaoSharp.Chain.Extrinsics;

/// <summary>Why a transaction is refused before it can enter a block (the reference's TransactionValidityError).</summary>
public enum InvalidReason
{
    Malformed,
    TooLarge,
    BadProof,
    Stale,
    Future,
    AncientBirthBlock,
    Payment,
    UnknownCall,
    ExhaustsResources,
    AlreadyImported,
    TooLowPriority,
    PoolFull,
}

/// <summary>A transaction refused by decoding or validation, with a message fit for an RPC error.</summary>
public sealed class InvalidExtrinsicException(InvalidReason reason, string message) : Exception(message)
{
    public InvalidReason Reason { get; } = reason;
}
