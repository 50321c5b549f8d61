using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Tests;

/// <summary>A payment stub that charges against an in-test balance table.</summary>
public sealed class FakePayment : IRegistrationPayment
{
    public Dictionary<AccountId, ulong> Balances { get; } = [];
    public ulong Paid { get; private set; }

    public bool CanPay(IStateReader state, AccountId coldkey, ulong taoRao) => Balances.GetValueOrDefault(coldkey) >= taoRao;

    public void Pay(IStateAccess state, AccountId coldkey, NetUid netuid, ulong taoRao)
    {
        Balances[coldkey] -= taoRao;
        Paid += taoRao;
    }
}

/// <summary>Builds a subnet with n neurons for weights and registration scenarios (mock-like parameters).</summary>
public static class SubnetTestBuilder
{
    public static readonly NetUid Net = new(1);
    public static readonly AccountId OwnerColdkey = EpochTestChain.Coldkey(999);

    public static EpochTestChain Subnet(int n, ulong registeredAt = 1, bool commitReveal = false, ulong stake = 1_000)
    {
        var chain = new EpochTestChain();
        var s = chain.State;
        SubtensorStorage.NetworksAdded.Set(s, Net, true);
        SubtensorStorage.SubnetOwner.Set(s, Net, OwnerColdkey);
        SubtensorStorage.SubnetworkN.Set(s, Net, (ushort)n);
        SubtensorStorage.CommitRevealWeightsEnabled.Set(s, Net, commitReveal);
        SubtensorStorage.WeightsSetRateLimit.Set(s, Net, 0);
        SubtensorStorage.MinAllowedWeights.Set(s, Net, 0);
        SubtensorStorage.TaoWeight.Set(s, 0);
        var lastUpdate = new ulong[n];
        for (int uid = 0; uid < n; uid++)
        {
            var hk = EpochTestChain.Hotkey(uid);
            SubtensorStorage.Keys.Set(s, Net, (ushort)uid, hk);
            SubtensorStorage.Uids.Set(s, Net, hk, (ushort)uid);
            SubtensorStorage.BlockAtRegistration.Set(s, Net, (ushort)uid, registeredAt);
            SubtensorStorage.Owner.Set(s, hk, EpochTestChain.Coldkey(uid));
            TestStakeView.SetAlpha(s, Net, hk, stake);
            lastUpdate[uid] = registeredAt;
        }
        SubtensorStorage.LastUpdate.Set(s, SubtensorStorage.MainIndex(Net), lastUpdate);
        SubtensorStorage.ValidatorPermit.Set(s, Net, Enumerable.Repeat(true, n).ToArray());
        SubtensorStorage.Emission.Set(s, Net, new ulong[n]);
        return chain;
    }

    public static void AssertFails(DispatchError expected, Action call)
    {
        var e = Assert.Throws<DispatchException>(call);
        Assert.Equal(expected, e.Error);
    }
}
