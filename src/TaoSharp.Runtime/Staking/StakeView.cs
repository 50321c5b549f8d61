using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// The stake the epoch reads (spec-dtao §5.5): a hotkey's own alpha on the subnet and its root TAO stake.
/// Child-key inheritance is not applied yet (no set_children): inherited = own.
/// </summary>
public sealed class StakeView : IStakeView
{
    public static readonly StakeView Instance = new();

    public ulong AlphaStake(IStateReader state, NetUid netuid, AccountId hotkey) =>
        SubtensorStorage.TotalHotkeyAlpha.Get(state, hotkey, netuid);

    public ulong RootStake(IStateReader state, AccountId hotkey) =>
        SubtensorStorage.TotalHotkeyAlpha.Get(state, hotkey, NetUid.Root);
}
