using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Storage;
using TaoSharp.Runtime.Subnets;
using static TaoSharp.Chain.Tests.SubtensorCalls;

namespace TaoSharp.Chain.Tests;

/// <summary>
/// The SubtensorModule and AdminUtils calls through the executor (signed extrinsics, real hooks): each call's success
/// and its error paths, which must change nothing but the fee (Pays::Yes) and the nonce.
/// </summary>
public class SubtensorCallTests
{
    private const ushort Net = 1;

    /// <summary>
    /// Subnet 1 owned by coldkey 1 (owner hotkey = hotkey 0, UID 0), started, admin freeze window 0, weights rate limit 0,
    /// commit-reveal off; hotkeys 1..<paramref name="miners"/> registered by coldkeys 2.. (UIDs 1..).
    /// </summary>
    internal static RuntimeChain WithSubnet(int miners = 2, bool commitReveal = false)
    {
        var c = new RuntimeChain();
        c.RunOk(c.Coldkeys[1], RegisterNetwork(c.Hot(0)));
        Assert.True(SubtensorStorage.NetworksAdded.Get(c.State, new NetUid(Net)));
        c.RunOk(c.Coldkeys[1], StartCall(Net));
        c.Sudo(AdminGlobalU16(74, 0));
        c.Sudo(AdminU64(7, Net, 0));
        c.Sudo(AdminBool(49, Net, commitReveal));
        for (var k = 1; k <= miners; k++) c.RunOk(c.Coldkeys[1 + k], BurnedRegister(Net, c.Hot(k)));
        return c;
    }

    // ---- registration ----

    [Fact]
    public void Burned_register_pays_the_burn_appends_a_uid_and_bumps_the_price()
    {
        using var c = WithSubnet(miners: 0);
        var n = new NetUid(Net);
        var free = TaoBalances.Free(c.State, c.Cold(2)).Rao;
        // The price the registration pays: this block's on_initialize decays it first.
        var burn = (ulong)(((UInt128)SubtensorStorage.Burn.Get(c.State, n)
            * RegistrationPrice.DecayFactorQ32(SubtensorStorage.BurnHalfLife.Get(c.State, n))) >> 32);
        var r = c.RunOk(c.Coldkeys[2], BurnedRegister(Net, c.Hot(1)));

        Assert.Equal((ushort)1, SubtensorStorage.Uids.Get(c.State, n, c.Hot(1)));
        Assert.Equal((ushort)2, SubtensorStorage.SubnetworkN.Get(c.State, n));
        Assert.Equal(c.Cold(2), SubtensorStorage.Owner.Get(c.State, c.Hot(1)));
        Assert.Equal(free - burn - r.Fee, TaoBalances.Free(c.State, c.Cold(2)).Rao);
        Assert.True(SubtensorStorage.Burn.Get(c.State, n) > burn * 5 / 4, "the price is bumped ×1.26");
        Assert.Contains(r.Events, e => e.Name == "NeuronRegistered" && e["uid"] == "1");
        Assert.Empty(DtaoInvariants(c));
    }

    [Fact]
    public void Pow_register_ignores_the_work_and_registers_like_burned_register()
    {
        using var c = WithSubnet(miners: 0);
        c.RunOk(c.Coldkeys[2], PowRegister(Net, c.Hot(1), c.Cold(2)));
        Assert.Equal((ushort)1, SubtensorStorage.Uids.Get(c.State, new NetUid(Net), c.Hot(1)));
    }

    [Fact]
    public void Registration_errors_change_nothing_but_the_fee()
    {
        using var c = WithSubnet(miners: 1);
        c.AssertFailsUnchanged(c.Coldkeys[3], BurnedRegister(Net, c.Hot(1)), "HotKeyAlreadyRegisteredInSubNet", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[3], BurnedRegister(9, c.Hot(2)), "SubnetNotExists", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[3], BurnedRegister(0, c.Hot(2)), "RegistrationNotPermittedOnRootSubnet", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[3], RegisterLimit(Net, c.Hot(2), 1), "RegistrationPriceLimitExceeded", paysFee: true);
        // Hotkey 1 belongs to coldkey 2: another coldkey cannot register it elsewhere.
        c.AssertFailsUnchanged(c.Coldkeys[3], BurnedRegister(Net, c.Hot(0)), "HotKeyAlreadyRegisteredInSubNet", paysFee: true);
        c.Sudo(AdminBool(19, Net, false));
        c.AssertFailsUnchanged(c.Coldkeys[3], BurnedRegister(Net, c.Hot(2)), "SubNetRegistrationDisabled", paysFee: true);
    }

