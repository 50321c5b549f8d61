using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Subnets;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.Root;

/// <summary>`tao root ...`: the root network (netuid 0). btcli 9 folded these into `subnets register --netuid 0` / `subnets show --netuid 0`.</summary>
public static class RootBranch
{
    public static void Configure(IConfigurator<CommandSettings> r)
    {
        r.SetDescription("Root network (netuid 0): register a hotkey, list its members.");
        r.AddCommand<RootRegisterCommand>("register").WithDescription("root_register(hotkey), signed by the coldkey.");
        r.AddCommand<RootListCommand>("list").WithDescription("Members of the root network (its metagraph).");
    }
}

/// <summary><c>tao root register</c>: JSON data adds netuid (0), uid, hotkey.</summary>
public sealed class RootRegisterCommand : ChainCommand<ChainWalletSettings>
{
    protected override int Run(ChainWalletSettings settings, WalletPrompts prompts)
    {
        using var hotkey = HotkeyPub(settings);
        Confirm(settings, $"Register hotkey {hotkey.Ss58Address} on the root network?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.RootRegister(Account(hotkey)), "root_register");
        var uid = SubnetsCreateCommand.EventField(result, "NeuronRegistered", "uid");
        WriteTransaction(settings, result, $"Registered {hotkey.Ss58Address} on the root network as UID {uid}", w =>
        {
            w.WriteNumber("netuid", 0);
            w.WriteNumber("uid", ushort.Parse(uid, System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("hotkey", hotkey.Ss58Address);
        });
        return 0;
    }
}

/// <summary><c>tao root list</c>: the root metagraph; JSON data = {"metagraph": Metagraph of netuid 0}.</summary>
public sealed class RootListCommand : ChainCommand<ChainWalletSettings>
{
    protected override int Run(ChainWalletSettings settings, WalletPrompts prompts)
    {
        var m = Read(settings, "Retrieving the root network...", r => r.CallAsync("subnetInfo_getMetagraph", 0, false)) ?? throw NoSubnet(NetUid.Root);
        if (settings.JsonOutput)
        {
            WriteJson(w => JsonFields.Write(w, "metagraph", m));
            return 0;
        }
        MetagraphTable.Write(m, null);
        return 0;
    }
}
