using System.Text.Json;
using TaoSharp.Math;
using TaoSharp.TestKit;

namespace TaoSharp.Runtime.Tests;

/// <summary>Vector loading and test-only conversions for the AMM tests (doubles never reach the Runtime).</summary>
internal static class AmmTestData
{
    public static JsonElement Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("dtao", file)));
        return doc.RootElement.Clone();
    }

    /// <summary>The U64F64 the reference's <c>U64F64::from_num(f64)</c> produces for a double (exact for these inputs).</summary>
    public static U64F64 FromDouble(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = (ulong)(bits & 0xFFFFFFFFFFFFFL);
        if (exponent == 0)
        {
            return U64F64.Zero;
        }

        mantissa |= 1UL << 52;
        // value = mantissa · 2^(exponent − 1075); U64F64 bits = value · 2^64.
        var shift = exponent - 1075 + 64;
        var raw = shift >= 0 ? (UInt128)mantissa << shift : (UInt128)(mantissa >> -shift);
        return U64F64.FromBits(raw);
    }

    /// <summary>Perquintill from a double weight given as a number or as "n/d".</summary>
    public static Perquintill Weight(JsonElement w)
    {
        if (w.ValueKind == JsonValueKind.String)
        {
            var parts = w.GetString()!.Split('/');
            return Perquintill.FromRational(ulong.Parse(parts[0]), ulong.Parse(parts[1]));
        }

        // Weights in the vectors are exact quarters/halves; parts = round(w·1e18).
        return Perquintill.FromParts((ulong)System.Math.Round(w.GetDouble() * 1e18));
    }

    public static double ToDouble(U64F64 v) => (double)v.Bits / System.Math.Pow(2, 64);
}
