using System.Globalization;
using System.Text.Json;

namespace TaoSharp.Cli.Tests;

/// <summary>One `tao node --dev --instant` and two wallets (//Alice = sudo and subnet owner, a fresh "bob") shared by the class.</summary>
public sealed class ChainCliFixture : IDisposable
{
    // //Alice's sr25519 mini-secret, funded at genesis and the dev chain's sudo key.
    private const string AliceSeed = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";

    public ChainCliFixture()
    {
        Node = ChainTestNode.Start(TaoDllPath());
        Ok(Tao("wallet", "regen-coldkey", "-w", "alice", "--seed", AliceSeed, "--no-use-password"));
        Ok(Tao("wallet", "new-hotkey", "-w", "alice", "--no-use-password", "--n-words", "12"));
        Ok(Tao("wallet", "create", "-w", "bob", "--no-use-password", "--n-words", "12"));
        // Both tests create a subnet with alice's coldkey: lift the network rate limit (a global, root-only setting: Sudo.sudo).
        Assert.True(Ok(Tao("sudo", "set", "-w", "alice", "--param", "network_rate_limit", "--value", "0")).GetProperty("sudo").GetBoolean());
    }

    public string Wallets { get; } = Directory.CreateTempSubdirectory("taosharp-cli-groups-").FullName;
    internal ChainTestNode Node { get; }

    public TaoResult Tao(params string[] args) => KeysCliRunner.Run([.. args, "-p", Wallets, "--network", Node.Ws, "--json-output"]);

    public static JsonElement Ok(TaoResult r)
    {
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stdout} {r.Stderr}");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.True(doc.RootElement.GetProperty("success").GetBoolean(), r.Stdout);
        return doc.RootElement.GetProperty("data").Clone();
    }

    /// <summary>A failed command: exit 1, one JSON document with success false; returns the error text.</summary>
    public static string Failed(TaoResult r)
    {
        Assert.True(r.ExitCode == 1, $"expected exit 1, got {r.ExitCode}: {r.Stdout} {r.Stderr}");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.False(doc.RootElement.GetProperty("success").GetBoolean());
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    public string Address(string wallet, string file = "coldkeypub.txt")
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Wallets, wallet, file)));
        return doc.RootElement.GetProperty("ss58Address").GetString()!;
    }

    private static string TaoDllPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(here.Parent!.Parent!.FullName, "TaoSharp.Cli", here.Name, "tao.dll");
    }

    public void Dispose()
    {
        Node.Dispose();
        try { Directory.Delete(Wallets, true); } catch (IOException) { }
    }
}

