using CsCheck;

namespace TaoSharp.Primitives.Tests;

public class BalanceTests
{
    [Theory]
    [InlineData(0UL, "0.000000000")]
    [InlineData(1UL, "0.000000001")]
    [InlineData(1_500_000_000UL, "1.500000000")]
    [InlineData(ulong.MaxValue, "18446744073.709551615")]
    public void ToString_renders_tao_with_nine_decimals(ulong rao, string expected)
    {
        Assert.Equal(expected, new TaoBalance(rao).ToString());
        Assert.Equal(expected, new AlphaBalance(rao).ToString());
    }

    [Theory]
    [InlineData("1", 1_000_000_000UL)]
    [InlineData("1.5", 1_500_000_000UL)]
    [InlineData(".5", 500_000_000UL)]
    [InlineData("0.000000001", 1UL)]
    [InlineData(" 18446744073.709551615 ", ulong.MaxValue)]
    public void ParseTao_is_exact(string text, ulong rao)
    {
        Assert.Equal(new TaoBalance(rao), TaoBalance.ParseTao(text));
        Assert.Equal(new AlphaBalance(rao), AlphaBalance.ParseAlpha(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e9")]
    [InlineData("1,5")]
    [InlineData("0.0000000001")]
    [InlineData("18446744073.709551616")]
    [InlineData("99999999999999999999999")]
    public void ParseTao_rejects_malformed_or_out_of_range(string text)
    {
        Assert.False(TaoBalance.TryParseTao(text, out _));
        Assert.Throws<FormatException>(() => TaoBalance.ParseTao(text));
    }

    [Fact]
    public void Format_and_parse_round_trip_for_any_amount()
    {
        Gen.ULong.Sample(rao => Assert.Equal(new TaoBalance(rao), TaoBalance.ParseTao(new TaoBalance(rao).ToString())));
    }

    [Fact]
    public void Saturating_and_checked_arithmetic_at_the_edges()
    {
        var max = TaoBalance.MaxValue;
        var one = new TaoBalance(1);
        Assert.Equal(max, max.SaturatingAdd(one));
        Assert.Null(max.CheckedAdd(one));
        Assert.Equal(TaoBalance.Zero, one.SaturatingSub(new TaoBalance(2)));
        Assert.Null(one.CheckedSub(new TaoBalance(2)));
        Assert.Equal(new TaoBalance(3), new TaoBalance(1).CheckedAdd(new TaoBalance(2)));
        Assert.Equal(TaoBalance.Zero, one.CheckedSub(one));
        Assert.Equal(new AlphaBalance(ulong.MaxValue), AlphaBalance.MaxValue.SaturatingAdd(new AlphaBalance(5)));
        Assert.Null(new AlphaBalance(0).CheckedSub(new AlphaBalance(1)));
    }

    [Fact]
    public void Saturating_matches_wide_integer_arithmetic()
    {
        Gen.Select(Gen.ULong, Gen.ULong).Sample((a, b) =>
        {
            var sum = (UInt128)a + b;
            Assert.Equal((ulong)UInt128.Min(sum, ulong.MaxValue), new TaoBalance(a).SaturatingAdd(new TaoBalance(b)).Rao);
            Assert.Equal(a >= b ? a - b : 0UL, new TaoBalance(a).SaturatingSub(new TaoBalance(b)).Rao);
            Assert.Equal(sum <= ulong.MaxValue, new TaoBalance(a).CheckedAdd(new TaoBalance(b)).HasValue);
        });
    }

    [Fact]
    public void FromTao_scales_and_rejects_overflow()
    {
        Assert.Equal(new TaoBalance(21_000_000UL * 1_000_000_000UL), TaoBalance.FromTao(21_000_000));
        Assert.Throws<OverflowException>(() => TaoBalance.FromTao(ulong.MaxValue));
    }

    [Fact]
    public void Comparisons_follow_the_amount()
    {
        Assert.True(new TaoBalance(1) < new TaoBalance(2));
        Assert.True(new AlphaBalance(3) >= new AlphaBalance(3));
        Assert.Equal(new TaoBalance(1), TaoBalance.Min(new TaoBalance(1), new TaoBalance(2)));
    }
}

public class IdentifierTests
{
    private const string AliceHex = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

    [Fact]
    public void NetUid_root_is_zero()
    {
        Assert.Equal(new NetUid(0), NetUid.Root);
        Assert.True(NetUid.Root.IsRoot);
        Assert.False(new NetUid(1).IsRoot);
        Assert.Equal("7", new NetUid(7).ToString());
        Assert.True(new Uid(1) < new Uid(2));
    }

    [Fact]
    public void BlockNumber_helpers()
    {
        Assert.Equal(new BlockNumber(11), new BlockNumber(10).Next());
        Assert.Equal(5UL, new BlockNumber(10).SaturatingBlocksSince(new BlockNumber(5)));
        Assert.Equal(0UL, new BlockNumber(5).SaturatingBlocksSince(new BlockNumber(10)));
        Assert.Throws<OverflowException>(() => new BlockNumber(ulong.MaxValue).Next());
    }

    [Fact]
    public void AccountId_hex_round_trip_and_bytes()
    {
        var id = AccountId.ParseHex(AliceHex);
        Assert.Equal(AliceHex, id.ToHex());
        Assert.Equal(0xd4, id.AsSpan()[0]);
        Assert.Equal(32, id.ToArray().Length);
        Assert.Equal(id, AccountId.FromBytes(id.ToArray()));
        Assert.Equal(id, AccountId.ParseHex(AliceHex[2..].ToUpperInvariant()));
        Assert.Equal(id.GetHashCode(), AccountId.FromBytes(id.ToArray()).GetHashCode());
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0xd43593")]
    [InlineData("0xzz3593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")]
    [InlineData("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d00")]
    public void AccountId_rejects_bad_hex(string hex)
    {
        Assert.False(AccountId.TryParseHex(hex, out _));
        Assert.Throws<FormatException>(() => AccountId.ParseHex(hex));
        Assert.Throws<FormatException>(() => Hash256.ParseHex(hex));
    }

    [Fact]
    public void FromBytes_requires_exactly_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => AccountId.FromBytes(new byte[31]));
        Assert.Throws<ArgumentException>(() => Hash256.FromBytes(new byte[33]));
    }

    [Fact]
    public void Ordering_is_lexicographic_by_bytes()
    {
        var low = new byte[32];
        var high = new byte[32];
        low[31] = 0xff;
        high[0] = 0x01;
        Assert.True(AccountId.FromBytes(low) < AccountId.FromBytes(high));
        Assert.True(Hash256.FromBytes(high) > Hash256.FromBytes(low));
        Assert.Equal(0, Hash256.FromBytes(low).CompareTo(Hash256.FromBytes(low)));
        Assert.Equal(Hash256.Zero, Hash256.FromBytes(new byte[32]));
    }

    [Fact]
    public void Hex_round_trips_for_random_bytes()
    {
        Gen.Byte.Array[32].Sample(bytes =>
        {
            var h = Hash256.FromBytes(bytes);
            Assert.Equal(h, Hash256.ParseHex(h.ToHex()));
            Assert.Equal(AccountId.FromBytes(bytes), AccountId.ParseHex(h.ToString()));
        });
    }
}
