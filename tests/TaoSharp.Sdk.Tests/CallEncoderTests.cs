using System.Reflection;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Subnets;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Sdk.Tests;

/// <summary>
/// Every call encoder against docs/calls.md: the Runtime's dispatch table decodes the bytes (all of them) as the named
/// call when the Runtime dispatches it; calls it does not dispatch yet are checked for their indices and exact length,
/// and start being decoded here as soon as the Runtime registers them.
/// </summary>
public sealed class CallEncoderTests
{
    private static readonly CallTable Table = RuntimeCalls.CreateTable();
    private static readonly AccountId A = AccountId.FromBytes(Enumerable.Repeat((byte)0x11, 32).ToArray());
    private static readonly AccountId B = AccountId.FromBytes(Enumerable.Repeat((byte)0x22, 32).ToArray());
    private static readonly NetUid N = new(3);

    public static TheoryData<string, byte, byte, int, byte[]> Encoded()
    {
        var d = new TheoryData<string, byte, byte, int, byte[]>();
        void Add(string name, byte pallet, byte index, int argBytes, byte[] call) => d.Add(name, pallet, index, argBytes, call);
        Add("SubtensorModule.set_weights", 7, 0, 2 + 1 + 4 + 1 + 4 + 8, Calls.SetWeights(N, [1, 2], [65535, 10], 7));
        Add("SubtensorModule.commit_weights", 7, 96, 2 + 32, Calls.CommitWeights(N, Hash256.Zero));
        Add("SubtensorModule.reveal_weights", 7, 97, 2 + 3 + 3 + 5 + 8, Calls.RevealWeights(N, [1], [9], [4, 5], 0));
        Add("SubtensorModule.burned_register", 7, 7, 2 + 32, Calls.BurnedRegister(N, A));
        Add("SubtensorModule.register_limit", 7, 134, 2 + 32 + 8, Calls.RegisterLimit(N, A, new TaoBalance(5)));
        Add("SubtensorModule.serve_axon", 7, 4, 2 + 4 + 16 + 2 + 4, Calls.ServeAxon(N, 10_002_000, 16909060, 8091, 4));
        Add("SubtensorModule.register_network", 7, 59, 32, Calls.RegisterNetwork(A));
        Add("SubtensorModule.start_call", 7, 92, 2, Calls.StartCall(N));
        Add("SubtensorModule.root_register", 7, 62, 32, Calls.RootRegister(A));
        Add("SubtensorModule.set_children", 7, 67, 32 + 2 + 1 + 2 * 40, Calls.SetChildren(A, N, [(1UL << 63, B), (5, A)]));
        Add("SubtensorModule.set_childkey_take", 7, 75, 32 + 2 + 2, Calls.SetChildkeyTake(A, N, 1000));
        Add("SubtensorModule.claim_root", 7, 121, 1 + 4, Calls.ClaimRoot([new NetUid(2), N, new NetUid(2)]));
        Add("SubtensorModule.add_stake", 7, 2, 32 + 2 + 8, Calls.AddStake(A, N, new TaoBalance(1)));
        Add("SubtensorModule.remove_stake", 7, 3, 32 + 2 + 8, Calls.RemoveStake(A, N, new AlphaBalance(1)));
        Add("SubtensorModule.add_stake_limit", 7, 88, 32 + 2 + 8 + 8 + 1, Calls.AddStakeLimit(A, N, new TaoBalance(1), 2, true));
        Add("SubtensorModule.remove_stake_limit", 7, 89, 32 + 2 + 8 + 8 + 1, Calls.RemoveStakeLimit(A, N, new AlphaBalance(1), 2, false));
        Add("SubtensorModule.remove_stake_full_limit", 7, 103, 32 + 2 + 9, Calls.RemoveStakeFullLimit(A, N, 5));
        Add("SubtensorModule.remove_stake_full_limit", 7, 103, 32 + 2 + 1, Calls.RemoveStakeFullLimit(A, N, null));
        Add("SubtensorModule.unstake_all", 7, 83, 32, Calls.UnstakeAll(A));
        Add("SubtensorModule.unstake_all_alpha", 7, 84, 32, Calls.UnstakeAllAlpha(A));
        Add("SubtensorModule.move_stake", 7, 85, 64 + 4 + 8, Calls.MoveStake(A, B, N, new NetUid(4), new AlphaBalance(9)));
        Add("SubtensorModule.transfer_stake", 7, 86, 64 + 4 + 8, Calls.TransferStake(B, A, N, N, new AlphaBalance(9)));
        Add("SubtensorModule.swap_stake", 7, 87, 32 + 4 + 8, Calls.SwapStake(A, N, new NetUid(4), new AlphaBalance(9)));
        Add("SubtensorModule.swap_stake_limit", 7, 90, 32 + 4 + 8 + 8 + 1, Calls.SwapStakeLimit(A, N, new NetUid(4), new AlphaBalance(9), 3, true));
        Add("SubtensorModule.increase_take", 7, 66, 32 + 2, Calls.IncreaseTake(A, 11_000));
        Add("SubtensorModule.decrease_take", 7, 65, 32 + 2, Calls.DecreaseTake(A, 9_000));
        Add("AdminUtils.sudo_set_tempo", 19, 30, 2 + 2, Calls.AdminSet(AdminHyperparameters.Find("tempo")!, N, "360"));
        Add("AdminUtils.sudo_set_kappa", 19, 16, 2 + 2, Calls.AdminSet(AdminHyperparameters.Find("kappa")!, N, "32767"));
        Add("AdminUtils.sudo_set_weights_set_rate_limit", 19, 7, 2 + 8, Calls.AdminSet(AdminHyperparameters.Find("weights_rate_limit")!, N, "0"));
        Add("AdminUtils.sudo_set_commit_reveal_weights_enabled", 19, 49, 2 + 1, Calls.AdminSet(AdminHyperparameters.Find("commit_reveal_weights_enabled")!, N, "true"));
        Add("AdminUtils.sudo_set_alpha_values", 19, 51, 2 + 4, Calls.AdminSet(AdminHyperparameters.Find("alpha_values")!, N, "1638,60000"));
        Add("AdminUtils.sudo_set_alpha_sigmoid_steepness", 19, 68, 2 + 2, Calls.AdminSet(AdminHyperparameters.Find("alpha_sigmoid_steepness")!, N, "-5"));
        Add("AdminUtils.sudo_set_burn_increase_mult", 19, 90, 2 + 16, Calls.AdminSet(AdminHyperparameters.Find("burn_increase_mult")!, N, "1.26"));
        Add("AdminUtils.sudo_set_max_allowed_uids", 19, 15, 2 + 2, Calls.AdminSet(AdminHyperparameters.Find("max_allowed_uids")!, N, "256"));
        Add("AdminUtils.sudo_set_subnet_limit", 19, 37, 2, Calls.AdminSet(AdminHyperparameters.Find("subnet_limit")!, null, "128"));
        Add("Sudo.sudo", 12, 0, 2 + 4, Calls.SudoCall(Calls.AdminSet(AdminHyperparameters.Find("kappa")!, N, "1")));
        return d;
    }

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Encoder_matches_the_call_table(string fullName, byte pallet, byte index, int argBytes, byte[] call)
    {
        Assert.Equal(pallet, call[0]);
        Assert.Equal(index, call[1]);
        Assert.Equal(2 + argBytes, call.Length);
        bool Dispatched(byte p, byte i) => Table.All.Any(c => c.PalletIndex == p && c.CallIndex == i);
        // Sudo.sudo decodes its inner call too, so it can be checked only once the inner call is dispatched.
        if (Dispatched(pallet, index) && (pallet != 12 || Dispatched(call[2], call[3])))
        {
            var decoded = Table.Decode(call); // throws unless every byte is consumed
            Assert.Equal(fullName, decoded.Descriptor.FullName);
        }
    }