    [Fact]
    public void Registration_refuses_a_coldkey_that_cannot_pay_the_burn()
    {
        using var c = WithSubnet(miners: 0);
        // Coldkey 5 keeps only ~0.01 TAO: enough for fees, not for the 1 TAO burn.
        var keep = 10_000_000UL;
        c.RunOk(c.Coldkeys[5], Extrinsics.CallBuilder.TransferAllowDeath(c.Cold(4), TaoBalances.Free(c.State, c.Cold(5)).Rao - keep - 1_000_000));
        c.AssertFailsUnchanged(c.Coldkeys[5], BurnedRegister(Net, c.Hot(3)), "NotEnoughBalanceToPayBurn", paysFee: true);
    }

    [Fact]
    public void Register_network_is_rate_limited_until_root_lifts_the_limit()
    {
        using var c = WithSubnet(miners: 0);
        c.AssertFailsUnchanged(c.Coldkeys[2], RegisterNetwork(c.Hot(5)), "NetworkTxRateLimitExceeded", paysFee: true);
        c.Sudo(AdminGlobalU64(29, 0));
        c.RunOk(c.Coldkeys[2], RegisterNetwork(c.Hot(5)));
        Assert.True(SubtensorStorage.NetworksAdded.Get(c.State, new NetUid(2)));
        Assert.Empty(DtaoInvariants(c));
    }

    [Fact]
    public void Lock_cost_falls_back_to_the_minimum_once_root_shortens_the_reduction_interval()
    {
        using var c = WithSubnet(miners: 0);
        c.Sudo(AdminGlobalU64(29, 0));
        var doubled = NetworkRegistration.CurrentLockCost(c.State, c.Head + 1);
        c.Sudo(AdminGlobalU64(38, 1));
        Assert.Equal(1UL, SubtensorStorage.NetworkLockReductionInterval.Get(c.State));
        c.Author();
        var cost = NetworkRegistration.CurrentLockCost(c.State, c.Head + 1);
        Assert.True(cost < doubled, $"lock cost {cost} should have decayed below {doubled}");
        Assert.Equal(SubtensorStorage.NetworkMinLockCost.Get(c.State), cost);
        c.AssertFailsUnchanged(c.Coldkeys[2], AdminGlobalU64(38, 5), "BadOrigin", paysFee: true);
    }

    // ---- weights ----

    [Fact]
    public void Set_weights_by_the_owner_hotkey_stores_the_row_free_of_charge()
    {
        using var c = WithSubnet();
        var r = c.RunOk(c.Hotkeys[0], SetWeights(Net, [1, 2], [10, 30]));
        Assert.Equal(0UL, r.Fee);
        var row = SubtensorStorage.Weights.Get(c.State, Net, 0);
        Assert.Equal([(1, 21_845), (2, ushort.MaxValue)], row.Select(e => ((int)e.Uid, (int)e.Value)));
        Assert.Contains(r.Events, e => e.Name == "WeightsSet" && e["uid"] == "0");
    }

    [Fact]
    public void Set_weights_errors_change_nothing()
    {
        using var c = WithSubnet();
        c.AssertFailsUnchanged(c.Hotkeys[7], SetWeights(Net, [1], [1]), "HotKeyNotRegisteredInSubNet", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[0], SetWeights(Net, [1, 2], [1]), "WeightVecNotEqualSize", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[0], SetWeights(Net, [1, 1], [1, 2]), "DuplicateUids", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[0], SetWeights(Net, [1, 7], [1, 2]), "UidVecContainInvalidOne", paysFee: false);
        // The root subnet keeps commit-reveal on (its default), which set_weights checks first.
        c.AssertFailsUnchanged(c.Hotkeys[0], SetWeights(0, [1], [1]), "CommitRevealEnabled", paysFee: false);
        // A miner without a validator permit may only weight itself.
        c.AssertFailsUnchanged(c.Hotkeys[1], SetWeights(Net, [0, 2], [1, 1]), "NeuronNoValidatorPermit", paysFee: false);
        c.Sudo(AdminU64(7, Net, 5));
        c.AuthorEmpty(5);
        c.RunOk(c.Hotkeys[0], SetWeights(Net, [1], [1]));
        c.AssertFailsUnchanged(c.Hotkeys[0], SetWeights(Net, [1], [1]), "SettingWeightsTooFast", paysFee: false);
        c.Sudo(AdminBool(49, Net, true));
        c.AssertFailsUnchanged(c.Hotkeys[0], SetWeights(Net, [1], [1]), "CommitRevealEnabled", paysFee: false);
    }

