using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Epoch;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// <c>distribute_emission</c> (spec-dtao §4.2–§4.7): Yuma on S+V+R, miners' incentive staked (owner hotkeys'
/// withheld and burned), validator dividends split into alpha and root parts by each hotkey's own stakes, delegate
/// take to the hotkey's owner and the rest to all its stakers, root parts into <c>RootClaimable</c>, owner cut staked
/// to the owner hotkey. Whatever finds no recipient stays minted but unowned (<c>AlphaBurned</c>).
/// Not yet applied: child-key redistribution (§4.4) and auto-stake destinations.
/// </summary>
public sealed class EmissionDistribution(EconomicsProfile profile)
{
    private readonly EpochRunner _runner = new(StakeView.Instance);

    public EconomicsProfile Profile { get; } = profile;

    public void Distribute(IStateAccess s, NetUid n, ulong block, PendingEmission pending, EventLog? events)
    {
        ulong paid = 0;
        var yumaEmission = pending.Server + pending.Validator + pending.RootAlpha;
        var hotkeys = Hotkeys(s, n);
        var ownerColdkey = SubtensorStorage.SubnetOwner.Get(s, n);
        var ownerHotkey = SubtensorStorage.SubnetOwnerHotkey.TryGet(s, n, out var oh) ? oh : (AccountId?)null;
        ulong[] incentives = new ulong[hotkeys.Length];
        ulong[] dividends = new ulong[hotkeys.Length];
        if (hotkeys.Length > 0)
        {
            var output = _runner.Run(s, n, block, yumaEmission);
            incentives = output.ServerEmission;
            dividends = output.ValidatorEmission;
        }

        // §4.3 miners.
        ulong incentiveSum = 0, withheld = 0;
        for (var uid = 0; uid < hotkeys.Length; uid++)
        {
            var inc = uid < incentives.Length ? incentives[uid] : 0;
            if (inc == 0 || hotkeys[uid] is not { } h) continue;
            incentiveSum += inc;
            var owner = SubtensorStorage.Owner.Get(s, h);
            if (h == ownerHotkey || owner == ownerColdkey)
            {
                withheld += inc; // default RecycleOrBurn = Burn: stays in SubnetAlphaOut, unowned
                continue;
            }

            StakeLedger.Increase(s, h, owner, n, inc);
            paid += inc;
        }

        SubtensorStorage.MinerBurned.Set(s, n, incentiveSum == 0 ? U96F32.Zero : U96F32.FromUInt(withheld).SafeDiv(U96F32.FromUInt(incentiveSum)));

        // §4.5 alpha/root split of the dividends, §4.6 takes.
        var validatorPool = incentiveSum > 0 ? pending.Validator : pending.Validator + pending.Server;
        var tw = RootProportion.TaoWeight(SubtensorStorage.TaoWeight.Get(s));
        var alphaParts = new U96F32[hotkeys.Length];
        var rootParts = new U96F32[hotkeys.Length];
        U96F32 alphaSum = U96F32.Zero, rootSum = U96F32.Zero;
        for (var uid = 0; uid < hotkeys.Length; uid++)
        {
            var d = uid < dividends.Length ? dividends[uid] : 0;
            if (d == 0 || hotkeys[uid] is not { } h) continue;
            var alpha = U96F32.FromUInt(SubtensorStorage.TotalHotkeyAlpha.Get(s, h, n));
            var root = U96F32.FromUInt(SubtensorStorage.TotalHotkeyAlpha.Get(s, h, NetUid.Root)).SaturatingMul(tw);
            var rootShare = root.CheckedDiv(alpha.SaturatingAdd(root)) ?? U96F32.Zero;
            var div = U96F32.FromUInt(d);
            rootParts[uid] = div.SaturatingMul(rootShare);
            alphaParts[uid] = div.SaturatingSub(rootParts[uid]);
            alphaSum = alphaSum.SaturatingAdd(alphaParts[uid]);
            rootSum = rootSum.SaturatingAdd(rootParts[uid]);
        }

        for (var uid = 0; uid < hotkeys.Length; uid++)
        {
            if (hotkeys[uid] is not { } h) continue;
            var owner = SubtensorStorage.Owner.Get(s, h);
            var take = SubtensorStorage.Delegates.Get(s, h);
            if (!alphaParts[uid].IsZero && !alphaSum.IsZero)
            {
                var amount = U96F32.FromUInt(validatorPool).SaturatingMul(alphaParts[uid]).SafeDiv(alphaSum);
                var (takeAmount, rest) = SplitTake(amount, take);
                StakeLedger.Increase(s, h, owner, n, takeAmount);
                if (!StakeLedger.IncreaseForAll(s, h, n, rest)) StakeLedger.Increase(s, h, owner, n, rest);
                SubtensorStorage.AlphaDividendsPerSubnet.Set(s, n, h, rest);
                paid += takeAmount + rest;
            }

            if (!rootParts[uid].IsZero && !rootSum.IsZero)
            {
                var amount = U96F32.FromUInt(pending.RootAlpha).SaturatingMul(rootParts[uid]).SafeDiv(rootSum);
                var (takeAmount, rest) = SplitTake(amount, take);
                StakeLedger.Increase(s, h, owner, n, takeAmount);
                paid += takeAmount + RootClaims.Accrue(s, h, owner, n, rest);
            }
        }

        // §4.7 owner cut.
        if (pending.OwnerCut > 0 && ownerHotkey is { } ohk)
        {
            StakeLedger.Increase(s, ohk, ownerColdkey, n, pending.OwnerCut);
            paid += pending.OwnerCut;
        }

        StakeLedger.AddUnowned(s, n, pending.Total - System.Math.Min(pending.Total, paid));
    }

    /// <summary>Delegate take of a dividend: ⌊amount·τ⌋ and ⌊amount − amount·τ⌋, both from the unfloored products (U96F32).</summary>
    public static (ulong Take, ulong Remainder) SplitTake(U96F32 amount, ushort take)
    {
        var takeAmount = amount.SaturatingMul(Perbill65535(take));
        return (takeAmount.SaturatingToU64(), amount.SaturatingSub(takeAmount).SaturatingToU64());
    }

    /// <summary>u16 proportion v/65535 as U96F32.</summary>
    public static U96F32 Perbill65535(ushort v) => U96F32.FromUInt(v).SafeDiv(U96F32.FromUInt(ushort.MaxValue));

    private static AccountId?[] Hotkeys(IStateReader s, NetUid n)
    {
        int count = SubtensorStorage.SubnetworkN.Get(s, n);
        var result = new AccountId?[count];
        for (var uid = 0; uid < count; uid++)
            if (SubtensorStorage.Keys.TryGet(s, n, (ushort)uid, out var h)) result[uid] = h;
        return result;
    }
}
