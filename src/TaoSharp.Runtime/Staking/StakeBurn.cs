using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// <c>add_stake_burn</c> (132), spec-dtao §5.2: a "buy-back" — stake TAO through the pool (add_stake, or add_stake_limit
/// fill-or-kill when a limit is given) and burn exactly the alpha bought. Any signed coldkey may call it and there is no
/// rate limit at HEAD (the reference removed both). The burned alpha stays minted and unowned (<c>AlphaBurned</c>), so
/// alpha issuance is unchanged while the pool keeps the TAO. Both legs run in the caller's storage transaction (the
/// executor's per extrinsic): if the burn is refused (e.g. on root) the stake is undone too.
/// </summary>
public static class StakeBurn
{
    /// <summary>Returns the alpha bought and burned.</summary>
    public static ulong AddStakeBurn(StakingOperations ops, IStateAccess s, AccountId coldkey, AccountId hotkey, NetUid netuid, ulong tao,
        ulong? limit, EventLog? events)
    {
        var alpha = ops.AddStake(s, coldkey, hotkey, netuid, tao, limit, allowPartial: false, events);
        AlphaBurns.Burn(s, coldkey, hotkey, alpha, netuid, events);
        events?.Deposit(SubtensorEvents.Pallet, "AddStakeBurn", ("netuid", netuid.Value.ToString()), ("hotkey", hotkey.ToHex()),
            ("amount", tao.ToString()), ("alpha", alpha.ToString()));
        return alpha;
    }
}
