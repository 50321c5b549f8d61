using System.Buffers.Binary;
using TaoSharp.Math;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Staking;

/// <summary>
/// Root dividends as reward-per-share claims (spec-dtao §4.8): <c>RootClaimable[h][i]</c> is α per unit of root stake,
/// <c>RootClaimed</c> a per-coldkey watermark. Root stake changes move the watermark so what is owed stays the same.
/// Claims follow the coldkey's <c>RootClaimType</c> (Swap by default, Keep, KeepSubnets). Every block the chain also
/// claims for up to <c>NumRootClaim</c> coldkeys of the staking-coldkey index, drawn from the parent block's hash
/// (<see cref="RunAutoClaims"/>).
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

    /// <summary>Most subnets one claim_root may name.</summary>
    public const int MaxSubnetClaims = 5;

    /// <summary>Upper bound of <c>RootClaimableThreshold</c> (α units).</summary>
    public const ulong MaxRootClaimThreshold = 10_000_000;

    /// <summary>Upper bound of <c>NumRootClaim</c>.</summary>
    public const ulong MaxNumRootClaims = 50;

    /// <summary><c>claim_root(subnets)</c> under the economics profile of the current chain.</summary>
    public static void Claim(IStateAccess s, AccountId coldkey, IReadOnlyCollection<NetUid> subnets, EventLog? events) =>
        Claim(s, new SubnetPools(Amm.EconomicsProfile.Current), coldkey, subnets, events);

    /// <summary>
    /// <c>claim_root(subnets)</c> for one coldkey over all its staking hotkeys, by the coldkey's <c>RootClaimType</c>;
    /// amounts below the subnet's threshold are skipped (also for manual claims). Atomic: a failed Swap fails the call.
    /// The coldkey joins the auto-claim index (after the subnet count is checked, as the reference does).
    /// </summary>
    public static void Claim(IStateAccess s, SubnetPools pools, AccountId coldkey, IReadOnlyCollection<NetUid> subnets, EventLog? events)
    {
        if (subnets.Count is 0 or > MaxSubnetClaims) throw new DispatchException(DispatchError.InvalidSubnetNumber);
        StakingColdkeyIndex.MaybeAdd(s, coldkey);
        ClaimAll(s, pools, coldkey, subnets, events);
    }

    /// <summary>
    /// <c>do_root_claim</c>: for each staking hotkey of the coldkey (in list order), each subnet the hotkey has a claimable
    /// rate on (ascending netuid, the reference's BTreeMap order), optionally only those in <paramref name="only"/>.
    /// </summary>
    private static void ClaimAll(IStateAccess s, SubnetPools pools, AccountId coldkey, IReadOnlyCollection<NetUid>? only, EventLog? events)
    {
        var type = SubtensorStorage.RootClaimType.Get(s, coldkey);
        foreach (var hotkey in SubtensorStorage.StakingHotkeys.Get(s, coldkey))
        {
            // Read once per hotkey before claiming, as the reference does (a Swap claim does not change the rates).
            var netuids = SubtensorStorage.RootClaimable.IteratePrefix(s, hotkey).Select(e => e.Key2).OrderBy(n => n.Value).ToList();
            foreach (var netuid in netuids)
                if (only is null || only.Contains(netuid))
                    ClaimOne(s, pools, hotkey, coldkey, netuid, type);
        }

        events?.Deposit(SubtensorEvents.Pallet, "RootClaimed", ("coldkey", coldkey.ToHex()));
    }

    /// <summary>
    /// <c>block_hash_to_indices</c> (spec-dtao §4.8): start = the hash's first 8 bytes (big-endian u64); for i in 0..k the
    /// step is the big-endian u64 at byte (8·i mod 32), idx = (last +sat step) mod n (0 when n = 0), last = idx. Returns
    /// the distinct indices ascending.
    /// </summary>
    public static IReadOnlyList<ulong> BlockHashToIndices(Hash256 hash, ulong k, ulong n)
    {
        var bytes = hash.AsSpan();
        var indices = new SortedSet<ulong>();
        var last = BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]);
        for (ulong i = 0; i < k; i++)
        {
            var offset = (int)(i * 8 % 32);
            var step = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(offset, 8));
            var sum = last > ulong.MaxValue - step ? ulong.MaxValue : last + step;
            var idx = n == 0 ? 0 : sum % n;
            indices.Add(idx);
            last = idx;
        }
        return [.. indices];
    }

    /// <summary>
    /// <c>run_auto_claim_root_divs</c>, the last money step of the block (after the coinbase, epochs, EMA prices and
    /// pending children): claims on every subnet for the coldkeys at <see cref="BlockHashToIndices"/>(parent hash,
    /// <c>NumRootClaim</c>, <c>NumStakingColdkeys</c>). Each coldkey's claim is all-or-nothing; a failing one is rolled
    /// back and skipped (the reference logs it), never failing the block. Returns how many coldkeys were claimed for.
    /// </summary>
    public static int RunAutoClaims(StateOverlay s, SubnetPools pools, Hash256 parentHash, EventLog? events)
    {
        var n = SubtensorStorage.NumStakingColdkeys.Get(s);
        var k = SubtensorStorage.NumRootClaim.Get(s);
        var claimed = 0;
        foreach (var idx in BlockHashToIndices(parentHash, k, n))
        {
            if (!SubtensorStorage.StakingColdkeysByIndex.TryGet(s, idx, out var coldkey)) continue;
            var checkpoint = events?.Checkpoint() ?? 0;
            s.BeginTransaction();
            try
            {
                ClaimAll(s, pools, coldkey, only: null, events);
                s.CommitTransaction();
                claimed++;
            }
            catch (DispatchException)
            {
                s.RollbackTransaction();
                events?.RollbackTo(checkpoint);
            }
        }
        return claimed;
    }

    private static void ClaimOne(IStateAccess s, SubnetPools pools, AccountId hotkey, AccountId coldkey, NetUid netuid, RootClaimType type)
    {
        var owed = Owed(s, hotkey, coldkey, netuid);
        if (owed == 0 || owed < SubtensorStorage.RootClaimableThreshold.Get(s, netuid)) return;
        var pot = SubtensorStorage.RootAlphaUnclaimed.Get(s, netuid);
        var amount = System.Math.Min(owed, pot);
        SubtensorStorage.RootAlphaUnclaimed.Set(s, netuid, pot - amount);
        if (type.Swaps(netuid)) SwapToRoot(s, pools, hotkey, coldkey, netuid, amount);
        else StakeLedger.Increase(s, hotkey, coldkey, netuid, amount);
        // The watermark moves by what was owed, as the reference does (not by what the pot could cover).
        SubtensorStorage.RootClaimed.Mutate(s, hotkey, (coldkey, netuid), w => w > UInt128.MaxValue - owed ? UInt128.MaxValue : w + owed);
    }

    /// <summary>
    /// The Swap claim type: sell the α fee-free at the minimum price into subnet i's pool, move the TAO to root and stake
    /// it there for (h, c); the new root stake moves the watermarks so nothing becomes owed twice.
    /// </summary>
    private static void SwapToRoot(IStateAccess s, SubnetPools pools, AccountId hotkey, AccountId coldkey, NetUid netuid, ulong alpha)
    {
        var model = pools.ModelFor(s, netuid);
        var pool = SubnetPools.Read(s, netuid);
        var result = model.Swap(pool, Amm.SwapDirection.Sell, alpha, Amm.SwapConfig.LimitPrice(Amm.SwapConfig.MinPriceRao), dropFees: true, simulate: false).Unwrap();
        var after = model.Apply(pool, Amm.SwapDirection.Sell, result);
        var intoPool = result.AmountPaidIn;
        var tao = result.AmountPaidOut;
        SubtensorStorage.SubnetTAO.Set(s, netuid, after.TaoReserve.Rao);
        if (!netuid.IsRoot) SubtensorStorage.SubnetAlphaIn.Set(s, netuid, after.AlphaReserve.Raw);
        SubtensorStorage.SubnetAlphaOut.Mutate(s, netuid, v => v - System.Math.Min(v, intoPool));
        // Alpha a limited fill left unsold stays minted without an owner.
        StakeLedger.AddUnowned(s, netuid, alpha - System.Math.Min(alpha, intoPool));
        SubtensorStorage.SubnetVolume.Mutate(s, netuid, v => v + tao);
        SubtensorStorage.SubnetRootSellTao.Mutate(s, netuid, v => v + tao);
        Coinbase.TaoFlowShares.Record(s, SubtensorStorage.SubnetProtocolFlow, netuid, tao, inflow: false);
        if (tao == 0) return;
        StakeLedger.Increase(s, hotkey, coldkey, NetUid.Root, tao);
        SubtensorStorage.SubnetTAO.Mutate(s, NetUid.Root, v => v + tao);
        SubtensorStorage.SubnetAlphaOut.Mutate(s, NetUid.Root, v => v + tao);
        AdjustWatermarks(s, hotkey, coldkey, tao, added: true);
    }

    /// <summary><c>set_root_claim_type</c> (call 122): KeepSubnets needs at least one subnet.</summary>
    public static void SetClaimType(IStateAccess s, AccountId coldkey, RootClaimType type, EventLog? events)
    {
        if (type.Kind == RootClaimKind.KeepSubnets && type.Subnets.Length == 0) throw new DispatchException(DispatchError.InvalidSubnetNumber);
        StakingColdkeyIndex.MaybeAdd(s, coldkey);
        SubtensorStorage.RootClaimType.Set(s, coldkey, type);
        events?.Deposit(SubtensorEvents.Pallet, "RootClaimTypeSet", ("coldkey", coldkey.ToHex()), ("root_claim_type", type.ToString()));
    }

    /// <summary><c>sudo_set_root_claim_threshold</c> (call 124): subnet owner or root, at most 10 000 000.</summary>
    public static void SetThreshold(IStateAccess s, NetUid netuid, ulong value)
    {
        if (value > MaxRootClaimThreshold) throw new DispatchException(DispatchError.InvalidRootClaimThreshold);
        SubtensorStorage.RootClaimableThreshold.Set(s, netuid, value);
    }

    /// <summary><c>sudo_set_num_root_claims</c> (call 123): root only, at most 50 (0 disables auto-claims).</summary>
    public static void SetNumRootClaims(IStateAccess s, ulong value)
    {
        if (value > MaxNumRootClaims) throw new DispatchException(DispatchError.InvalidNumRootClaim);
        SubtensorStorage.NumRootClaim.Set(s, value);
    }
}
