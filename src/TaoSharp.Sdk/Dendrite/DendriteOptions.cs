namespace TaoSharp.Sdk;

/// <summary>Dendrite settings (spec-client §3.9).</summary>
public sealed record DendriteOptions
{
    /// <summary>Sent as <c>bt_header_dendrite_ip</c>; an axon advertising this same IP is reached on 127.0.0.1.</summary>
    public string ExternalIp { get; init; } = "127.0.0.1";

    public long Version { get; init; } = ProtocolVersion.Current;

    /// <summary>Python's default total timeout.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Largest accepted response body; larger answers become 400 "Payload error".</summary>
    public long MaxResponseBodyBytes { get; init; } = 16 * 1024 * 1024;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
