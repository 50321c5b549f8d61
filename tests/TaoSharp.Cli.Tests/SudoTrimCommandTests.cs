using System.Globalization;

namespace TaoSharp.Cli.Tests;

/// <summary>
/// `tao sudo trim` against a real node: the owner's trim (bounds, origin, rate limit) and root's through Sudo.sudo.
/// Which neurons a trim removes and how the rest are renumbered is covered through the call table in the Chain tests.
/// </summary>
public sealed class SudoTrimCommandTests(ChainCliFixture chain) : IClassFixture<ChainCliFixture>
{
    [Fact]
    public void Owner_and_root_trim_max_allowed_uids_within_the_bounds_and_rate_limit()
    {
        ChainCliFixture.Ok(chain.Tao("wallet", "transfer", "-w", "alice", "--dest", chain.Address("bob"), "--amount", "1000", "--no-prompt"));
        var netuid = ChainCliFixture.Ok(chain.Tao("subnets", "create", "-w", "alice")).GetProperty("netuid").GetInt32();
        var n = netuid.ToString(CultureInfo.InvariantCulture);
        ChainCliFixture.Ok(chain.Tao("subnets", "start", "-w", "alice", "--netuid", n));
        ChainCliFixture.Ok(chain.Tao("subnets", "register", "-w", "bob", "--netuid", n));

        int MaxUids() => ChainCliFixture.Ok(chain.Tao("subnets", "hyperparameters", "--netuid", n))
            .GetProperty("hyperparameters").GetProperty("max_allowed_uids").GetInt32();
        Assert.Equal(256, MaxUids());

        Assert.Contains("InvalidValue", ChainCliFixture.Failed(chain.Tao("sudo", "trim", "-w", "alice", "--netuid", n, "--max-uids", "63")));
        Assert.Contains("InvalidValue", ChainCliFixture.Failed(chain.Tao("sudo", "trim", "-w", "alice", "--netuid", n, "--max-uids", "257")));
        Assert.Contains("BadOrigin", ChainCliFixture.Failed(chain.Tao("sudo", "trim", "-w", "bob", "--netuid", n, "--max-uids", "200")));
        Assert.Equal(2, chain.Tao("sudo", "trim", "-w", "alice", "--netuid", n).ExitCode);

        var trimmed = ChainCliFixture.Ok(chain.Tao("sudo", "trim", "-w", "alice", "--netuid", n, "--max-uids", "200"));
        Assert.Equal(200, trimmed.GetProperty("max_uids").GetInt32());
        Assert.False(trimmed.GetProperty("sudo").GetBoolean());
        Assert.Equal(0, trimmed.GetProperty("removed_uids").GetArrayLength()); // two neurons: nothing to remove
        Assert.Equal(200, MaxUids());

        var limited = ChainCliFixture.Failed(chain.Tao("sudo", "trim", "-w", "alice", "--netuid", n, "--max-uids", "150"));
        Assert.Contains("TxRateLimitExceeded", limited);

        var root = ChainCliFixture.Ok(chain.Tao("sudo", "trim", "-w", "alice", "--netuid", n, "--max-uids", "100", "--sudo"));
        Assert.True(root.GetProperty("sudo").GetBoolean());
        Assert.Equal(100, MaxUids());
    }
}
