namespace TaoSharp.Math.Epoch;

/// <summary>Vector helpers of the reference epoch (<c>epoch/math.rs</c>) on raw I32F32 bits (spec-yuma §1.3).</summary>
public static class EpochVector
{
    /// <summary><c>iter().sum()</c>: plain (wrapping) addition, as a release build does.</summary>
    public static long Sum(ReadOnlySpan<long> x)
    {
        long s = 0;
        foreach (long v in x) s = unchecked(s + v);
        return s;
    }

    /// <summary><c>inplace_normalize</c>: divide by the sum (safe_div); unchanged when the sum is 0.</summary>
    public static void NormalizeInPlace(Span<long> x)
    {
        long s = Sum(x);
        if (s == 0) return;
        for (int i = 0; i < x.Length; i++) x[i] = Fx32.SafeDiv(x[i], s);
    }

    /// <summary><c>inplace_normalize_using_sum</c>.</summary>
    public static void NormalizeUsingSumInPlace(Span<long> x, long sum)
    {
        if (sum == 0) return;
        for (int i = 0; i < x.Length; i++) x[i] = Fx32.SafeDiv(x[i], sum);
    }

    /// <summary><c>vec_mul</c>: element-wise checked product, overflow → 0.</summary>
    public static long[] Mul(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        int n = System.Math.Min(a.Length, b.Length);
        var r = new long[n];
        for (int i = 0; i < n; i++) r[i] = Fx32.MulOrZero(a[i], b[i]);
        return r;
    }

    /// <summary>
    /// <c>is_topk_nonzero</c>: true for non-zero entries that are among the k largest. Ties at the cut are
    /// broken by a stable ascending sort, so lower indices lose.
    /// </summary>
    public static bool[] IsTopKNonZero(ReadOnlySpan<long> v, int k)
    {
        int n = v.Length;
        var result = new bool[n];
        for (int i = 0; i < n; i++) result[i] = v[i] != 0;
        if (n < k) return result;
        // Sort (value, index) pairs: equal values keep index order, as Rust's stable sort does.
        var pairs = new (long Value, int Index)[n];
        for (int i = 0; i < n; i++) pairs[i] = (v[i], i);
        Array.Sort(pairs, static (a, b) => a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Index.CompareTo(b.Index));
        for (int i = 0; i < n - k; i++) result[pairs[i].Index] = false;
        return result;
    }

    /// <summary><c>is_topk</c> (test helper of the reference; production uses <see cref="IsTopKNonZero"/>).</summary>
    public static bool[] IsTopK(ReadOnlySpan<long> v, int k)
    {
        int n = v.Length;
        var result = new bool[n];
        Array.Fill(result, true);
        if (n < k) return result;
        var pairs = new (long Value, int Index)[n];
        for (int i = 0; i < n; i++) pairs[i] = (v[i], i);
        Array.Sort(pairs, static (a, b) => a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Index.CompareTo(b.Index));
        for (int i = 0; i < n - k; i++) result[pairs[i].Index] = false;
        return result;
    }

    /// <summary><c>vec_max_upscale_to_u16</c> (spec-yuma §1.5): scale so the maximum becomes 65535, rounding half away from zero.</summary>
    public static ushort[] MaxUpscaleToU16(ReadOnlySpan<long> v)
    {
        var result = new ushort[v.Length];
        if (v.Length == 0) return result;
        long max = long.MinValue;
        foreach (long x in v) if (x > max) max = x;
        if (max == 0)
        {
            for (int i = 0; i < v.Length; i++) result[i] = Fx32.ToU16(Fx32.SatMul(v[i], Fx32.U16MaxBits));
            return result;
        }
        long threshold = 32768L << Fx32.FracBits;
        for (int i = 0; i < v.Length; i++)
        {
            long scaled = max > threshold
                ? Fx32.SatMul(v[i], Fx32.SafeDiv(Fx32.U16MaxBits, max))
                : Fx32.SafeDiv(Fx32.SatMul(v[i], Fx32.U16MaxBits), max);
            result[i] = Fx32.ToU16(Fx32.RoundHalfAway(scaled));
        }
        return result;
    }

    /// <summary><c>vec_u16_max_upscale_to_u16</c>: what set_weights stores.</summary>
    public static ushort[] U16MaxUpscaleToU16(ReadOnlySpan<ushort> values)
    {
        var lifted = new long[values.Length];
        for (int i = 0; i < values.Length; i++) lifted[i] = (long)values[i] << Fx32.FracBits;
        return MaxUpscaleToU16(lifted);
    }

    /// <summary><c>check_vec_max_limited</c>: the largest normalized entry is at most limit/65535 (true for empty input).</summary>
    public static bool CheckMaxLimited(ReadOnlySpan<ushort> values, ushort maxLimit)
    {
        if (values.Length == 0) return true;
        long limit = Fx32.SafeDiv((long)maxLimit << Fx32.FracBits, Fx32.U16MaxBits);
        var lifted = new long[values.Length];
        for (int i = 0; i < values.Length; i++) lifted[i] = (long)values[i] << Fx32.FracBits;
        NormalizeInPlace(lifted);
        long max = long.MinValue;
        foreach (long x in lifted) if (x > max) max = x;
        return max <= limit;
    }

    /// <summary>Element-wise <c>fixed_proportion_to_u16</c>.</summary>
    public static ushort[] ProportionsToU16(ReadOnlySpan<long> x)
    {
        var r = new ushort[x.Length];
        for (int i = 0; i < x.Length; i++) r[i] = Fx32.ProportionToU16(x[i]);
        return r;
    }
}
