using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// <c>root_register</c> (spec-dtao §7): a hotkey joins the root validators (at most <c>MaxAllowedUids[0]</c> = 64).
/// While root has room the hotkey gets the next UID; when full it replaces the member with the lowest root stake
/// (first such UID), but only if its own root stake is strictly higher (<c>StakeTooLowForRoot</c>).
/// Every root member becomes a delegate with the default 18 % take. As in the reference, a hotkey already owned by
/// another coldkey is registered without changing its owner (the caller pays nothing and gains nothing from it).
/// Decision: the reference's per-interval registration cap (3 × target) has no interval bookkeeping here; the per-block
/// cap of one root registration (reset by the registration price's block hook) is enforced.
/// </summary>
public static class RootRegistration
{
    /// <summary>Root registrations allowed per block (the reference's default <c>MaxRegistrationsPerBlock</c>).</summary>
    public const ushort MaxRegistrationsPerBlock = 1;

    public static ushort Register(IStateAccess s, AccountId coldkey, AccountId hotkey, ulong block, EventLog? events)
    {
        if (SubtensorStorage.RegistrationsThisBlock.Get(s, NetUid.Root) >= MaxRegistrationsPerBlock)
            throw new DispatchException(DispatchError.TooManyRegistrationsThisBlock);
        if (SubtensorStorage.Uids.Contains(s, NetUid.Root, hotkey)) throw new DispatchException(DispatchError.HotKeyAlreadyRegisteredInSubNet);
        if (StakingAccounts.IsSystemAccount(hotkey)) throw new DispatchException(DispatchError.CannotUseSystemAccount);
        if (!SubtensorStorage.Owner.Contains(s, hotkey))
        {
            SubtensorStorage.Owner.Set(s, hotkey, coldkey);
            StakeLedger.AddStakingHotkey(s, coldkey, hotkey);
        }

        var n = SubtensorStorage.SubnetworkN.Get(s, NetUid.Root);
        ushort uid;
        if (n < SubtensorStorage.MaxAllowedUids.Get(s, NetUid.Root))
        {
            uid = n;
            SubtensorStorage.SubnetworkN.Set(s, NetUid.Root, (ushort)(n + 1));
            SubtensorStorage.Keys.Set(s, NetUid.Root, uid, hotkey);
            SubtensorStorage.Uids.Set(s, NetUid.Root, hotkey, uid);
            SubtensorStorage.BlockAtRegistration.Set(s, NetUid.Root, uid, block);
        }
        else
        {
            var lowest = ulong.MaxValue;
            ushort lowestUid = 0;
            foreach (var (u, member) in SubtensorStorage.Keys.IteratePrefix(s, NetUid.Root))
            {
                var stake = SubtensorStorage.TotalHotkeyAlpha.Get(s, member, NetUid.Root);
                if (stake < lowest)
                {
                    lowest = stake;
                    lowestUid = u;
                }
            }

            if (lowest >= SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, NetUid.Root))
                throw new DispatchException(DispatchError.StakeTooLowForRoot);
            uid = NeuronRegistration.Replace(s, NetUid.Root, lowestUid, hotkey, block);
        }

        if (!SubtensorStorage.Delegates.Contains(s, hotkey)) SubtensorStorage.Delegates.Set(s, hotkey, StakingConstants.DefaultDelegateTake);
        SubtensorStorage.RegistrationsThisBlock.Mutate(s, NetUid.Root, c => (ushort)System.Math.Min(c + 1, ushort.MaxValue));
        events?.Deposit(SubtensorEvents.Pallet, "NeuronRegistered", ("netuid", "0"), ("uid", uid.ToString()), ("hotkey", hotkey.ToHex()));
        return uid;
    }

    /// <summary>The root validators' hotkeys by UID.</summary>
    public static IEnumerable<(ushort Uid, AccountId Hotkey)> Members(IStateReader s) =>
        SubtensorStorage.Keys.IteratePrefix(s, NetUid.Root).Select(e => (e.Key2, e.Value));
}
