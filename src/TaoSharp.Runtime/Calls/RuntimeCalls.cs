namespace TaoSharp.Runtime.Calls;

/// <summary>Builds the runtime's full dispatch table from each pallet's call list.</summary>
public static class RuntimeCalls
{
    public static CallTable CreateTable() => new([
        .. SystemCalls.Descriptors(),
        .. BalancesCalls.Descriptors(),
        .. SudoCalls.Descriptors(),
        .. Staking.StakingCalls.Descriptors(),
    ]);
}
