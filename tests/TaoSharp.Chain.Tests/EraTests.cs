using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Chain.Tests;

public class EraTests
{
    [Fact]
    public void Immortal_is_one_zero_byte()
    {
        var w = new ScaleWriter();
        Era.Immortal.Encode(w);
        Assert.Equal([0x00], w.ToArray());
    }

    [Fact]
    public void Mortal_64_at_42_encodes_like_substrate()
    {
        // sp_runtime's own test: Era::mortal(64, 42) encodes as [5 + 42 % 16 * 16, 42 / 16].
        var era = Era.Mortal(64, 42);
        Assert.Equal(new Era(64, 42), era);
        var w = new ScaleWriter();
        era.Encode(w);
        Assert.Equal([0xa5, 0x02], w.ToArray());
        var r = new ScaleReader(w.ToArray());
        Assert.Equal(era, Era.Decode(ref r));
    }

    [Fact]
    public void Mortal_window_birth_and_death()
    {
        // Era::mortal(4, 6): phase 2, valid for blocks 6..9 inclusive.
        var era = Era.Mortal(4, 6);
        Assert.Equal(new Era(4, 2), era);
        Assert.Equal(6UL, era.Birth(6));
        Assert.Equal(10UL, era.Death(6));
        Assert.Equal(6UL, era.Birth(9));
        Assert.Equal(10UL, era.Birth(10));
    }

    [Fact]
    public void Large_periods_quantize_the_phase()
    {
        var era = Era.Mortal(1 << 16, 50_000);
        Assert.Equal(65536UL, era.Period);
        Assert.Equal(0UL, era.Phase % 16);
        var w = new ScaleWriter();
        era.Encode(w);
        var r = new ScaleReader(w.ToArray());
        Assert.Equal(era, Era.Decode(ref r));
    }

    [Fact]
    public void Invalid_encoding_is_a_decode_error()
    {
        // period 2^1 = 2 (< 4) is invalid.
        var bytes = new byte[] { 0x00 | 0x00, 0x00 };
        bytes[0] = 0x10; // low nibble 0 → period 2, phase 1
        Assert.Throws<ScaleDecodeException>(() =>
        {
            var r = new ScaleReader(bytes);
            Era.Decode(ref r);
        });
    }
}
