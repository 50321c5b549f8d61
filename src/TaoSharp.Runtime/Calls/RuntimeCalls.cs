using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Subnets;

namespace TaoSharp.Runtime.Calls;

/// <summary>Builds the runtime's full dispatch table from each pallet's call list.</summary>
public static class RuntimeCalls
{
    /// <summary>The table for a chain running <paramref name="profile"/> (the genesis config's economics profile; default Current).</summary>
    public static CallTable CreateTable(EconomicsProfile? profile = null) => new([
        .. SystemCalls.Descriptors(),
        .. BalancesCalls.Descriptors(),
        .. SudoCalls.Descriptors(),
        .. Staking.StakingCalls.Descriptors(profile),
        .. SubnetCalls.Descriptors(profile),
        .. AdminUtilsCalls.Descriptors(),
        .. IdentityCalls.Descriptors(profile),
        .. KeySwaps.KeySwapCalls.Descriptors(),
        .. UidTrimCalls.Descriptors(),
        .. Coinbase.EpochTrigger.Descriptors(),
    ]);
}
