using System.ComponentModel;
using Spectre.Console.Cli;
using TaoSharp.Cli.Commands.Keys;
using TaoSharp.Cli.Commands.Subnets;
using TaoSharp.Cli.Commands.Wallet;
using TaoSharp.Cli.Commands.WalletChain;
using TaoSharp.Sdk.Transactions;
using static TaoSharp.Cli.Commands.WalletChain.ChainOps;

namespace TaoSharp.Cli.Commands.Axon;

/// <summary>`tao axon ...`: publish the hotkey's axon endpoint on chain.</summary>
public static class AxonBranch
{
    public static void Configure(IConfigurator<CommandSettings> a)
    {
        a.SetDescription("Publish (serve_axon) or clear the hotkey's axon endpoint on a subnet.");
        a.AddCommand<AxonServeCommand>("serve").WithAlias("set").WithDescription("serve_axon: signed by the hotkey (free).");
        a.AddCommand<AxonResetCommand>("reset").WithDescription("Serve 0.0.0.0 (unserved) on the subnet.");
    }
}

public class AxonSettings : SubnetSettings
{
    [CommandOption("--port")]
    [Description("External port (1..65535).")]
    public int? Port { get; init; }

    [CommandOption("--ip-type")]
    [Description("4 or 6 (default: from --ip).")]
    public int? IpType { get; init; }

    [CommandOption("--protocol")]
    [Description("Protocol byte (default 4, the SDK's constant).")]
    public int Protocol { get; init; } = 4;

    [CommandOption("--axon-version|--version-int")]
    [Description("Version as major·10^6 + minor·10^3 + patch (default 10002000, SDK 10.2.0).")]
    public uint Version { get; init; } = 10_002_000;
}

public sealed class AxonServeSettings : AxonSettings
{
    [CommandOption("--ip")]
    [Description("External IPv4 (a.b.c.d) or IPv6 address; the chain refuses 127.0.0.1 and ::1.")]
    public string? Ip { get; init; }
}

/// <summary><c>tao axon serve</c>: JSON data adds netuid, hotkey, ip, ip_int (string), port, ip_type, protocol, version.</summary>
public sealed class AxonServeCommand : ChainCommand<AxonServeSettings>
{
    protected override int Run(AxonServeSettings settings, WalletPrompts prompts) =>
        AxonServe.Run(settings, prompts, settings.Ip ?? throw new UsageException("--ip is required"), settings.Port);
}

/// <summary><c>tao axon reset</c>: serve ip 0 (the chain allows it; the SDK reads it as not serving).</summary>
public sealed class AxonResetCommand : ChainCommand<AxonSettings>
{
    protected override int Run(AxonSettings settings, WalletPrompts prompts) => AxonServe.Run(settings, prompts, "0.0.0.0", settings.Port ?? 1);
}

internal static class AxonServe
{
    public static int Run(AxonSettings settings, WalletPrompts prompts, string ip, int? port)
    {
        var netuid = RequireNetuid(settings.Netuid);
        AxonEndpoint endpoint;
        try
        {
            endpoint = AxonEndpoint.Parse(ip);
        }
        catch (FormatException e)
        {
            throw new UsageException("--ip: " + e.Message);
        }
        if (port is not (>= 1 and <= 65535)) throw new UsageException("--port must be 1..65535");
        var ipType = settings.IpType ?? endpoint.IpType;
        if (ipType is not (4 or 6)) throw new UsageException("--ip-type must be 4 or 6");
        if (settings.Protocol is < 0 or > 255) throw new UsageException("--protocol must be 0..255");
        using var hotkey = Hotkey(settings, prompts);
        Confirm(settings, $"Serve {endpoint}:{port} for {hotkey.Ss58Address} on subnet {netuid}?");
        var result = Submit(settings, hotkey, Calls.ServeAxon(netuid, settings.Version, endpoint.Ip, (ushort)port.Value, (byte)ipType, (byte)settings.Protocol), "serve_axon");
        WriteTransaction(settings, result, $"Axon {endpoint}:{port} served on subnet {netuid}", w =>
        {
            w.WriteNumber("netuid", netuid.Value);
            w.WriteString("hotkey", hotkey.Ss58Address);
            w.WriteString("ip", endpoint.ToString());
            w.WriteString("ip_int", endpoint.Ip.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("port", port.Value);
            w.WriteNumber("ip_type", ipType);
            w.WriteNumber("protocol", settings.Protocol);
            w.WriteNumber("version", settings.Version);
        });
        return 0;
    }
}