    [Fact]
    public void Batch_set_weights_reports_failed_items_and_keeps_the_good_ones()
    {
        using var c = WithSubnet();
        var r = c.RunOk(c.Hotkeys[0], BatchSetWeights([Net, 5], [[(1, 5), (2, 5)], [(1, 1)]], [0, 0]));
        Assert.Equal(2, SubtensorStorage.Weights.Get(c.State, Net, 0).Length);
        Assert.Contains(r.Events, e => e.Name == "BatchCompletedWithErrors");
        Assert.Contains(r.Events, e => e.Name == "BatchWeightItemFailed" && e["netuid"] == "5" && e["error"] == "CommitRevealEnabled");
        c.AssertFailsUnchanged(c.Hotkeys[0], BatchSetWeights([Net], [[(1, 5)]], [0, 0]), "InputLengthsUnequal", paysFee: false);
    }

    [Fact]
    public void Commit_then_reveal_in_the_next_epoch_sets_the_weights()
    {
        using var c = WithSubnet(commitReveal: true);
        var n = new NetUid(Net);
        c.Sudo(AdminU16(30, Net, 5)); // tempo 5 (root, window 0)
        ushort[] uids = [1, 2], values = [3, 4], salt = [9, 9];
        var hash = WeightsCalls.CommitHash(c.Hot(0), Net, uids, values, salt, 0);
        c.RunOk(c.Hotkeys[0], CommitWeights(Net, hash));
        Assert.Single(SubtensorStorage.WeightCommits.Get(c.State, Net, c.Hot(0)));
        c.AssertFailsUnchanged(c.Hotkeys[0], RevealWeights(Net, uids, values, salt, 0), "RevealTooEarly", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[0], RevealWeights(Net, uids, values, [1], 0), "InvalidRevealCommitHashNotMatch", paysFee: false);

        var epoch = SubtensorStorage.SubnetEpochIndex.Get(c.State, n);
        while (SubtensorStorage.SubnetEpochIndex.Get(c.State, n) == epoch) c.Author();
        var r = c.RunOk(c.Hotkeys[0], RevealWeights(Net, uids, values, salt, 0));
        Assert.Contains(r.Events, e => e.Name == "WeightsRevealed");
        Assert.Equal(2, SubtensorStorage.WeightCommits.Get(c.State, Net, c.Hot(0)).Length + 2);
        Assert.Equal([(1, 49_151), (2, ushort.MaxValue)], SubtensorStorage.Weights.Get(c.State, Net, 0).Select(e => ((int)e.Uid, (int)e.Value)));
        c.AssertFailsUnchanged(c.Hotkeys[1], RevealWeights(Net, uids, values, salt, 0), "NoWeightsCommitFound", paysFee: false);
    }

    // ---- serving ----

    [Fact]
    public void Serve_axon_stores_the_endpoint_and_enforces_the_serving_rules()
    {
        using var c = WithSubnet();
        var ip = (UInt128)0x0102_0304;
        var r = c.RunOk(c.Hotkeys[1], ServeAxon(Net, ip, 8091, version: 10_002_000));
        Assert.Equal(0UL, r.Fee);
        var served = SubtensorStorage.Axons.Get(c.State, new NetUid(Net), c.Hot(1));
        Assert.Equal(new AxonInfo(c.Head, 10_002_000, ip, 8091, 4, 4, 0, 0), served);
        Assert.Contains(r.Events, e => e.Name == "AxonServed");

        c.AssertFailsUnchanged(c.Hotkeys[1], ServeAxon(Net, ip, 8092), "ServingRateLimitExceeded", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServeAxon(Net, ip, 8091, ipType: 5), "InvalidIpType", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServeAxon(Net, 0x7f00_0001, 8091), "InvalidIpAddress", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServeAxon(Net, 1, 8091, ipType: 6), "InvalidIpAddress", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServeAxon(Net, (UInt128)uint.MaxValue, 8091), "InvalidIpAddress", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[2], ServeAxon(Net, ip, 0), "InvalidPort", paysFee: false);
        c.AssertFailsUnchanged(c.Hotkeys[7], ServeAxon(Net, ip, 8091), "HotKeyNotRegisteredInNetwork", paysFee: false);

        // Zero ip is allowed (testing); TLS stores the certificate; rate limit 0 disables the limit.
        c.RunOk(c.Hotkeys[2], ServeAxon(Net, 0, 1, certificate: [1, .. new byte[32]]));
        Assert.Equal(33, SubtensorStorage.NeuronCertificates.Get(c.State, new NetUid(Net), c.Hot(2)).Length);
        c.Sudo(AdminU64(3, Net, 0));
        c.RunOk(c.Hotkeys[1], ServeAxon(Net, ip, 9000));
        Assert.Equal((ushort)9000, SubtensorStorage.Axons.Get(c.State, new NetUid(Net), c.Hot(1)).Port);
    }

    // ---- admin ----

