using TaoSharp.Primitives;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// The stake the epoch and the weight rules read (spec-dtao §5.5): a hotkey's alpha and root TAO after child-key
/// inheritance on the subnet (own − lent to children + borrowed from parents, U96F32, truncated per component).
/// <see cref="Instance"/> answers <see cref="IStakeView.RootStake(IStateReader, AccountId)"/> without a subnet, so
/// there it is the hotkey's own root stake; <see cref="OnSubnet"/> binds a subnet so that the root stake is inherited
/// through that subnet's child keys too (what the epoch uses).
/// </summary>
public sealed class StakeView : IStakeView
{
    public static readonly StakeView Instance = new(null);

    private readonly NetUid? _subnet;

    private StakeView(NetUid? subnet) => _subnet = subnet;

    /// <summary>A view whose root stake is inherited through the child keys of <paramref name="netuid"/>.</summary>
    public static StakeView OnSubnet(NetUid netuid) => new(netuid);

    /// <summary><c>get_inherited_for_hotkey_on_subnet</c> (root: own stake).</summary>
    public ulong AlphaStake(IStateReader state, NetUid netuid, AccountId hotkey) => netuid.IsRoot
        ? OwnStake(state, hotkey, netuid)
        : ChildKeys.Inherited(state, hotkey, netuid, h => OwnStake(state, h, netuid));

    public ulong RootStake(IStateReader state, AccountId hotkey) => _subnet is { } n
        ? RootStakeOnSubnet(state, n, hotkey)
        : OwnStake(state, hotkey, NetUid.Root);

    /// <summary><c>get_tao_inherited_for_hotkey_on_subnet</c>: root TAO inherited through the subnet's child keys.</summary>
    public static ulong RootStakeOnSubnet(IStateReader state, NetUid netuid, AccountId hotkey) =>
        ChildKeys.Inherited(state, hotkey, netuid, h => OwnStake(state, h, NetUid.Root));

    private static ulong OwnStake(IStateReader state, AccountId hotkey, NetUid netuid) =>
        SubtensorStorage.TotalHotkeyAlpha.Get(state, hotkey, netuid);
}
