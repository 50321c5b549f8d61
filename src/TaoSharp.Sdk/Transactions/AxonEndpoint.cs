using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TaoSharp.Sdk.Transactions;

/// <summary>
/// The integer form of an axon's IP as serve_axon and AxonInfo carry it (spec-client §3.10): IPv4 as its 32-bit
/// big-endian value (1.2.3.4 → 16909060, ip_type 4), IPv6 as its 128-bit value (ip_type 6).
/// </summary>
public readonly record struct AxonEndpoint(UInt128 Ip, byte IpType)
{
    public static AxonEndpoint Parse(string text)
    {
        var t = text?.Trim() ?? "";
        // IPAddress.TryParse also takes legacy IPv4 forms ("1.2.3" = 1.2.0.3); an axon address must be dotted quad.
        bool v6 = t.Contains(':', StringComparison.Ordinal);
        bool dottedQuad = v6 || t.Split('.') is { Length: 4 } parts && parts.All(p => byte.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (!dottedQuad || !IPAddress.TryParse(t, out var address))
            throw new FormatException($"'{text}' is not an IPv4 (a.b.c.d) or IPv6 address");
        var bytes = address.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes) value = value << 8 | b;
        return new AxonEndpoint(value, address.AddressFamily == AddressFamily.InterNetworkV6 ? (byte)6 : (byte)4);
    }

    /// <summary>Text form as the Python SDK renders it: values below 2^32 as IPv4 whatever the ip_type (netaddr's rule).</summary>
    public static string Format(UInt128 ip)
    {
        if (ip <= uint.MaxValue) return new IPAddress(new[] { (byte)(ip >> 24), (byte)(ip >> 16), (byte)(ip >> 8), (byte)ip }).ToString();
        var bytes = new byte[16];
        for (int i = 15; i >= 0; i--, ip >>= 8) bytes[i] = (byte)ip;
        return new IPAddress(bytes).ToString();
    }

    public override string ToString() => Format(Ip);
}
