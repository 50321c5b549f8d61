using System.Globalization;
using System.Text.Json;

namespace TaoSharp.Cli.Tests;

/// <summary>
/// wallet swap-hotkey / swap-coldkey / swap-check against a real node (its own <see cref="ChainCliFixture"/>): bob swaps
/// his registered, staked hotkey for another hotkey of his wallet (a second swap is rate limited), then announces a
/// coldkey swap to carol: too early is refused, other calls of bob's coldkey are blocked, swap-check reports the
/// announcement, and after the delay the swap moves bob's stake and balance to carol.
/// </summary>
public sealed class KeySwapCommandTests(ChainCliFixture chain) : IClassFixture<ChainCliFixture>
{
    [Fact]
    public void Hotkey_swap_then_announced_coldkey_swap()
    {
        ChainCliFixture.Ok(chain.Tao("wallet", "transfer", "-w", "alice", "--dest", chain.Address("bob"), "--amount", "50", "--no-prompt"));
        var n = ChainCliFixture.Ok(chain.Tao("subnets", "create", "-w", "alice")).GetProperty("netuid").GetInt32().ToString(CultureInfo.InvariantCulture);
        ChainCliFixture.Ok(chain.Tao("subnets", "start", "-w", "alice", "--netuid", n));
        ChainCliFixture.Ok(chain.Tao("subnets", "register", "-w", "bob", "--netuid", n));
        ChainCliFixture.Ok(chain.Tao("stake", "add", "-w", "bob", "--netuid", n, "--amount", "2", "--unsafe"));
        ChainCliFixture.Ok(chain.Tao("wallet", "new-hotkey", "-w", "bob", "-H", "second", "--no-use-password", "--n-words", "12"));
        var second = chain.Address("bob", Path.Combine("hotkeys", "second"));

        // Exactly one of --netuid / --all-netuids (a usage error, exit 2, nothing submitted).
        Assert.Equal(2, chain.Tao("wallet", "swap-hotkey", "-w", "bob", "--destination-hotkey-name", "second", "--no-prompt").ExitCode);

        var swapped = ChainCliFixture.Ok(chain.Tao("wallet", "swap-hotkey", "-w", "bob", "--destination-hotkey-name", "second", "--all-netuids", "--no-prompt"));
        Assert.Equal(second, swapped.GetProperty("new_hotkey").GetString());
        Assert.Equal(JsonValueKind.Null, swapped.GetProperty("netuid").ValueKind);
        Assert.Equal(100_000_000UL, swapped.GetProperty("cost_rao").GetUInt64());
        var stakes = ChainCliFixture.Ok(chain.Tao("stake", "list", "-w", "bob")).GetProperty("stakes").EnumerateArray().ToArray();
        Assert.Contains(stakes, s => s.GetProperty("hotkey").GetString() == second && s.GetProperty("netuid").GetInt32().ToString(CultureInfo.InvariantCulture) == n);
        Assert.Contains("HotKeySetTxRateLimitExceeded",
            ChainCliFixture.Failed(chain.Tao("wallet", "swap-hotkey", "-w", "bob", "-H", "second", "--destination-hotkey-name", "default", "--all-netuids", "--no-prompt")));

        // Coldkey swap to a fresh wallet: announce, too early, blocked meanwhile, executed after the delay.
        ChainCliFixture.Ok(chain.Tao("sudo", "set", "-w", "alice", "--param", "coldkey_swap_announcement_delay", "--value", "4"));
        ChainCliFixture.Ok(chain.Tao("wallet", "create", "-w", "carol", "--no-use-password", "--n-words", "12"));
        Assert.False(ChainCliFixture.Ok(chain.Tao("wallet", "swap-check", "-w", "bob")).GetProperty("announced").GetBoolean());
        Assert.Equal(2, chain.Tao("wallet", "swap-coldkey", "-w", "bob", "--action", "steal", "--no-prompt").ExitCode);

        var announced = ChainCliFixture.Ok(chain.Tao("wallet", "swap-coldkey", "-w", "bob", "--action", "announce", "--new-coldkey", "carol", "--no-prompt"));
        var status = announced.GetProperty("status");
        Assert.True(status.GetProperty("announced").GetBoolean());
        Assert.False(status.GetProperty("executable").GetBoolean());
        var executeAt = status.GetProperty("execute_block").GetUInt64();
        Assert.Contains("ColdkeySwapTooEarly",
            ChainCliFixture.Failed(chain.Tao("wallet", "swap-coldkey", "-w", "bob", "--action", "execute", "--new-coldkey", "carol", "--no-prompt")));
        Assert.Contains("ColdkeySwapAnnounced",
            ChainCliFixture.Failed(chain.Tao("wallet", "transfer", "-w", "bob", "--dest", chain.Address("alice"), "--amount", "1", "--no-prompt")));
        var check = ChainCliFixture.Ok(chain.Tao("wallet", "swap-check", "--ss58", chain.Address("bob")));
        Assert.Equal(executeAt, check.GetProperty("execute_block").GetUInt64());
        Assert.Equal(status.GetProperty("new_coldkey_hash").GetString(), check.GetProperty("new_coldkey_hash").GetString());

        // Each of alice's transfers is one more block on the instant-sealing dev node.
        while (!ChainCliFixture.Ok(chain.Tao("wallet", "swap-check", "-w", "bob")).GetProperty("executable").GetBoolean())
            ChainCliFixture.Ok(chain.Tao("wallet", "transfer", "-w", "alice", "--dest", chain.Address("carol"), "--amount", "1", "--no-prompt"));
        var executed = ChainCliFixture.Ok(chain.Tao("wallet", "swap-coldkey", "-w", "bob", "--action", "execute", "--new-coldkey", chain.Address("carol"), "--no-prompt"));
        Assert.False(executed.GetProperty("status").GetProperty("announced").GetBoolean());
        var carolStakes = ChainCliFixture.Ok(chain.Tao("stake", "list", "-w", "carol")).GetProperty("stakes").EnumerateArray().ToArray();
        Assert.Contains(carolStakes, s => s.GetProperty("hotkey").GetString() == second);
        Assert.Empty(ChainCliFixture.Ok(chain.Tao("stake", "list", "-w", "bob")).GetProperty("stakes").EnumerateArray());
    }
}
