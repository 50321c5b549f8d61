using TaoSharp.Primitives.Scale;

namespace TaoSharp.Chain.Extrinsics;

/// <summary>
/// A transaction's mortality (sp_runtime's Era): immortal, or valid for <see cref="Period"/> blocks starting at the
/// block whose number ≡ <see cref="Phase"/> (mod period). Encoded as one zero byte (immortal) or two bytes:
/// low 4 bits = log2(period) - 1, high 12 bits = phase / quantize factor.
/// </summary>
public readonly record struct Era(ulong Period, ulong Phase)
{
    public static readonly Era Immortal = new(0, 0);

    public bool IsImmortal => Period == 0;

    /// <summary>A mortal era covering <paramref name="period"/> blocks (rounded to a power of two in 4..65536) from <paramref name="current"/>.</summary>
    public static Era Mortal(ulong period, ulong current)
    {
        var p = period <= 4 ? 4UL : System.Math.Min(1UL << 16, System.Numerics.BitOperations.RoundUpToPowerOf2(period));
        var phase = current % p;
        var quantize = System.Math.Max(p >> 12, 1);
        return new Era(p, phase / quantize * quantize);
    }

    /// <summary>First block of the window that contains <paramref name="current"/>; the signed payload commits to its hash.</summary>
    public ulong Birth(ulong current) => IsImmortal ? 0 : (System.Math.Max(current, Phase) - Phase) / Period * Period + Phase;

    /// <summary>First block at which the transaction is no longer valid (exclusive end).</summary>
    public ulong Death(ulong current) => IsImmortal ? ulong.MaxValue : Birth(current) + Period;

    public void Encode(ScaleWriter w)
    {
        if (IsImmortal)
        {
            w.WriteU8(0);
            return;
        }
        var quantize = System.Math.Max(Period >> 12, 1);
        var log = System.Math.Clamp(System.Numerics.BitOperations.TrailingZeroCount(Period) - 1, 1, 15);
        var encoded = (ushort)(log | (int)(Phase / quantize) << 4);
        w.WriteU16(encoded);
    }

    public static Era Decode(ref ScaleReader r)
    {
        var first = r.ReadU8();
        if (first == 0) return Immortal;
        var encoded = first | (ulong)r.ReadU8() << 8;
        var period = 2UL << (int)(encoded % 16);
        var quantize = System.Math.Max(period >> 12, 1);
        var phase = (encoded >> 4) * quantize;
        if (period < 4 || phase >= period) throw new ScaleDecodeException($"invalid era: period {period}, phase {phase}");
        return new Era(period, phase);
    }

    public override string ToString() => IsImmortal ? "immortal" : $"mortal(period {Period}, phase {Phase})";
}
