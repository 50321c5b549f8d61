using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Runtime.Tests.SubnetTestBuilder;

namespace TaoSharp.Runtime.Tests;

/// <summary>
/// <see cref="UidTrimming"/> on a subnet written straight into state: which UIDs go (ties, protected UIDs) and the 80 %
/// immune bound. Storage compaction and the call's origin rules are covered through the call table in the Chain tests.
/// </summary>
public class UidTrimmingTests
{
    private const ulong Block = 1_000;

    private static EpochTestChain Trimmable(ulong[] emission)
    {
        var chain = Subnet(emission.Length);
        var s = chain.State;
        SubtensorStorage.Emission.Set(s, Net, emission);
        SubtensorStorage.MinAllowedUids.Set(s, Net, 1);
        SubtensorStorage.ImmunityPeriod.Set(s, Net, 10);
        return chain;
    }

    private static ushort[] Hotkeys(EpochTestChain chain) =>
        [.. Enumerable.Range(0, SubtensorStorage.SubnetworkN.Get(chain.State, Net))
            .Select(u => (ushort)Enumerable.Range(0, 64).First(k => EpochTestChain.Hotkey(k) == SubtensorStorage.Keys.Get(chain.State, Net, (ushort)u)))];

    [Fact]
    public void Equal_emissions_lose_their_highest_uid_first()
    {
        var chain = Trimmable([5, 0, 0, 3, 0, 7]);
        var removed = UidTrimming.Trim(chain.State, Net, 4, Block);
        Assert.Equal([2, 4], removed.Select(u => (int)u));
        Assert.Equal([0, 1, 3, 5], Hotkeys(chain).Select(u => (int)u));
        Assert.Equal([5UL, 0, 3, 7], SubtensorStorage.Emission.Get(chain.State, Net));
    }

    [Fact]
    public void The_owner_hotkey_and_neurons_in_immunity_are_kept_even_as_lowest_emitters()
    {
        var chain = Trimmable([0, 1, 9, 2, 8, 3]);
        var s = chain.State;
        SubtensorStorage.SubnetOwnerHotkey.Set(s, Net, EpochTestChain.Hotkey(0));
        SubtensorStorage.BlockAtRegistration.Set(s, Net, 1, Block - 9); // 9 < ImmunityPeriod 10: immune
        SubtensorStorage.BlockAtRegistration.Set(s, Net, 3, Block - 10); // 10 blocks: no longer immune
        var removed = UidTrimming.Trim(s, Net, 3, Block);
        Assert.Equal([3, 4, 5], removed.Select(u => (int)u));
        Assert.Equal([0, 1, 2], Hotkeys(chain).Select(u => (int)u));
        Assert.Equal((ushort)3, SubtensorStorage.MaxAllowedUids.Get(s, Net));
    }

    [Fact]
    public void Immune_uids_must_stay_under_80_percent_of_the_new_maximum()
    {
        // 4 immune of max 5 is 80 %: refused; of max 6 (66 %) it is allowed.
        EpochTestChain FourImmune()
        {
            var c = Trimmable([1, 2, 3, 4, 5, 6, 7]);
            for (ushort uid = 0; uid < 4; uid++) SubtensorStorage.BlockAtRegistration.Set(c.State, Net, uid, Block);
            return c;
        }
        AssertFails(DispatchError.TrimmingWouldExceedMaxImmunePercentage, () => UidTrimming.Trim(FourImmune().State, Net, 5, Block));
        var chain = FourImmune();
        Assert.Equal([4], UidTrimming.Trim(chain.State, Net, 6, Block).Select(u => (int)u));

        AssertFails(DispatchError.InvalidValue, () => UidTrimming.Trim(chain.State, Net, 0, Block));
        AssertFails(DispatchError.InvalidValue, () => UidTrimming.Trim(chain.State, Net, 7, Block));
        AssertFails(DispatchError.SubnetNotExists, () => UidTrimming.Trim(chain.State, new Primitives.NetUid(9), 6, Block));
    }
}