    [Fact]
    public void Argument_bytes_are_in_the_reference_order()
    {
        var reg = Calls.RegisterLimit(N, A, new TaoBalance(0x0102));
        Assert.Equal([3, 0], reg[2..4]);
        Assert.Equal(A.ToArray(), reg[4..36]);
        Assert.Equal([2, 1, 0, 0, 0, 0, 0, 0], reg[36..]);

        var axon = Calls.ServeAxon(N, 1, AxonEndpoint.Parse("1.2.3.4").Ip, 0x1f9b, 4);
        Assert.Equal([4, 3, 2, 1], axon[8..12]); // u128 little-endian of 16909060
        Assert.Equal(new byte[12], axon[12..24]);
        Assert.Equal([0x9b, 0x1f, 4, 4, 0, 0], axon[24..]);

        var claim = Calls.ClaimRoot([new NetUid(9), new NetUid(2), new NetUid(9)]);
        Assert.Equal([7, 121, 2 << 2, 2, 0, 9, 0], claim); // a BTreeSet: sorted, no repeats

        var tempo = Calls.AdminSet(AdminHyperparameters.Find("sudo_set_tempo")!, N, "360");
        Assert.Equal([19, 30, 3, 0, 0x68, 0x01], tempo);
    }

    [Fact]
    public void Commit_hash_equals_the_runtimes()
    {
        ushort[] uids = [0, 5, 9], values = [65535, 100, 3], salt = [1, 2, 3, 4, 5, 6, 7, 8];
        Assert.Equal(WeightsCalls.CommitHash(A, 3, uids, values, salt, 42), Calls.WeightCommitHash(A, 3, uids, values, salt, 42));
        Assert.NotEqual(WeightsCalls.CommitHash(A, 3, uids, values, salt, 42), Calls.WeightCommitHash(B, 3, uids, values, salt, 42));
    }

