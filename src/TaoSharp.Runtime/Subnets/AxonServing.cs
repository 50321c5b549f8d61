using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;
using TaoSharp.Runtime.Storage;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// <c>serve_axon</c> / <c>serve_axon_tls</c> (spec-client §3.10): a registered hotkey publishes its endpoint. Checks in
/// the reference's order: registered, ip type 4 or 6, address (zero allowed for testing; no loopback, no all-ones),
/// serving rate limit since the hotkey's last serve, port not 0. <c>serve_prometheus</c> publishes the metrics
/// endpoint with the reference's other order (ip type, address with zero refused, registered, rate limit, port).
/// </summary>
public static class AxonServing
{
    /// <summary>Longest public key a certificate may carry (the reference's bounded vector of 64 bytes).</summary>
    public const int MaxCertificateKeyBytes = 64;

    private const ulong Ipv4Loopback = 0x7f00_0001;

    public static void Serve(IStateAccess state, AccountId hotkey, NetUid netuid, uint version, UInt128 ip, ushort port,
        byte ipType, byte protocol, byte placeholder1, byte placeholder2, byte[]? certificate, ulong block, EventLog? events)
    {
        if (!SubtensorStorage.Uids.Contains(state, netuid, hotkey))
            throw new DispatchException(DispatchError.HotKeyNotRegisteredInNetwork);
        if (ipType is not (4 or 6)) throw new DispatchException(DispatchError.InvalidIpType, $"ip_type {ipType} (expected 4 or 6)");
        if (!IsValidAddress(ipType, ip)) throw new DispatchException(DispatchError.InvalidIpAddress);

        var previous = SubtensorStorage.Axons.Get(state, netuid, hotkey);
        var limit = SubtensorStorage.ServingRateLimit.Get(state, netuid);
        if (limit != 0 && previous.Block != 0 && block - System.Math.Min(block, previous.Block) < limit)
            throw new DispatchException(DispatchError.ServingRateLimitExceeded,
                $"last served at block {previous.Block}, limit {limit} blocks");
        if (port == 0) throw new DispatchException(DispatchError.InvalidPort);

        // As the reference: a malformed certificate is ignored rather than failing the call.
        if (certificate is { Length: >= 1 and <= MaxCertificateKeyBytes + 1 })
            SubtensorStorage.NeuronCertificates.Set(state, netuid, hotkey, certificate);
        SubtensorStorage.Axons.Set(state, netuid, hotkey,
            new AxonInfo(block, version, ip, port, ipType, protocol, placeholder1, placeholder2));
        events?.Deposit("SubtensorModule", "AxonServed", ("netuid", netuid.Value.ToString()), ("hotkey", hotkey.ToHex()));
    }

    /// <summary>
    /// <c>serve_prometheus</c>: the same address rules as an axon except that zero is refused, and a rate limit of its
    /// own (ServingRateLimit blocks since the last Prometheus serve; serving an axon does not consume it).
    /// </summary>
    public static void ServePrometheus(IStateAccess state, AccountId hotkey, NetUid netuid, uint version, UInt128 ip, ushort port,
        byte ipType, ulong block, EventLog? events)
    {
        if (ipType is not (4 or 6)) throw new DispatchException(DispatchError.InvalidIpType, $"ip_type {ipType} (expected 4 or 6)");
        if (ip == 0 || !IsValidAddress(ipType, ip)) throw new DispatchException(DispatchError.InvalidIpAddress);
        if (!SubtensorStorage.Uids.Contains(state, netuid, hotkey))
            throw new DispatchException(DispatchError.HotKeyNotRegisteredInNetwork);

        var previous = SubtensorStorage.Prometheus.Get(state, netuid, hotkey);
        var limit = SubtensorStorage.ServingRateLimit.Get(state, netuid);
        if (limit != 0 && previous.Block != 0 && block - System.Math.Min(block, previous.Block) < limit)
            throw new DispatchException(DispatchError.ServingRateLimitExceeded,
                $"last served at block {previous.Block}, limit {limit} blocks");
        if (port == 0) throw new DispatchException(DispatchError.InvalidPort);

        SubtensorStorage.Prometheus.Set(state, netuid, hotkey, new PrometheusInfo(block, version, ip, port, ipType));
        events?.Deposit("SubtensorModule", "PrometheusServed", ("netuid", netuid.Value.ToString()), ("hotkey", hotkey.ToHex()));
    }

    /// <summary>Forgets what a hotkey served on a subnet (its UID was replaced or trimmed away), as the reference does.</summary>
    public static void Forget(IStateAccess state, NetUid netuid, AccountId hotkey)
    {
        SubtensorStorage.Axons.Remove(state, netuid, hotkey);
        SubtensorStorage.NeuronCertificates.Remove(state, netuid, hotkey);
        SubtensorStorage.Prometheus.Remove(state, netuid, hotkey);
    }

    /// <summary>The reference's <c>is_valid_ip_address</c> with zero allowed.</summary>
    public static bool IsValidAddress(byte ipType, UInt128 ip) => ipType switch
    {
        4 => ip < uint.MaxValue && ip != Ipv4Loopback,
        6 => ip != UInt128.MaxValue && ip != 1,
        _ => false,
    };
}
