using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>Genesis of the dTAO books: the root subnet (stable, 64 UIDs) and subtensor's issuance counter set to the endowed balances.</summary>
public static class DtaoGenesis
{
    public static void Initialize(IStateAccess s)
    {
        SubtensorStorage.NetworksAdded.Set(s, NetUid.Root, true);
        SubtensorStorage.SubnetMechanism.Set(s, NetUid.Root, 0);
        SubtensorStorage.MaxAllowedUids.Set(s, NetUid.Root, SubtensorStorage.MaxRootValidators);
        SubtensorStorage.MaxAllowedValidators.Set(s, NetUid.Root, SubtensorStorage.MaxRootValidators);
        SubtensorStorage.Tempo.Set(s, NetUid.Root, 100);
        SubtensorStorage.TokenSymbol.Set(s, NetUid.Root, Subnets.SubnetSymbols.ForNetuid(NetUid.Root));
        SubtensorStorage.TotalIssuance.Set(s, TaoBalances.TotalIssuance(s).Rao + SubtensorStorage.SubnetTAO.Get(s, NetUid.Root));
    }
}
