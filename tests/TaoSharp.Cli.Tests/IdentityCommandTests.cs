using System.Globalization;
using System.Text.Json;

namespace TaoSharp.Cli.Tests;

/// <summary>
/// Identity and symbol commands against a real node (its own <see cref="ChainCliFixture"/>): a subnet created with
/// identity flags reads back through get-identity, list and the metagraph; set-identity keeps what is not given;
/// set-symbol changes the stored symbol and a symbol outside the chain's table is refused with the chain's error;
/// a coldkey identity is set and read back.
/// </summary>
public sealed class IdentityCommandTests(ChainCliFixture chain) : IClassFixture<ChainCliFixture>
{
    [Fact]
    public void Subnet_and_coldkey_identities_and_symbols()
    {
        ChainCliFixture.Ok(chain.Tao("wallet", "transfer", "-w", "alice", "--dest", chain.Address("bob"), "--amount", "10", "--no-prompt"));
        var created = ChainCliFixture.Ok(chain.Tao("subnets", "create", "-w", "alice", "--subnet-name", "forecast",
            "--repo", "github.com/taosharp/forecast", "--contact", "ops@example.org", "--description", "time series"));
        Assert.Equal("forecast", created.GetProperty("identity").GetProperty("subnet_name").GetString());
        var n = created.GetProperty("netuid").GetInt32().ToString(CultureInfo.InvariantCulture);

        var got = ChainCliFixture.Ok(chain.Tao("subnets", "get-identity", "--netuid", n));
        Assert.Equal("forecast", got.GetProperty("name").GetString());
        var identity = got.GetProperty("identity");
        Assert.Equal("github.com/taosharp/forecast", identity.GetProperty("github_repo").GetString());
        Assert.Equal("ops@example.org", identity.GetProperty("subnet_contact").GetString());
        Assert.Equal("", identity.GetProperty("logo_url").GetString());
        var symbol = got.GetProperty("symbol").GetString();
        Assert.False(string.IsNullOrEmpty(symbol));

        // set-identity replaces the whole identity on chain, but options not given keep their current value.
        ChainCliFixture.Ok(chain.Tao("subnets", "set-identity", "-w", "alice", "--netuid", n, "--logo-url", "https://example.org/logo.png", "--no-prompt"));
        var after = ChainCliFixture.Ok(chain.Tao("subnets", "get-identity", "--netuid", n)).GetProperty("identity");
        Assert.Equal("https://example.org/logo.png", after.GetProperty("logo_url").GetString());
        Assert.Equal("forecast", after.GetProperty("subnet_name").GetString());
        Assert.Contains("NotSubnetOwner", ChainCliFixture.Failed(chain.Tao("subnets", "set-identity", "-w", "bob", "--netuid", n, "--subnet-name", "mine", "--no-prompt")));
        Assert.Contains("subnet_name (257 bytes, at most 256)",
            ChainCliFixture.Failed(chain.Tao("subnets", "set-identity", "-w", "alice", "--netuid", n, "--subnet-name", new string('x', 257))));

        // Symbols: a table entry no subnet uses is accepted; list and the metagraph show the stored one.
        Assert.Contains("SymbolDoesNotExist", ChainCliFixture.Failed(chain.Tao("subnets", "set-symbol", "-w", "alice", "--netuid", n, "TAO", "--no-prompt")));
        Assert.Contains("SymbolAlreadyInUse", ChainCliFixture.Failed(chain.Tao("subnets", "set-symbol", "-w", "alice", "--netuid", n, symbol!, "--no-prompt")));
        Assert.Equal("ש", ChainCliFixture.Ok(chain.Tao("subnets", "set-symbol", "-w", "alice", "--netuid", n, "ש", "--no-prompt")).GetProperty("symbol").GetString());
        var listed = ChainCliFixture.Ok(chain.Tao("subnets", "list")).GetProperty("subnets").EnumerateArray()
            .Single(s => s.GetProperty("netuid").GetInt32().ToString(CultureInfo.InvariantCulture) == n);
        Assert.Equal("ש", listed.GetProperty("token_symbol").GetString());
        Assert.Equal("forecast", listed.GetProperty("subnet_name").GetString());
        Assert.Equal("forecast", listed.GetProperty("subnet_identity").GetProperty("subnet_name").GetString());
        var metagraph = ChainCliFixture.Ok(chain.Tao("subnets", "show", "--netuid", n)).GetProperty("metagraph");
        Assert.Equal("ש", metagraph.GetProperty("symbol").GetString());
        Assert.Equal("forecast", metagraph.GetProperty("identity").GetProperty("subnet_name").GetString());
        Assert.Equal(JsonValueKind.Null, metagraph.GetProperty("identities")[0].ValueKind);

        // Coldkey identity: alice's hotkey holds UID 0 of the subnet; bob's hotkey is registered nowhere.
        Assert.Contains("HotKeyNotRegisteredInNetwork", ChainCliFixture.Failed(chain.Tao("wallet", "set-identity", "-w", "bob", "--id-name", "Bob", "--no-prompt")));
        var set = ChainCliFixture.Ok(chain.Tao("wallet", "set-identity", "-w", "alice", "--id-name", "Alice", "--github", "github.com/alice", "--no-prompt"));
        Assert.Equal("Alice", set.GetProperty("identity").GetProperty("name").GetString());
        var mine = ChainCliFixture.Ok(chain.Tao("wallet", "get-identity", "-w", "alice")).GetProperty("identity");
        Assert.Equal("Alice", mine.GetProperty("name").GetString());
        Assert.Equal("github.com/alice", mine.GetProperty("github_repo").GetString());
        Assert.Equal("Alice", ChainCliFixture.Ok(chain.Tao("subnets", "show", "--netuid", n)).GetProperty("metagraph").GetProperty("identities")[0].GetProperty("name").GetString());
        var bob = ChainCliFixture.Ok(chain.Tao("wallet", "get-identity", "--ss58", chain.Address("bob")));
        Assert.Equal(JsonValueKind.Null, bob.GetProperty("identity").ValueKind);
    }
}
