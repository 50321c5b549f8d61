using System.Net;

namespace TaoSharp.Subnets.Forecast.Miner;

/// <summary>How a forecast miner serves. Defaults suit a localnet; a public miner binds 0.0.0.0 and port 8091.</summary>
public sealed record MinerOptions
{
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>The address announced on chain with serve_axon; defaults to <see cref="BindAddress"/>.</summary>
    public IPAddress? ExternalAddress { get; init; }

    /// <summary>Callers whose stake (RAO) is below this are blacklisted: only validators that have skin in the game are served.</summary>
    public ulong MinCallerStake { get; init; } = 1_000_000_000;

    /// <summary>Serve hotkeys that are not registered on the subnet (off by default, as in the subnet template).</summary>
    public bool AllowUnregistered { get; init; }

    /// <summary>Model evaluations at once; further requests wait in stake order (see <see cref="StakePriorityGate"/>).</summary>
    public int MaxConcurrentForecasts { get; init; } = 2;

    /// <summary>Upper bound on one forecast whatever timeout the caller asked for.</summary>
    public TimeSpan MaxForecastTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the miner re-reads the metagraph (registrations and stakes change the blacklist).</summary>
    public TimeSpan MetagraphRefresh { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Announce the axon with serve_axon on start.</summary>
    public bool ServeOnChain { get; init; } = true;
}
