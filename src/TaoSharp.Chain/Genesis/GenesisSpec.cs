using TaoSharp.Chain.Blocks;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Chain.Genesis;

/// <summary>
/// The initial state of a chain in resolved form (accounts already turned into ids). Everything here is hashed
/// into the genesis block, so two nodes with the same spec share a genesis hash and only they accept each other's transactions.
/// </summary>
public sealed record GenesisSpec(string ChainName, string Profile, ulong Timestamp, AccountId? SudoKey,
    IReadOnlyList<(AccountId Account, ulong Free)> Balances)
{
    /// <summary>
    /// Writes the genesis state into <paramref name="state"/>: balances, the sudo key, then the dTAO books (root subnet,
    /// subtensor's issuance counter = the endowed balances), which must come after the balances they count.
    /// </summary>
    public void Apply(IStateAccess state)
    {
        if (!ChainProfile.IsKnown(Profile))
            throw new ArgumentException($"unknown economics profile '{Profile}' (expected '{ChainProfile.Current}' or '{ChainProfile.Launch}')");
        foreach (var (account, free) in Balances)
            TaoBalances.SetFree(state, account, new TaoBalance(TaoBalances.Free(state, account).Rao + free));
        if (SudoKey is { } sudo) BalancesStorage.SudoKey.Set(state, sudo);
        DtaoGenesis.Initialize(state);
    }

    /// <summary>The genesis header for a state root: number 0, zero parent, empty body, no author.</summary>
    public BlockHeader Header(Hash256 stateRoot) =>
        new(Hash256.Zero, 0, stateRoot, Block.ExtrinsicsRoot(Array.Empty<Extrinsic>()), Timestamp, default);
}
