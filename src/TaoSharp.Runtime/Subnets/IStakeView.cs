using TaoSharp.Primitives;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// The stake amounts the epoch and weight rules need (spec-yuma §3.3), provided by the staking area:
/// inherited alpha stake of a hotkey on a subnet and its inherited root TAO stake (both u64 rao).
/// Implementations are stateless; the state is passed in.
/// </summary>
public interface IStakeView
{
    ulong AlphaStake(IStateReader state, NetUid netuid, AccountId hotkey);

    ulong RootStake(IStateReader state, AccountId hotkey);
}
