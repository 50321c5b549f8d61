using TaoSharp.Primitives;

namespace TaoSharp.Chain.Extrinsics;

/// <summary>
/// What a signature commits to besides the call: the chain's genesis hash (no replay across chains) and the
/// runtime's spec/transaction versions (no replay across incompatible runtimes).
/// </summary>
public sealed record ChainIdentity(Hash256 GenesisHash, uint SpecVersion, uint TransactionVersion)
{
    /// <summary>spec_version of the reference runtime snapshot we follow (subtensor 2026-06-30).</summary>
    public const uint ReferenceSpecVersion = 425;

    public const uint ReferenceTransactionVersion = 1;
}
