using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Stake;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;
using static TaoSharp.Cli.Commands.WalletChain.JsonFields;

namespace TaoSharp.Cli.Commands.Subnets;

/// <summary>
/// <c>tao subnets create</c>: register_network(hotkey) signed by the coldkey, or register_network_with_identity when an
/// identity option is given; JSON data adds netuid, lock_cost_rao, owner_hotkey, identity (SubnetIdentity or null).
/// </summary>
public sealed class SubnetsCreateCommand : ChainCommand<SubnetIdentitySettings>
{
    protected override int Run(SubnetIdentitySettings settings, WalletPrompts prompts)
    {
        var identity = settings.HasIdentity ? settings.ToIdentity() : null;
        using var hotkey = HotkeyPub(settings);
        var cost = Read(settings, "Retrieving the lock cost...", async r => (await r.CallAsync("subnetInfo_getLockCost").ConfigureAwait(false))?.GetValue<ulong>() ?? 0);
        if (identity is not null && !settings.JsonOutput && settings.CanPrompt) AnsiConsole.Write(SubnetIdentityView.Table("Subnet identity", identity));
        Confirm(settings, $"Create a subnet owned by hotkey {hotkey.Ss58Address}, locking {Units(cost)} τ?");
        using var coldkey = Coldkey(settings, prompts);
        var call = identity is null ? Calls.RegisterNetwork(Account(hotkey)) : Calls.RegisterNetworkWithIdentity(Account(hotkey), identity);
        var result = Submit(settings, coldkey, call, identity is null ? "register_network" : "register_network_with_identity", SubnetIdentityView.Advice);
        var netuid = EventField(result, "NetworkAdded", "netuid");
        WriteTransaction(settings, result, $"Subnet {netuid} created", w =>
        {
            w.WriteNumber("netuid", ushort.Parse(netuid, System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("lock_cost_rao", cost);
            w.WriteString("owner_hotkey", hotkey.Ss58Address);
            w.WritePropertyName("identity");
            if (identity is null) w.WriteNullValue();
            else SubnetIdentityView.Write(w, identity);
        });
        return 0;
    }

    internal static string EventField(TransactionResult result, string name, string field) =>
        result.Events.FirstOrDefault(e => e.Name == name)?.Fields.GetValueOrDefault(field)
        ?? throw new CommandFailedException($"the transaction was included but emitted no {name} event");
}

/// <summary>
/// <c>tao subnets register</c>: netuid 0 → root_register; otherwise burned registration, safe by default
/// (register_limit with limit = burn × (1 + tolerance)); --unsafe sends burned_register. JSON data adds netuid, uid, hotkey, burn_rao.
/// </summary>
public sealed class SubnetsRegisterCommand : ChainCommand<SafeTradeSettings>
{
    protected override int Run(SafeTradeSettings settings, WalletPrompts prompts)
    {
        settings.CheckSafeOptions();
        var netuid = RequireNetuid(settings.Netuid);
        using var hotkey = HotkeyPub(settings);
        var hot = Account(hotkey);
        byte[] call;
        ulong burn = 0;
        if (netuid.IsRoot)
        {
            Confirm(settings, $"Register hotkey {hotkey.Ss58Address} on the root network?");
            call = Calls.RootRegister(hot);
        }
        else
        {
            using var coldPub = ColdkeyPub(settings);
            var (cost, balance) = Read(settings, "Retrieving the burn cost...", async r =>
            {
                var c = (await r.CallAsync("subnetInfo_getBurnCost", (int)netuid.Value).ConfigureAwait(false))?.GetValue<ulong>() ?? throw NoSubnet(netuid);
                var b = await new ChainQueries(r.Client).BalanceAsync(Account(coldPub), r.Token).ConfigureAwait(false);
                return (c, b.Free);
            });
            burn = cost;
            var limit = new TaoBalance(LimitPrice.ForBuy(cost / 1_000_000_000m, settings.ToleranceValue));
            if (!settings.JsonOutput && settings.CanPrompt)
            {
                var table = new Table().AddColumns("Netuid", "Cost (τ)", "Limit cost (τ)", "Hotkey", "Coldkey");
                table.AddRow(netuid.ToString(), Units(cost), settings.IsSafe ? Units(limit.Rao) : "-", hotkey.Ss58Address, coldPub.Ss58Address);
                AnsiConsole.Write(table);
            }
            Confirm(settings, $"Your balance is {Units(balance.Rao)} τ. The cost to register by recycle is {Units(cost)} τ. Do you want to continue?");
            call = settings.IsSafe ? Calls.RegisterLimit(netuid, hot, limit) : Calls.BurnedRegister(netuid, hot);
        }
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, call, netuid.IsRoot ? "root_register" : settings.IsSafe ? "register_limit" : "burned_register");
        var uid = SubnetsCreateCommand.EventField(result, "NeuronRegistered", "uid");
        WriteTransaction(settings, result, $"Registered {hotkey.Ss58Address} on subnet {netuid} as UID {uid}", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteNumber("uid", ushort.Parse(uid, System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("hotkey", hotkey.Ss58Address);
            w.WriteNumber("burn_rao", burn);
        });
        return 0;
    }
}

/// <summary><c>tao subnets start</c>: start_call(netuid) by the owner's coldkey.</summary>
public sealed class SubnetsStartCommand : ChainCommand<SubnetSettings>
{
    protected override int Run(SubnetSettings settings, WalletPrompts prompts)
    {
        var netuid = RequireNetuid(settings.Netuid);
        Confirm(settings, $"Start emissions on subnet {netuid}?");
        using var coldkey = Coldkey(settings, prompts);
        var result = Submit(settings, coldkey, Calls.StartCall(netuid), "start_call");
        WriteTransaction(settings, result, $"Subnet {netuid} started", w => w.WriteNumber("netuid", netuid.Value));
        return 0;
    }
}
