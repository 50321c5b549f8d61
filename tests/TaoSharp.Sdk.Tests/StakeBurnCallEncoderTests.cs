using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Sdk.Tests;

/// <summary>add_stake_burn, set_coldkey_auto_stake_hotkey and trigger_epoch: exact bytes, and the Runtime's table decodes them whole.</summary>
public sealed class StakeBurnCallEncoderTests
{
    private static readonly CallTable Table = RuntimeCalls.CreateTable();
    private static readonly AccountId Hot = AccountId.FromBytes([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    [Fact]
    public void Add_stake_burn_is_subtensor_132_with_an_optional_limit()
    {
        var without = Calls.AddStakeBurn(Hot, new NetUid(3), new TaoBalance(0x0102), null);
        Assert.Equal([7, 132, .. Hot.AsSpan().ToArray(), 3, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0], without);
        var with = Calls.AddStakeBurn(Hot, new NetUid(3), new TaoBalance(0x0102), 0x0A0B);
        Assert.Equal([7, 132, .. Hot.AsSpan().ToArray(), 3, 0, 2, 1, 0, 0, 0, 0, 0, 0, 1, 0x0B, 0x0A, 0, 0, 0, 0, 0, 0], with);
        Assert.Equal("SubtensorModule.add_stake_burn", Table.Decode(without).Descriptor.FullName);
        Assert.Equal("SubtensorModule.add_stake_burn", Table.Decode(with).Descriptor.FullName);
    }

    [Fact]
    public void Set_coldkey_auto_stake_hotkey_is_subtensor_114_netuid_first()
    {
        var call = Calls.SetColdkeyAutoStakeHotkey(new NetUid(0x0105), Hot);
        Assert.Equal([7, 114, 5, 1, .. Hot.AsSpan().ToArray()], call);
        Assert.Equal("SubtensorModule.set_coldkey_auto_stake_hotkey", Table.Decode(call).Descriptor.FullName);
    }

    [Fact]
    public void Trigger_epoch_is_subtensor_141()
    {
        var call = Calls.TriggerEpoch(new NetUid(2));
        Assert.Equal([7, 141, 2, 0], call);
        Assert.Equal("SubtensorModule.trigger_epoch", Table.Decode(call).Descriptor.FullName);
    }

    [Fact]
    public void A_truncated_add_stake_burn_is_refused_by_the_decoder()
    {
        var call = Calls.AddStakeBurn(Hot, new NetUid(3), new TaoBalance(5), 7);
        Assert.Throws<ScaleDecodeException>(() => Table.Decode(call[..^1]));
    }
}
