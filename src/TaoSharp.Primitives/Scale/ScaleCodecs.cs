using TaoSharp.Math;

namespace TaoSharp.Primitives.Scale;

/// <summary>
/// Ready-made codecs. The leaf codecs are stateless singletons; the factory methods build
/// composite codecs, which callers declare once (as static readonly fields) and reuse.
/// </summary>
public static class ScaleCodecs
{
    public static readonly IScaleCodec<byte> U8 = new U8Codec();
    public static readonly IScaleCodec<ushort> U16 = new U16Codec();
    public static readonly IScaleCodec<uint> U32 = new U32Codec();
    public static readonly IScaleCodec<ulong> U64 = new U64Codec();
    public static readonly IScaleCodec<UInt128> U128 = new U128Codec();
    public static readonly IScaleCodec<sbyte> I8 = new I8Codec();
    public static readonly IScaleCodec<short> I16 = new I16Codec();
    public static readonly IScaleCodec<int> I32 = new I32Codec();
    public static readonly IScaleCodec<long> I64 = new I64Codec();
    public static readonly IScaleCodec<Int128> I128 = new I128Codec();
    public static readonly IScaleCodec<bool> Bool = new BoolCodec();

    /// <summary><c>Compact&lt;u64&gt;</c>.</summary>
    public static readonly IScaleCodec<ulong> Compact = new CompactU64Codec();

    /// <summary><c>Compact&lt;u16&gt;</c>: decoding rejects values above u16::MAX.</summary>
    public static readonly IScaleCodec<ushort> CompactU16 = new CompactU16Codec();

    /// <summary><c>Compact&lt;u32&gt;</c>: decoding rejects values above u32::MAX.</summary>
    public static readonly IScaleCodec<uint> CompactU32 = new CompactU32Codec();

    /// <summary><c>Compact&lt;u128&gt;</c>.</summary>
    public static readonly IScaleCodec<UInt128> CompactU128 = new CompactU128Codec();

    /// <summary><c>Vec&lt;u8&gt;</c> of any length the input holds.</summary>
    public static readonly IScaleCodec<byte[]> Bytes = new BytesCodec(int.MaxValue);

    /// <summary>A UTF-8 string (<c>Vec&lt;u8&gt;</c> that must be valid UTF-8).</summary>
    public static readonly IScaleCodec<string> String = new StringCodec(int.MaxValue);

    public static readonly IScaleCodec<AccountId> AccountId = new AccountIdCodec();
    public static readonly IScaleCodec<Hash256> Hash256 = new Hash256Codec();
    public static readonly IScaleCodec<NetUid> NetUid = new NetUidCodec();
    public static readonly IScaleCodec<Uid> Uid = new UidCodec();

    /// <summary>u64, the width subtensor stores block numbers with.</summary>
    public static readonly IScaleCodec<BlockNumber> BlockNumber = new BlockNumberCodec();

    public static readonly IScaleCodec<TaoBalance> TaoBalance = new TaoBalanceCodec();
    public static readonly IScaleCodec<AlphaBalance> AlphaBalance = new AlphaBalanceCodec();

    /// <summary>u32 parts per billion; decoding rejects values above 10^9.</summary>
    public static readonly IScaleCodec<Perbill> Perbill = new PerbillCodec();

    /// <summary>u64 parts per 10^18; decoding rejects values above 10^18.</summary>
    public static readonly IScaleCodec<Perquintill> Perquintill = new PerquintillCodec();

    /// <summary>Raw i64 bits (8 bytes).</summary>
    public static readonly IScaleCodec<I32F32> I32F32 = new I32F32Codec();

    /// <summary>Raw i128 bits (16 bytes).</summary>
    public static readonly IScaleCodec<I64F64> I64F64 = new I64F64Codec();

    /// <summary>Raw i128 bits (16 bytes).</summary>
    public static readonly IScaleCodec<I96F32> I96F32 = new I96F32Codec();

    /// <summary>Raw i128 bits (16 bytes).</summary>
    public static readonly IScaleCodec<I110F18> I110F18 = new I110F18Codec();