/// <summary>
/// The chain command groups against a real node, each checked through --json-output: subnet creation and start,
/// registration, safe and unsafe staking (and a limit the chain refuses), commit/reveal and set weights with the
/// rate-limit advice, sudo by name (owner and root-only through Sudo.sudo), axon serving read back from the metagraph.
/// </summary>
public sealed class ChainCommandGroupTests(ChainCliFixture chain) : IClassFixture<ChainCliFixture>
{
    [Fact]
    public void Subnet_lifecycle_staking_weights_sudo_and_axon()
    {
        var bobCold = chain.Address("bob");
        var bobHot = chain.Address("bob", "hotkeys/defaultpub.txt");
        var aliceHot = chain.Address("alice", "hotkeys/defaultpub.txt");
        ChainCliFixture.Ok(chain.Tao("wallet", "transfer", "-w", "alice", "--dest", bobCold, "--amount", "1000", "--no-prompt"));

        // Subnet: burn cost, create, start.
        var lockCost = ChainCliFixture.Ok(chain.Tao("subnets", "burn-cost")).GetProperty("burn_cost_rao").GetUInt64();
        Assert.True(lockCost > 0);
        var created = ChainCliFixture.Ok(chain.Tao("subnets", "create", "-w", "alice"));
        var netuid = created.GetProperty("netuid").GetInt32();
        var n = netuid.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(aliceHot, created.GetProperty("owner_hotkey").GetString());
        ChainCliFixture.Ok(chain.Tao("subnets", "start", "-w", "alice", "--netuid", n));
        var list = ChainCliFixture.Ok(chain.Tao("subnets", "list")).GetProperty("subnets");
        var mine = list.EnumerateArray().Single(s => s.GetProperty("netuid").GetInt32() == netuid);
        Assert.Equal(aliceHot, mine.GetProperty("owner_hotkey").GetString());
        Assert.True(mine.GetProperty("subtoken_enabled").GetBoolean());

        // Registration (safe by default: register_limit).
        var reg = ChainCliFixture.Ok(chain.Tao("subnets", "register", "-w", "bob", "--netuid", n));
        Assert.Equal(1, reg.GetProperty("uid").GetInt32());
        Assert.Equal(bobHot, reg.GetProperty("hotkey").GetString());
        Assert.Contains("HotKeyAlreadyRegisteredInSubNet", ChainCliFixture.Failed(chain.Tao("subnets", "register", "-w", "bob", "--netuid", n)));

        // Staking: safe (limit from the current price), a limit the chain refuses, unsafe, list, remove.
        var price = ChainCliFixture.Ok(chain.Tao("subnets", "price", "--netuids", n)).GetProperty("prices")[0];
        var priceText = decimal.Parse(price.GetProperty("price").GetString()!, CultureInfo.InvariantCulture);
        var added = ChainCliFixture.Ok(chain.Tao("stake", "add", "-w", "bob", "--netuid", n, "--amount", "1"));
        Assert.Equal(1_000_000_000UL, added.GetProperty("amount_rao").GetUInt64());
        Assert.Equal((ulong)decimal.Floor(priceText * 1.005m * 1_000_000_000m), added.GetProperty("limit_price_rao").GetUInt64());
        Assert.True(added.GetProperty("alpha_received").GetUInt64() > 0);
        var refused = ChainCliFixture.Failed(chain.Tao("stake", "add", "-w", "bob", "--netuid", n, "--amount", "500", "--tolerance", "0"));
        Assert.Matches("SlippageTooHigh|ZeroMaxStakeAmount|PriceLimitExceeded", refused);
        Assert.Contains("--tolerance", refused); // says what to do
        var unsafeAdd = ChainCliFixture.Ok(chain.Tao("stake", "add", "-w", "bob", "--netuid", n, "--amount", "1", "--unsafe"));
        Assert.Equal(JsonValueKind.Null, unsafeAdd.GetProperty("limit_price_rao").ValueKind);
        var stakes = ChainCliFixture.Ok(chain.Tao("stake", "list", "-w", "bob"));
        Assert.Equal(bobCold, stakes.GetProperty("coldkey").GetString());
        var stake = stakes.GetProperty("stakes").EnumerateArray().Single(s => s.GetProperty("netuid").GetInt32() == netuid);
        Assert.Equal(bobHot, stake.GetProperty("hotkey").GetString());
        var alpha = stake.GetProperty("stake").GetUInt64();
        Assert.True(alpha >= added.GetProperty("alpha_received").GetUInt64());
        var removed = ChainCliFixture.Ok(chain.Tao("stake", "remove", "-w", "bob", "--netuid", n, "--amount", "0.5"));
        Assert.Equal(500_000_000UL, removed.GetProperty("amount").GetUInt64());
        Assert.True(removed.GetProperty("tao_received").GetUInt64() > 0);
        Assert.InRange(removed.GetProperty("alpha_swapped").GetUInt64(), 1UL, 500_000_000UL);

        // Weights: commit-reveal is on by default, and registration counts as an update for the rate limit.
        Assert.Contains("CommitRevealEnabled", ChainCliFixture.Failed(chain.Tao("weights", "set", "-w", "alice", "--netuid", n, "--uids", "0,1", "--weights", "1,1")));
        var early = ChainCliFixture.Failed(chain.Tao("weights", "commit", "-w", "alice", "--netuid", n, "--uids", "0,1", "--weights", "0.5,1"));
        Assert.Contains("CommittingWeightsTooFast", early);
        Assert.Contains("weights_rate_limit is 100 blocks", early);
        Assert.Matches(@"try again at block \d+", early);

        // Sudo by name: a root-only setting through Sudo.sudo (refused for a non-sudo key), an owner setting signed directly.
        var noLimit = ChainCliFixture.Ok(chain.Tao("sudo", "set", "-w", "alice", "--netuid", n, "--param", "weights_rate_limit", "--value", "0"));
        Assert.True(noLimit.GetProperty("sudo").GetBoolean());
        Assert.Contains("RequireSudo", ChainCliFixture.Failed(chain.Tao("sudo", "set", "-w", "bob", "--netuid", n, "--param", "kappa", "--value", "1")));

        // The commit's hash is what the chain recomputes at reveal: too early with the right salt, no match with another.
        var commit = ChainCliFixture.Ok(chain.Tao("weights", "commit", "-w", "alice", "--netuid", n, "--uids", "0,1", "--weights", "0.5,1", "--salt", "1,2,3,4"));
        Assert.Equal([32768, 65535], commit.GetProperty("weights").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Contains("RevealTooEarly", ChainCliFixture.Failed(chain.Tao("weights", "reveal", "-w", "alice", "--netuid", n, "--uids", "0,1", "--weights", "0.5,1", "--salt", "1,2,3,4")));
        Assert.Contains("InvalidRevealCommitHashNotMatch", ChainCliFixture.Failed(chain.Tao("weights", "reveal", "-w", "alice", "--netuid", n, "--uids", "0,1", "--weights", "0.5,1", "--salt", "9")));

        var off = ChainCliFixture.Ok(chain.Tao("sudo", "set", "-w", "alice", "--netuid", n, "--param", "commit_reveal_weights_enabled", "--value", "false"));
        Assert.False(off.GetProperty("sudo").GetBoolean());
        ChainCliFixture.Ok(chain.Tao("sudo", "set", "-w", "alice", "--netuid", n, "--param", "kappa", "--value", "30000"));
        var hp = ChainCliFixture.Ok(chain.Tao("sudo", "get", "--netuid", n)).GetProperty("hyperparameters");
        Assert.Equal(30000, hp.GetProperty("kappa").GetInt32());
        Assert.False(hp.GetProperty("commit_reveal_weights_enabled").GetBoolean());

        // set_weights goes through; with the rate limit back at 100 the next one is refused and the error names the block.
        var set = ChainCliFixture.Ok(chain.Tao("weights", "set", "-w", "alice", "--netuid", n, "--uids", "0,1", "--weights", "1,3"));
        Assert.Equal([21845, 65535], set.GetProperty("weights").EnumerateArray().Select(x => x.GetInt32()));
        ChainCliFixture.Ok(chain.Tao("sudo", "set", "-w", "alice", "--netuid", n, "--param", "weights_rate_limit", "--value", "100"));
        var tooFast = ChainCliFixture.Failed(chain.Tao("weights", "set", "-w", "alice", "--netuid", n, "--uids", "0,1", "--weights", "1,3"));
        Assert.Contains("SettingWeightsTooFast", tooFast);
        Assert.Matches(@"try again at block \d+", tooFast);

        // Axon: served by bob's hotkey and read back from the metagraph; loopback is refused by the chain.
        var axon = ChainCliFixture.Ok(chain.Tao("axon", "serve", "-w", "bob", "--netuid", n, "--ip", "1.2.3.4", "--port", "8091"));
        Assert.Equal("16909060", axon.GetProperty("ip_int").GetString());
        Assert.Contains("InvalidIpAddress", ChainCliFixture.Failed(chain.Tao("axon", "serve", "-w", "bob", "--netuid", n, "--ip", "127.0.0.1", "--port", "8091")));
        var meta = ChainCliFixture.Ok(chain.Tao("subnets", "metagraph", "--netuid", n, "--full")).GetProperty("metagraph");
        Assert.Equal(2, meta.GetProperty("n").GetInt32());
        Assert.Equal(bobHot, meta.GetProperty("hotkeys")[1].GetString());
        Assert.Equal("1.2.3.4", meta.GetProperty("axons")[1].GetProperty("ip").GetString());
        Assert.Equal(8091, meta.GetProperty("axons")[1].GetProperty("port").GetInt32());
        Assert.True(meta.GetProperty("alpha_stake")[1].GetUInt64() > 0);
        Assert.True(meta.TryGetProperty("weights", out _));

        // Overview: bob's neuron on the subnet.
        var overview = ChainCliFixture.Ok(chain.Tao("wallet", "overview", "-w", "bob"));
        var sub = overview.GetProperty("subnets").EnumerateArray().Single(s => s.GetProperty("netuid").GetInt32() == netuid);
        Assert.Equal(1, sub.GetProperty("neurons")[0].GetProperty("uid").GetInt32());
        Assert.Equal("1.2.3.4", sub.GetProperty("neurons")[0].GetProperty("axon").GetProperty("ip").GetString());
    }

    [Fact]
    public void Stake_move_transfer_swap_children_root_and_claims()
    {
        CreateWallet("carol");
        var carolCold = chain.Address("carol");
        var carolHot = chain.Address("carol", "hotkeys/defaultpub.txt");
        var aliceHot = chain.Address("alice", "hotkeys/defaultpub.txt");
        var aliceCold = chain.Address("alice");
        ChainCliFixture.Ok(chain.Tao("wallet", "transfer", "-w", "alice", "--dest", carolCold, "--amount", "200", "--no-prompt"));
        var n = ChainCliFixture.Ok(chain.Tao("subnets", "create", "-w", "alice")).GetProperty("netuid").GetInt32().ToString(CultureInfo.InvariantCulture);
        ChainCliFixture.Ok(chain.Tao("subnets", "start", "-w", "alice", "--netuid", n));
        ChainCliFixture.Ok(chain.Tao("subnets", "register", "-w", "carol", "--netuid", n));
        ChainCliFixture.Ok(chain.Tao("stake", "add", "-w", "carol", "--netuid", n, "--amount", "2", "--tolerance", "0.05"));

        var moved = ChainCliFixture.Ok(chain.Tao("stake", "move", "-w", "carol", "--origin-netuid", n, "--dest-netuid", n, "--dest", aliceHot, "--amount", "0.5"));
        Assert.Equal(500_000_000UL, moved.GetProperty("amount").GetUInt64());
        ChainCliFixture.Ok(chain.Tao("stake", "transfer", "-w", "carol", "--origin-netuid", n, "--dest-ss58", aliceCold, "--amount", "0.3"));
        var aliceStakes = ChainCliFixture.Ok(chain.Tao("stake", "list", "--ss58", aliceCold)).GetProperty("stakes").EnumerateArray().ToArray();
        Assert.Contains(aliceStakes, x => x.GetProperty("netuid").GetInt32().ToString(CultureInfo.InvariantCulture) == n && x.GetProperty("hotkey").GetString() == carolHot);
        var swapped = ChainCliFixture.Ok(chain.Tao("stake", "swap", "-w", "carol", "-o", n, "-d", "0", "--amount", "0.2"));
        Assert.True(swapped.GetProperty("limit_price_rao").GetUInt64() > 0);
        var carolStakes = ChainCliFixture.Ok(chain.Tao("stake", "list", "-w", "carol")).GetProperty("stakes");
        Assert.Contains(carolStakes.EnumerateArray(), x => x.GetProperty("netuid").GetInt32() == 0);
        // move_stake keeps the coldkey: the moved alpha is carol's, on alice's hotkey.
        Assert.Contains(carolStakes.EnumerateArray(), x => x.GetProperty("netuid").GetInt32().ToString(CultureInfo.InvariantCulture) == n && x.GetProperty("hotkey").GetString() == aliceHot);

        Assert.Contains("DuplicateChild", ChainCliFixture.Failed(chain.Tao("stake", "child", "set", "-w", "carol", "--netuid", n, "-c", $"{aliceHot},{aliceHot}", "--prop", "0.2,0.2")));
        ChainCliFixture.Ok(chain.Tao("stake", "child", "set", "-w", "carol", "--netuid", n, "-c", aliceHot, "--prop", "0.5"));
        Assert.Contains("TxRateLimitExceeded", ChainCliFixture.Failed(chain.Tao("stake", "child", "revoke", "-w", "carol", "--netuid", n)));
        // Children take effect after the chain's cooldown, so the list may still be empty; the query and its shape are checked.
        var got = ChainCliFixture.Ok(chain.Tao("stake", "child", "get", "-w", "carol", "--netuid", n));
        Assert.Equal(carolHot, got.GetProperty("hotkey").GetString());
        Assert.Equal(JsonValueKind.Array, got.GetProperty("children").ValueKind);
        ChainCliFixture.Ok(chain.Tao("stake", "claim-root", "-w", "carol", "--netuids", n));

        var root = ChainCliFixture.Ok(chain.Tao("root", "register", "-w", "carol"));
        Assert.Equal(carolHot, root.GetProperty("hotkey").GetString());
        var members = ChainCliFixture.Ok(chain.Tao("root", "list")).GetProperty("metagraph").GetProperty("hotkeys");
        Assert.Contains(members.EnumerateArray(), h => h.GetString() == carolHot);
    }

    private void CreateWallet(string name) => ChainCliFixture.Ok(chain.Tao("wallet", "create", "-w", name, "--no-use-password", "--n-words", "12"));

    [Fact]
    public void Malformed_input_and_unknown_subnets_are_clear_errors()
    {
        var noSubnet = chain.Tao("subnets", "show", "--netuid", "999");
        Assert.Contains("subnet 999 does not exist", ChainCliFixture.Failed(noSubnet));
        var badParam = chain.Tao("sudo", "set", "-w", "alice", "--netuid", "1", "--param", "no_such_setting", "--value", "1");
        Assert.Equal(2, badParam.ExitCode);
        Assert.Contains("unknown hyperparameter", badParam.Stdout);
        var badWeights = chain.Tao("weights", "set", "-w", "alice", "--netuid", "1", "--uids", "0,1", "--weights", "1,-1");
        Assert.Equal(2, badWeights.ExitCode);
        Assert.Contains("negative", badWeights.Stdout);
        var badTolerance = chain.Tao("stake", "add", "-w", "alice", "--netuid", "1", "--amount", "1", "--tolerance", "2");
        Assert.Equal(2, badTolerance.ExitCode);
        var badIp = chain.Tao("axon", "serve", "-w", "alice", "--netuid", "1", "--ip", "1.2.3", "--port", "1");
        Assert.Equal(2, badIp.ExitCode);
        // Nothing else on stdout: every failure is exactly one JSON document.
        foreach (var r in new[] { badParam, badWeights, badTolerance, badIp })
            using (var doc = JsonDocument.Parse(r.Stdout)) Assert.False(doc.RootElement.GetProperty("success").GetBoolean());
    }
}
