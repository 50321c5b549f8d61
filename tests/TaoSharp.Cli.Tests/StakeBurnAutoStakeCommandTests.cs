using System.Globalization;
using System.Text.Json;

namespace TaoSharp.Cli.Tests;

/// <summary>
/// `tao sudo stake-burn`, `tao stake auto|set-auto` and `tao subnets trigger-epoch` against a real node (--json-output):
/// what the chain did, and its refusals named. The rules themselves are covered through the call table in the Chain tests.
/// </summary>
public sealed class StakeBurnAutoStakeCommandTests(ChainCliFixture chain) : IClassFixture<ChainCliFixture>
{
    [Fact]
    public void Buyback_auto_stake_destination_and_epoch_trigger()
    {
        var bobCold = chain.Address("bob");
        var bobHot = chain.Address("bob", "hotkeys/defaultpub.txt");
        var aliceHot = chain.Address("alice", "hotkeys/defaultpub.txt");
        ChainCliFixture.Ok(chain.Tao("wallet", "transfer", "-w", "alice", "--dest", bobCold, "--amount", "1000", "--no-prompt"));
        var netuid = ChainCliFixture.Ok(chain.Tao("subnets", "create", "-w", "alice")).GetProperty("netuid").GetInt32();
        var n = netuid.ToString(CultureInfo.InvariantCulture);
        ChainCliFixture.Ok(chain.Tao("subnets", "start", "-w", "alice", "--netuid", n));
        ChainCliFixture.Ok(chain.Tao("subnets", "register", "-w", "bob", "--netuid", n));

        // ---- stake-burn: safe (limit from the price) and unsafe; nothing stays staked ----
        var burned = ChainCliFixture.Ok(chain.Tao("sudo", "stake-burn", "-w", "bob", "--netuid", n, "--amount", "1"));
        Assert.Equal(bobHot, burned.GetProperty("hotkey").GetString());
        Assert.Equal(1_000_000_000UL, burned.GetProperty("amount_rao").GetUInt64());
        Assert.True(burned.GetProperty("limit_price_rao").GetUInt64() > 0);
        Assert.True(burned.GetProperty("alpha_burned").GetUInt64() > 0);
        var unsafeBurn = ChainCliFixture.Ok(chain.Tao("sudo", "stake-burn", "-w", "bob", "--netuid", n, "--amount", "0.5", "--unsafe"));
        Assert.Equal(JsonValueKind.Null, unsafeBurn.GetProperty("limit_price_rao").ValueKind);
        var stakes = ChainCliFixture.Ok(chain.Tao("stake", "list", "-w", "bob")).GetProperty("stakes");
        Assert.DoesNotContain(stakes.EnumerateArray(), s => s.GetProperty("netuid").GetInt32() == netuid && s.GetProperty("stake").GetUInt64() > 0);
        Assert.Matches("SlippageTooHigh|PriceLimitExceeded", ChainCliFixture.Failed(chain.Tao("sudo", "stake-burn", "-w", "bob", "--netuid", n, "--amount", "500", "--tolerance", "0")));
        Assert.Equal(2, chain.Tao("sudo", "stake-burn", "-w", "bob", "--netuid", "0", "--amount", "1").ExitCode);
        Assert.Equal(2, chain.Tao("sudo", "stake-burn", "-w", "bob", "--netuid", n, "--amount", "1", "--allow-partial-stake").ExitCode);

        // ---- auto-stake destination: none, set, read back, refusals ----
        Assert.Equal(0, ChainCliFixture.Ok(chain.Tao("stake", "auto", "-w", "bob")).GetProperty("destinations").GetArrayLength());
        var set = ChainCliFixture.Ok(chain.Tao("stake", "set-auto", "-w", "bob", "--netuid", n, "--hotkey", aliceHot));
        Assert.Equal(aliceHot, set.GetProperty("hotkey").GetString());
        var auto = ChainCliFixture.Ok(chain.Tao("stake", "auto", "-w", "bob"));
        Assert.Equal(bobCold, auto.GetProperty("coldkey").GetString());
        var only = Assert.Single(auto.GetProperty("destinations").EnumerateArray());
        Assert.Equal(netuid, only.GetProperty("netuid").GetInt32());
        Assert.Equal(aliceHot, only.GetProperty("hotkey").GetString());
        Assert.Equal(0, ChainCliFixture.Ok(chain.Tao("stake", "auto", "--ss58", aliceHot)).GetProperty("destinations").GetArrayLength());
        Assert.Contains("SameAutoStakeHotkeyAlreadySet", ChainCliFixture.Failed(chain.Tao("stake", "set-auto", "-w", "bob", "--netuid", n, "--hotkey", aliceHot)));
        Assert.Contains("HotKeyNotRegisteredInSubNet", ChainCliFixture.Failed(chain.Tao("stake", "set-auto", "-w", "bob", "--netuid", n, "--hotkey", bobCold)));

        // ---- trigger-epoch: owner only, not under commit-reveal (on by default), one pending at a time ----
        Assert.Contains("DynamicTempoBlockedByCommitReveal", ChainCliFixture.Failed(chain.Tao("subnets", "trigger-epoch", "-w", "alice", "--netuid", n)));
        ChainCliFixture.Ok(chain.Tao("sudo", "set", "-w", "alice", "--netuid", n, "--param", "commit_reveal_weights_enabled", "--value", "false"));
        Assert.Contains("BadOrigin", ChainCliFixture.Failed(chain.Tao("subnets", "trigger-epoch", "-w", "bob", "--netuid", n)));
        var triggered = ChainCliFixture.Ok(chain.Tao("subnets", "trigger-epoch", "-w", "alice", "--netuid", n));
        Assert.Equal(netuid, triggered.GetProperty("netuid").GetInt32());
        Assert.True(triggered.GetProperty("fires_at").GetUInt64() > 10);
        var pending = ChainCliFixture.Failed(chain.Tao("subnets", "trigger-epoch", "-w", "alice", "--netuid", n));
        Assert.Contains("EpochTriggerAlreadyPending", pending);
        Assert.Contains("wait for it", pending); // says what to do
    }
}