    /// <summary>Raw u128 bits (16 bytes).</summary>
    public static readonly IScaleCodec<U64F64> U64F64 = new U64F64Codec();

    /// <summary>Raw u128 bits (16 bytes).</summary>
    public static readonly IScaleCodec<U96F32> U96F32 = new U96F32Codec();

    private static readonly IScaleCodec<bool?> OptionBool = new OptionBoolCodec();

    /// <summary><c>Vec&lt;u8&gt;</c> whose decoded length may not exceed <paramref name="maxLength"/>.</summary>
    public static IScaleCodec<byte[]> BoundedBytes(int maxLength) => new BytesCodec(NonNegative(maxLength));

    /// <summary>A UTF-8 string of at most <paramref name="maxBytes"/> encoded bytes.</summary>
    public static IScaleCodec<string> BoundedString(int maxBytes) => new StringCodec(NonNegative(maxBytes));

    /// <summary><c>[u8; N]</c>.</summary>
    public static IScaleCodec<byte[]> FixedBytes(int length) => new FixedBytesCodec(NonNegative(length));

    /// <summary><c>Vec&lt;T&gt;</c>, optionally bounded (Substrate's <c>BoundedVec</c>).</summary>
    public static IScaleCodec<T[]> Vec<T>(IScaleCodec<T> element, int maxLength = int.MaxValue) =>
        new VecCodec<T>(NotNull(element), NonNegative(maxLength));

    /// <summary><c>[T; N]</c>.</summary>
    public static IScaleCodec<T[]> Array<T>(IScaleCodec<T> element, int length) =>
        new ArrayCodec<T>(NotNull(element), NonNegative(length));

    /// <summary><c>Option&lt;T&gt;</c> for value types; <c>Option&lt;bool&gt;</c> gets SCALE's one-byte form.</summary>
    public static IScaleCodec<T?> Option<T>(IScaleCodec<T> inner)
        where T : struct =>
        ReferenceEquals(inner, Bool) ? (IScaleCodec<T?>)OptionBool : new OptionCodec<T>(NotNull(inner));

    /// <summary><c>Option&lt;T&gt;</c> for reference types (None is null).</summary>
    public static IScaleCodec<T?> OptionRef<T>(IScaleCodec<T> inner)
        where T : class =>
        new OptionRefCodec<T>(NotNull(inner));

    public static IScaleCodec<(TA, TB)> Tuple<TA, TB>(IScaleCodec<TA> a, IScaleCodec<TB> b) =>
        new TupleCodec<TA, TB>(NotNull(a), NotNull(b));

    public static IScaleCodec<(TA, TB, TC)> Tuple<TA, TB, TC>(IScaleCodec<TA> a, IScaleCodec<TB> b, IScaleCodec<TC> c) =>
        new TupleCodec<TA, TB, TC>(NotNull(a), NotNull(b), NotNull(c));

    /// <summary>A field-less enum: one tag byte; unknown tags are a decode error.</summary>
    public static IScaleCodec<TEnum> Enum<TEnum>()
        where TEnum : struct, System.Enum =>
        new EnumCodec<TEnum>();

    /// <summary>
    /// A type encoded like <typeparamref name="TInner"/>. A converter that rejects a value by throwing
    /// ArgumentException/FormatException/OverflowException/InvalidOperationException becomes a decode error.
    /// </summary>
    public static IScaleCodec<T> Map<TInner, T>(IScaleCodec<TInner> inner, Func<TInner, T> fromInner, Func<T, TInner> toInner) =>
        new MappedCodec<TInner, T>(NotNull(inner), NotNull(fromInner), NotNull(toInner));

    /// <summary>A codec from an encode and a decode function (for structs: write and read the fields in order).</summary>
    public static IScaleCodec<T> Create<T>(ScaleEncoder<T> encode, ScaleDecoder<T> decode) => new ScaleCodec<T>(encode, decode);

    private static TValue NotNull<TValue>(TValue value)
        where TValue : class =>
        value ?? throw new ArgumentNullException(nameof(value));

    private static int NonNegative(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return value;
    }
}