    [Fact]
    public void Admin_lookup_and_bad_values_are_clear()
    {
        Assert.Same(AdminHyperparameters.Find("tempo"), AdminHyperparameters.Find("sudo_set_tempo"));
        Assert.Same(AdminHyperparameters.Find("tempo"), AdminHyperparameters.Find("set_tempo"));
        Assert.Same(AdminHyperparameters.Find("weights_rate_limit"), AdminHyperparameters.Find("Weights-Set-Rate-Limit"));
        Assert.Null(AdminHyperparameters.Find("no_such_thing"));
        var tempo = AdminHyperparameters.Find("tempo")!;
        Assert.Contains("0..65535", Assert.Throws<FormatException>(() => Calls.AdminSet(tempo, N, "70000")).Message);
        Assert.Throws<FormatException>(() => Calls.AdminSet(tempo, N, "-1"));
        Assert.Throws<FormatException>(() => Calls.AdminSet(AdminHyperparameters.Find("yuma3_enabled")!, N, "maybe"));
        Assert.Throws<FormatException>(() => Calls.AdminSet(AdminHyperparameters.Find("alpha_values")!, N, "1,2,3"));
        Assert.Throws<ArgumentException>(() => Calls.AdminSet(tempo, null, "360"));
        Assert.Throws<ArgumentException>(() => Calls.AdminSet(AdminHyperparameters.Find("subnet_limit")!, N, "1"));
        Assert.Equal(AdminHyperparameters.All.Count, AdminHyperparameters.All.Select(p => p.CallIndex).Distinct().Count());
    }

    [Fact]
    public void Root_only_flags_agree_with_the_runtimes_rules()
    {
        var rules = typeof(HyperparameterCalls).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).Where(v => v is not null && v.GetType().Name.StartsWith("HyperparameterRule", StringComparison.Ordinal))
            .Select(v => ((string)v!.GetType().GetProperty("CallName")!.GetValue(v)!, (HyperparameterAccess)v.GetType().GetProperty("Access")!.GetValue(v)!))
            .ToArray();
        Assert.NotEmpty(rules);
        foreach (var (callName, access) in rules)
            if (AdminHyperparameters.Find(callName) is { } p)
                Assert.True(p.RootOnly == (access == HyperparameterAccess.RootOnly), $"{callName}: root-only {p.RootOnly}, runtime says {access}");
    }

    [Theory]
    [InlineData("1.2.3.4", "16909060", 4)]
    [InlineData("0.0.0.0", "0", 4)]
    [InlineData("::1", "1", 6)]
    [InlineData("2001:db8::1", "42540766411282592856903984951653826561", 6)]
    public void Axon_ip_integer_form(string text, string value, byte type)
    {
        var e = AxonEndpoint.Parse(text);
        Assert.Equal(UInt128.Parse(value, System.Globalization.CultureInfo.InvariantCulture), e.Ip);
        Assert.Equal(type, e.IpType);
        Assert.Throws<FormatException>(() => AxonEndpoint.Parse("1.2.3"));
        Assert.Equal("1.2.3.4", AxonEndpoint.Format(16909060));
    }

    [Fact]
    public void Weight_normalisation_is_the_python_sdks()
    {
        // 0.5 × 65535 = 32767.5 → ties to even → 32768; 1e-6 × 65535 rounds to 0 and is dropped.
        var w = WeightNormalization.ToChain([0, 1, 2, 3], [2.0, 1.0, 0.0, 2e-6]);
        Assert.Equal([0, 1], w.Uids);
        Assert.Equal([65535, 32768], w.Values);
        // 3 × (1/6 × 65535) = 10922.5 → 10922 (even); computed in binary floating point as Python does.
        var third = WeightNormalization.ToChain([7, 8], [1.0, 6.0]);
        Assert.Equal([(ushort)System.Math.Round(1.0 / 6.0 * 65535, MidpointRounding.ToEven), (ushort)65535], third.Values);
        Assert.Empty(WeightNormalization.ToChain([1, 2], [0, 0]).Uids);
        Assert.Throws<ArgumentException>(() => WeightNormalization.ToChain([1], [-0.1]));
        Assert.Throws<ArgumentException>(() => WeightNormalization.ToChain([1], [double.NaN]));
        Assert.Throws<ArgumentException>(() => WeightNormalization.ToChain([1, 1], [1, 1]));
        Assert.Throws<ArgumentException>(() => WeightNormalization.ToChain([1, 2], [1]));
    }
}
