using TaoSharp.Math;
using TaoSharp.Math.Epoch;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Amm;
using TaoSharp.Runtime.Epoch;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Staking;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Coinbase;

/// <summary>
/// <c>distribute_emission</c> (spec-dtao §4.2–§4.7), in the reference's order: Yuma on S+V+R (stake inherited through
/// child keys); each validator's dividend redistributed to its parents and itself (§4.4, childkey take, CK burn);
/// the per-hotkey dividends split into alpha and root parts by each hotkey's own stakes (§4.5); then the owner cut is
/// staked to the owner hotkey (§4.7), miners' incentive staked (owner hotkeys' withheld: burned or recycled per
/// <c>RecycleOrBurn</c>), alpha dividends paid as delegate take + pool-wide increase, root parts into
/// <c>RootClaimable</c> (§4.6). Whatever finds no recipient stays minted but unowned (<c>AlphaBurned</c>).
/// Hotkeys are processed in byte order of their account ids (the reference's BTreeMap order).
/// A miner's incentive goes to its coldkey's auto-stake destination when one is set (<see cref="AutoStake"/>).
/// Not applied: lease dividends, owner-cut locks.
/// </summary>
public sealed class EmissionDistribution(EconomicsProfile profile)
{
    // Reused across epochs so a block's epochs do not allocate their matrices again (bit-exact either way). Taken out
    // while an epoch runs, so a second epoch running at the same time on another block simply gets a fresh one.
    private EpochWorkspace? _workspace;

    public EconomicsProfile Profile { get; } = profile;