    [Fact]
    public void Owner_hyperparameters_are_rate_limited_and_root_only_ones_refuse_the_owner()
    {
        using var c = WithSubnet(miners: 0);
        var n = new NetUid(Net);
        c.RunOk(c.Coldkeys[1], AdminU64(3, Net, 7));
        Assert.Equal(7UL, SubtensorStorage.ServingRateLimit.Get(c.State, n));
        c.AssertFailsUnchanged(c.Coldkeys[1], AdminU64(3, Net, 8), "TxRateLimitExceeded", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], AdminU64(3, Net, 8), "BadOrigin", paysFee: true);
        // The sudo key signing directly is not Root.
        c.AssertFailsUnchanged(c.Coldkeys[0], AdminU64(3, Net, 8), "BadOrigin", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], AdminU16(16, Net, 1), "BadOrigin", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], AdminU64(26, Net, 975_001), "BondsMovingAverageMaxReached", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[1], AdminU16(15, Net, 257), "MaxAllowedUidsGreaterThanDefaultMaxAllowedUids", paysFee: true);

        c.AssertFailsUnchanged(c.Coldkeys[1], AdminU128(90, Net, (UInt128)1 << 63), "InvalidValue", paysFee: true);
        c.RunOk(c.Coldkeys[1], AdminU128(90, Net, (UInt128)2 << 64));
        Assert.Equal((UInt128)2 << 64, SubtensorStorage.BurnIncreaseMult.Get(c.State, n));

        c.Sudo(AdminU16(16, Net, 1));
        Assert.Equal((ushort)1, SubtensorStorage.Kappa.Get(c.State, n));
        c.Sudo(AdminU64(26, Net, 990_000));
        Assert.Equal(990_000UL, SubtensorStorage.BondsMovingAverage.Get(c.State, n));
        c.Sudo(AdminU16(16, 9, 1), "Err(SubnetDoesNotExist)");
    }

    [Fact]
    public void The_admin_freeze_window_blocks_setters_before_an_epoch()
    {
        using var c = WithSubnet(miners: 0);
        c.Sudo(AdminGlobalU16(74, 50_000)); // every block is within 50 000 blocks of the next epoch
        c.AssertFailsUnchanged(c.Coldkeys[1], AdminU16(17, Net, 5), "AdminActionProhibitedDuringWeightsWindow", paysFee: true);
        c.Sudo(AdminU16(30, Net, 400), "Err(AdminActionProhibitedDuringWeightsWindow)");
        c.Sudo(AdminGlobalU16(74, 0));
        c.RunOk(c.Coldkeys[1], AdminU16(17, Net, 5));
        Assert.Equal((ushort)5, SubtensorStorage.Rho.Get(c.State, new NetUid(Net)));
    }

    [Fact]
    public void Owner_set_tempo_checks_bounds_and_restarts_the_epoch_cycle()
    {
        using var c = WithSubnet(miners: 0);
        var n = new NetUid(Net);
        c.AssertFailsUnchanged(c.Coldkeys[1], SetTempo(Net, 100), "TempoOutOfBounds", paysFee: true);
        c.AssertFailsUnchanged(c.Coldkeys[2], SetTempo(Net, 400), "BadOrigin", paysFee: true);
        c.RunOk(c.Coldkeys[1], SetTempo(Net, 400));
        Assert.Equal((ushort)400, SubtensorStorage.Tempo.Get(c.State, n));
        Assert.Equal(c.Head, SubtensorStorage.LastEpochBlock.Get(c.State, n));
        c.AssertFailsUnchanged(c.Coldkeys[1], SetTempo(Net, 500), "TxRateLimitExceeded", paysFee: true);
    }

    private static IReadOnlyList<string> DtaoInvariants(RuntimeChain c) => Runtime.Staking.DtaoInvariants.Check(c.State);
}

public class AxonInfoCodecTests
{
    [Fact]
    public void AxonInfo_encodes_fields_in_the_reference_order_little_endian()
    {
        var a = new AxonInfo(Block: 0x0102030405060708, Version: 0x0A0B0C0D, Ip: 0x11, Port: 0x2233, IpType: 4, Protocol: 4, Placeholder1: 1, Placeholder2: 2);
        var bytes = TaoSharp.Primitives.Scale.Scale.Encode(AxonInfo.Codec, a);
        Assert.Equal(8 + 4 + 16 + 2 + 4, bytes.Length);
        Assert.Equal("0807060504030201", Convert.ToHexString(bytes[..8]));
        Assert.Equal("0D0C0B0A", Convert.ToHexString(bytes[8..12]));
        Assert.Equal("11" + new string('0', 30), Convert.ToHexString(bytes[12..28]));
        Assert.Equal("3322" + "04040102", Convert.ToHexString(bytes[28..]));
        Assert.Equal(a, TaoSharp.Primitives.Scale.Scale.Decode(AxonInfo.Codec, bytes));
    }
}
