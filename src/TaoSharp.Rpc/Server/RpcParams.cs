using System.Globalization;
using System.Text.Json;
using TaoSharp.Primitives;

namespace TaoSharp.Rpc.Server;

/// <summary>Positional parameters of a request with typed, validating accessors (bad params → -32602 with a clear message).</summary>
public sealed class RpcParams(JsonElement? raw)
{
    private readonly JsonElement[] _items = raw is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToArray()
        : raw is null || raw.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? []
        : throw RpcException.InvalidParams("params must be an array (positional parameters)");

    public int Count => _items.Length;

    public bool Has(int i) => i < _items.Length && _items[i].ValueKind != JsonValueKind.Null;

    public JsonElement this[int i] => i < _items.Length ? _items[i]
        : throw RpcException.InvalidParams($"missing parameter {i + 1}");

    public string String(int i, string name)
    {
        var e = this[i];
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw RpcException.InvalidParams($"{name} must be a string");
    }

    public byte[] Hex(int i, string name, int maxBytes)
    {
        var s = String(i, name);
        if (!s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) throw RpcException.InvalidParams($"{name} must be 0x-prefixed hex");
        if ((s.Length - 2) / 2 > maxBytes) throw RpcException.InvalidParams($"{name} is longer than {maxBytes} bytes");
        try
        {
            return Convert.FromHexString(s.AsSpan(2));
        }
        catch (FormatException)
        {
            throw RpcException.InvalidParams($"{name} is not valid hex");
        }
    }

    public Hash256? OptionalHash(int i, string name)
    {
        if (!Has(i)) return null;
        var s = String(i, name);
        return Hash256.TryParseHex(s, out var h) ? h : throw RpcException.InvalidParams($"{name} must be a 32-byte 0x hex hash");
    }

    public ulong? OptionalU64(int i, string name)
    {
        if (!Has(i)) return null;
        var e = this[i];
        if (e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var n)) return n;
        if (e.ValueKind == JsonValueKind.String)
        {
            var s = e.GetString()!;
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && ulong.TryParse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out n)) return n;
            if (ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n)) return n;
        }
        throw RpcException.InvalidParams($"{name} must be an unsigned integer (number, decimal or 0x hex string)");
    }

    public ulong U64(int i, string name) => OptionalU64(i, name) ?? throw RpcException.InvalidParams($"missing {name}");
}