    public void Distribute(IStateAccess s, NetUid n, ulong block, PendingEmission pending, EventLog? events)
    {
        ulong paid = 0, recycled = 0, ckBurned = 0;
        var yumaEmission = pending.Server + pending.Validator + pending.RootAlpha;
        var hotkeys = Hotkeys(s, n);
        var ownerColdkey = SubtensorStorage.SubnetOwner.Get(s, n);
        var ownerHotkey = SubtensorStorage.SubnetOwnerHotkey.TryGet(s, n, out var oh) ? oh : (AccountId?)null;
        ulong[] incentives = [];
        ulong[] dividends = [];
        if (hotkeys.Length > 0)
        {
            var workspace = Interlocked.Exchange(ref _workspace, null) ?? new EpochWorkspace();
            try
            {
                var output = new EpochRunner(StakeView.OnSubnet(n), workspace).Run(s, n, block, yumaEmission);
                incentives = output.ServerEmission;
                dividends = output.ValidatorEmission;
            }
            finally
            {
                Volatile.Write(ref _workspace, workspace);
            }
        }

        // §4.4: incentives per hotkey; dividends through parents and childkey takes.
        var incentiveOf = new SortedDictionary<AccountId, ulong>(AccountOrder.Instance);
        var dividendOf = new SortedDictionary<AccountId, U96F32>(AccountOrder.Instance);
        for (var uid = 0; uid < hotkeys.Length; uid++)
        {
            if (hotkeys[uid] is not { } h) continue;
            incentiveOf[h] = incentiveOf.GetValueOrDefault(h) + (uid < incentives.Length ? incentives[uid] : 0);
            var d = uid < dividends.Length ? dividends[uid] : 0;
            foreach (var (k, amount) in ParentChildDividends.Distribute(s, h, n, d, ref ckBurned))
                dividendOf[k] = dividendOf.GetValueOrDefault(k).SaturatingAdd(U96F32.FromUInt(amount));
        }

        // §4.5: alpha/root split by own stakes; totals over every hotkey that received a dividend.
        var validatorPool = incentiveOf.Values.Any(v => v > 0) ? pending.Validator : pending.Validator + pending.Server;
        var split = DividendSplit.Compute(s, n, dividendOf, validatorPool, pending.RootAlpha);

        // §4.7 owner cut first: later pool-wide dividends on the owner hotkey include this position.
        if (ownerHotkey is { } ohk && SubtensorStorage.SubnetOwner.Contains(s, n))
        {
            StakeLedger.Increase(s, ohk, ownerColdkey, n, pending.OwnerCut);
            paid += pending.OwnerCut;
        }

        // §4.3 miners.
        ulong incentiveSum = 0, withheld = 0;
        var recycleWithheld = SubtensorStorage.RecycleOrBurn.Get(s, n) == RecycleOrBurn.Recycle;
        foreach (var (h, inc) in incentiveOf)
        {
            incentiveSum += inc;
            var owner = SubtensorStorage.Owner.Get(s, h);
            if (h == ownerHotkey || owner == ownerColdkey)
            {
                withheld += inc;
                if (recycleWithheld && inc > 0)
                {
                    SubtensorStorage.SubnetAlphaOut.Mutate(s, n, v => v - System.Math.Min(v, inc));
                    recycled += inc;
                }

                continue; // Burn: stays in SubnetAlphaOut, unowned
            }

            // The owner coldkey's auto-stake destination (if set) receives the stake instead of the miner's hotkey.
            var destination = h;
            if (AutoStake.Destination(s, owner, n) is { } dest)
            {
                destination = dest;
                events?.Deposit(SubtensorEvents.Pallet, "AutoStakeAdded", ("netuid", n.Value.ToString()), ("destination", dest.ToHex()),
                    ("hotkey", h.ToHex()), ("owner", owner.ToHex()), ("incentive", inc.ToString()));
            }

            StakeLedger.Increase(s, destination, owner, n, inc);
            paid += inc;
        }

        SubtensorStorage.MinerBurned.Set(s, n, incentiveSum == 0 ? U96F32.Zero : U96F32.FromUInt(withheld).SafeDiv(U96F32.FromUInt(incentiveSum)));

        // §4.6 alpha dividends: take to the owner, the rest to every staker of the hotkey.
        SubtensorStorage.AlphaDividendsPerSubnet.RemovePrefix(s, n);
        foreach (var (h, amount) in split.Alpha)
        {
            var owner = SubtensorStorage.Owner.Get(s, h);
            var (takeAmount, rest) = SplitTake(amount, SubtensorStorage.Delegates.Get(s, h));
            StakeLedger.Increase(s, h, owner, n, takeAmount);
            if (!StakeLedger.IncreaseForAll(s, h, n, rest)) StakeLedger.Increase(s, h, owner, n, rest);
            if (rest > 0) SubtensorStorage.AlphaDividendsPerSubnet.Set(s, n, h, rest);
            paid += takeAmount + rest;
        }

        // Root alpha dividends: take staked on the subnet, the rest claimable per unit of root stake.
        SubtensorStorage.RootAlphaDividendsPerSubnet.RemovePrefix(s, n);
        foreach (var (h, amount) in split.Root)
        {
            var owner = SubtensorStorage.Owner.Get(s, h);
            var (takeAmount, rest) = SplitTake(amount, SubtensorStorage.Delegates.Get(s, h));
            StakeLedger.Increase(s, h, owner, n, takeAmount);
            paid += takeAmount + RootClaims.Accrue(s, h, owner, n, rest);
        }

        var total = pending.Total;
        // CK burn (default 0) is recycled on top of the pending total, as the reference does; it is not part of `total`.
        var accounted = paid + recycled;
        StakeLedger.AddUnowned(s, n, total - System.Math.Min(total, accounted));
    }

    /// <summary>Delegate take of a dividend: ⌊amount·τ⌋ and ⌊amount − amount·τ⌋, both from the unfloored products (U96F32).</summary>
    public static (ulong Take, ulong Remainder) SplitTake(U96F32 amount, ushort take)
    {
        var takeAmount = amount.SaturatingMul(Perbill65535(take));
        return (takeAmount.SaturatingToU64(), amount.SaturatingSub(takeAmount).SaturatingToU64());
    }

    /// <summary>u16 proportion v/65535 as U96F32.</summary>
    public static U96F32 Perbill65535(ushort v) => U96F32.FromUInt(v).SafeDiv(U96F32.FromUInt(ushort.MaxValue));

    /// <summary>Byte-wise account order (the reference's BTreeMap order over AccountId32).</summary>
    public sealed class AccountOrder : IComparer<AccountId>
    {
        public static readonly AccountOrder Instance = new();

        public int Compare(AccountId x, AccountId y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
    }

    private static AccountId?[] Hotkeys(IStateReader s, NetUid n)
    {
        int count = SubtensorStorage.SubnetworkN.Get(s, n);
        var result = new AccountId?[count];
        for (var uid = 0; uid < count; uid++)
            if (SubtensorStorage.Keys.TryGet(s, n, (ushort)uid, out var h)) result[uid] = h;
        return result;
    }
}
