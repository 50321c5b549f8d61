using System.Text.Json;

namespace TaoSharp.Cli.Tests;

/// <summary>`tao wallet balance|transfer` against a real node on loopback, checked through --json-output.</summary>
public sealed class ChainWalletCommandTests : IDisposable
{
    // //Alice's sr25519 mini-secret (the dev phrase's //Alice derivation), funded at genesis with 1,000,000 TAO.
    private const string AliceSeed = "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a";
    private const string AliceAddress = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    private readonly string _wallets = Directory.CreateTempSubdirectory("taosharp-cli-chain-").FullName;
    private readonly ChainTestNode _node;

    public ChainWalletCommandTests()
    {
        _node = ChainTestNode.Start(TaoDllPath());
        Ok(Tao("wallet", "regen-coldkey", "-w", "alice", "--seed", AliceSeed, "--no-use-password"));
        Ok(Tao("wallet", "create", "-w", "bob", "--no-use-password"));
    }

    public void Dispose()
    {
        _node.Dispose();
        try { Directory.Delete(_wallets, true); } catch (IOException) { }
    }

    [Fact]
    public void Transfer_moves_exact_rao_and_balance_shows_it()
    {
        var bob = BobAddress();
        var before = Ok(Tao("wallet", "balance", "-w", "alice"));
        Assert.Equal(AliceAddress, before.GetProperty("coldkey").GetString());
        Assert.Equal(1_000_000_000_000_000UL, before.GetProperty("free_rao").GetUInt64());

        var sent = Ok(Tao("wallet", "transfer", "-w", "alice", "--dest", bob, "--amount", "1.5", "--no-prompt"));
        Assert.Equal(1_500_000_000UL, sent.GetProperty("amount_rao").GetUInt64());
        Assert.StartsWith("0x", sent.GetProperty("block_hash").GetString());
        var fee = sent.GetProperty("fee_rao").GetUInt64();

        var bobBalance = Ok(Tao("wallet", "balance", "-w", "bob"));
        Assert.Equal(1_500_000_000UL, bobBalance.GetProperty("free_rao").GetUInt64());
        Assert.Equal("1.500000000", bobBalance.GetProperty("free").GetString());
        var after = Ok(Tao("wallet", "balance", "--ss58", AliceAddress));
        // Alice is the dev chain's block author and fees go to the author (as in the reference), so the fee she paid
        // comes back to her in the same block: her balance falls by exactly the amount sent.
        Assert.True(fee > 0);
        Assert.Equal(1_000_000_000_000_000UL - 1_500_000_000UL - fee + fee, after.GetProperty("free_rao").GetUInt64());
    }

    [Fact]
    public void Overspending_names_the_chain_error()
    {
        // Funded enough to pay the fee, so the pool admits it and the call itself fails in the block.
        Ok(Tao("wallet", "transfer", "-w", "alice", "--dest", BobAddress(), "--amount", "1", "--no-prompt"));
        var r = Tao("wallet", "transfer", "-w", "bob", "--dest", AliceAddress, "--amount", "100", "--no-prompt");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.False(doc.RootElement.GetProperty("success").GetBoolean());
        Assert.Contains("InsufficientBalance", doc.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Bad_amount_and_unreachable_node_are_clear_errors()
    {
        var tooPrecise = Tao("wallet", "transfer", "-w", "alice", "--dest", AliceAddress, "--amount", "0.0000000001", "--no-prompt");
        Assert.Equal(2, tooPrecise.ExitCode);
        Assert.Contains("9 decimals", tooPrecise.Stdout);

        var port = ChainTestNode.FreePort();
        var down = KeysCliRunner.Run("wallet", "balance", "-p", _wallets, "-w", "alice", "--network", $"ws://127.0.0.1:{port}/", "--json-output");
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("tao node", down.Stdout);
    }

    private TaoResult Tao(params string[] args) =>
        KeysCliRunner.Run([.. args, "-p", _wallets, "--network", _node.Ws, "--json-output"]);

    private static JsonElement Ok(TaoResult r)
    {
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stdout} {r.Stderr}");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.True(doc.RootElement.GetProperty("success").GetBoolean(), r.Stdout);
        return doc.RootElement.GetProperty("data").Clone();
    }

    private string BobAddress()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_wallets, "bob", "coldkeypub.txt")));
        return doc.RootElement.GetProperty("ss58Address").GetString()!;
    }

    private static string TaoDllPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(here.Parent!.Parent!.FullName, "TaoSharp.Cli", here.Name, "tao.dll");
    }
}
