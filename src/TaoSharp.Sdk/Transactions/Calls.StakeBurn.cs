using TaoSharp.Primitives;

namespace TaoSharp.Sdk.Transactions;

/// <summary>SubtensorModule buy-back, auto-stake destination and epoch trigger calls (layouts of docs/calls.md).</summary>
public static partial class Calls
{
    /// <summary>
    /// add_stake_burn(hotkey, netuid, amount: TAO in RAO, limit: Option&lt;u64&gt; (highest RAO per alpha)) (132): buy alpha
    /// with the TAO and burn it at once (a "buy-back"); with a limit the buy is fill-or-kill.
    /// </summary>
    public static byte[] AddStakeBurn(AccountId hotkey, NetUid netuid, TaoBalance amount, ulong? limitPrice)
    {
        var w = Begin(SubtensorModule, 132);
        w.WriteFixed(hotkey.AsSpan());
        w.WriteU16(netuid.Value);
        w.WriteU64(amount.Rao);
        WriteOptionU64(w, limitPrice);
        return w.ToArray();
    }

    /// <summary>set_coldkey_auto_stake_hotkey(netuid, hotkey) (114): the signing coldkey's miner incentive on the subnet is staked to this hotkey.</summary>
    public static byte[] SetColdkeyAutoStakeHotkey(NetUid netuid, AccountId hotkey)
    {
        var w = Begin(SubtensorModule, 114);
        w.WriteU16(netuid.Value);
        w.WriteFixed(hotkey.AsSpan());
        return w.ToArray();
    }

    /// <summary>trigger_epoch(netuid) (141): the subnet owner schedules an epoch AdminFreezeWindow blocks ahead.</summary>
    public static byte[] TriggerEpoch(NetUid netuid)
    {
        var w = Begin(SubtensorModule, 141);
        w.WriteU16(netuid.Value);
        return w.ToArray();
    }
}
