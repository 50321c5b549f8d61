using System.Numerics;
using CsCheck;
using TaoSharp.Math.Balancer;

namespace TaoSharp.Math.Tests;

/// <summary>The certified fast evaluation never disagrees with the step-by-step emulation of the reference.</summary>
public class BalancerFastPathTests
{
    private const ulong Scale = 1_000_000_000_000_000_000;

    private static void AgreesWithReference(BigInteger a, BigInteger b, ulong n, ulong d, int precision)
    {
        var fast = PowRatioFast.TryScaled((UInt128)a, (UInt128)b, n, d, Scale);
        if (fast is { } value)
        {
            Assert.Equal(PowRatio.ApproximatePath(a, b, n, d, precision, Scale), value);
        }
    }

    [Fact]
    public void Swap_exponents_agree()
    {
        // (r/(r+Δ))^(w_a/w_b) with pool-sized reserves and weights anywhere in [0.01, 0.99].
        Gen.Select(Gen.ULong[1_000_000, 1UL << 62], Gen.ULong[1, 1UL << 62], Gen.ULong[10_000_000_000_000_000, 990_000_000_000_000_000], Gen.Bool)
            .Sample((r, delta, w, flip) =>
            {
                var w1 = Scale - w;
                AgreesWithReference(r, (BigInteger)r + delta, flip ? w : w1, flip ? w1 : w, 256);
            }, iter: 120);
    }

    [Fact]
    public void Limit_exponents_agree()
    {
        // (P_target/P_current)^w with raw U64F64 price bits, as the limit helpers call it (precision 1024).
        Gen.Select(Gen.ULong[1UL << 20, ulong.MaxValue], Gen.ULong[1, 1UL << 40], Gen.ULong[10_000_000_000_000_000, 990_000_000_000_000_000])
            .Sample((p, up, w) => AgreesWithReference((BigInteger)p << 20, ((BigInteger)p << 20) + up, w, Scale, 1024), iter: 12);
    }

    [Fact]
    public void Fast_path_is_taken_for_ordinary_swaps()
    {
        Assert.NotNull(PowRatioFast.TryScaled(1_000_000_000_000, 1_000_999_496_453, 615_384_615_384_615_384, 384_615_384_615_384_616, Scale));
        // A tiny ratio with a large exponent is out of the certified range and left to the emulation.
        Assert.Null(PowRatioFast.TryScaled(1, ulong.MaxValue, 99, 1, Scale));
    }
}
