using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// Root dividends as reward-per-share claims (spec-dtao §4.8): <c>RootClaimable[h][i]</c> is α per unit of root stake,
/// <c>RootClaimed</c> a per-coldkey watermark. Root stake changes move the watermark so what is owed stays the same.
/// Decision: claims use the <c>Keep</c> type (α staked on the subnet); the Swap type is not implemented yet.
/// </summary>
public static class RootClaims
{
    /// <summary>Credits root dividends of hotkey h from subnet i; returns the alpha accounted for.</summary>
    public static ulong Accrue(IStateAccess s, AccountId hotkey, AccountId owner, NetUid netuid, ulong amount)
    {
        if (amount == 0) return 0;
        var rootStake = SubtensorStorage.TotalHotkeyAlpha.Get(s, hotkey, NetUid.Root);
        if (rootStake == 0 || amount > rootStake)
        {
            // Nobody to claim per share (or the test-only case of more dividend than root stake): stake to the owner.
            StakeLedger.Increase(s, hotkey, owner, netuid, amount);
            return amount;
        }

        var rate = I96F32.FromUInt(amount).SafeDiv(I96F32.FromUInt(rootStake));
        SubtensorStorage.RootClaimable.Mutate(s, hotkey, netuid, r => r.SaturatingAdd(rate));
        SubtensorStorage.RootAlphaUnclaimed.Mutate(s, netuid, v => v + amount);
        SubtensorStorage.RootAlphaDividendsPerSubnet.Set(s, netuid, hotkey, amount);
        return amount;
    }

    /// <summary>What (h, c) may claim from subnet i now: ⌊rate·rootStake − claimed⌋ (≥ 0).</summary>
    public static ulong Owed(IStateReader s, AccountId hotkey, AccountId coldkey, NetUid netuid)
    {
        var rate = SubtensorStorage.RootClaimable.Get(s, hotkey, netuid);
        var stake = StakeLedger.Stake(s, hotkey, coldkey, NetUid.Root);
        var total = rate.SaturatingMul(I96F32.FromUInt(stake)).SaturatingToU128();
        var claimed = SubtensorStorage.RootClaimed.Get(s, hotkey, (coldkey, netuid));
        var owed = total > claimed ? total - claimed : UInt128.Zero;
        return owed > ulong.MaxValue ? ulong.MaxValue : (ulong)owed;
    }

    /// <summary>Moves every watermark of (h, c) by rate·Δ after root stake of (h, c) changed by ±Δ.</summary>
    public static void AdjustWatermarks(IStateAccess s, AccountId hotkey, AccountId coldkey, ulong delta, bool added)
    {
        if (delta == 0) return;
        foreach (var (netuid, rate) in SubtensorStorage.RootClaimable.IteratePrefix(s, hotkey).ToList())
        {
            var step = rate.SaturatingMul(I96F32.FromUInt(delta)).SaturatingToU128();
            SubtensorStorage.RootClaimed.Mutate(s, hotkey, (coldkey, netuid), w =>
                added ? (w > UInt128.MaxValue - step ? UInt128.MaxValue : w + step) : (w > step ? w - step : UInt128.Zero));
        }
    }

    /// <summary><c>claim_root(subnets)</c> for one coldkey over all its staking hotkeys; below-threshold amounts are skipped.</summary>
    public static void Claim(IStateAccess s, AccountId coldkey, IReadOnlyCollection<NetUid> subnets, EventLog? events)
    {
        if (subnets.Count is 0 or > 5) throw new DispatchException(DispatchError.InvalidSubnetNumber);
        foreach (var hotkey in SubtensorStorage.StakingHotkeys.Get(s, coldkey))
        foreach (var netuid in subnets)
        {
            var owed = Owed(s, hotkey, coldkey, netuid);
            if (owed == 0 || owed < SubtensorStorage.RootClaimableThreshold.Get(s, netuid)) continue;
            var pot = SubtensorStorage.RootAlphaUnclaimed.Get(s, netuid);
            owed = System.Math.Min(owed, pot);
            StakeLedger.Increase(s, hotkey, coldkey, netuid, owed);
            SubtensorStorage.RootAlphaUnclaimed.Set(s, netuid, pot - owed);
            SubtensorStorage.RootClaimed.Mutate(s, hotkey, (coldkey, netuid), w => w + owed);
        }

        events?.Deposit(SubtensorEvents.Pallet, "RootClaimed", ("coldkey", coldkey.ToHex()));
    }
}
