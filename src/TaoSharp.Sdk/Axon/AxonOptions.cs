using System.Net;

namespace TaoSharp.Sdk;

/// <summary>Axon settings (spec-client §3.9). Defaults are safe for tests: loopback, an ephemeral port.</summary>
public sealed record AxonOptions
{
    /// <summary>Interface to bind. Python binds 0.0.0.0 whatever is configured (quirk 13); we bind what is asked.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port (see <see cref="Axon.Port"/> after start); Bittensor's default is 8091.</summary>
    public int Port { get; init; }

    /// <summary>Largest accepted request body; larger requests get 413 before any user code runs. Python has no limit.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Upper bound on the request's own <c>timeout</c> when computing the nonce freshness window (4 s + timeout).
    /// The timeout header is not signed, so without a bound a replayer could widen the window at will.
    /// </summary>
    public double MaxTimeoutSeconds { get; init; } = 120;

    /// <summary>Distinct callers (hotkey:uuid) remembered before stale ones are pruned.</summary>
    public int MaxTrackedCallers { get; init; } = 100_000;

    /// <summary>Advertised in <c>bt_header_axon_version</c>; Bittensor SDK 10.2.0 encodes as 10002000.</summary>
    public long Version { get; init; } = ProtocolVersion.Current;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>Bittensor's version_as_int (major·10^6 + minor·10^3 + patch) of the SDK whose protocol we speak.</summary>
public static class ProtocolVersion
{
    public const long Current = 10_002_000;

    /// <summary>From this version on the axon applies the nonce freshness window (bittensor 7.2.0).</summary>
    public const long FreshnessWindowSince = 7_002_000;
}
