using System.Runtime.CompilerServices;

namespace TaoSharp.Primitives.Scale;

/// <summary><c>Vec&lt;T&gt;</c>: compact length, then the elements.</summary>
internal sealed class VecCodec<T>(IScaleCodec<T> element, int maxLength) : IScaleCodec<T[]>, IScaleSizeHint
{
    private readonly int _elementMinSize = ScaleSizeHint.MinEncodedSize(element);

    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in T[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        w.WriteCompact((ulong)value.Length);
        foreach (var item in value)
        {
            element.Encode(w, item);
        }
    }

    public T[] Decode(ref ScaleReader r)
    {
        // ReadLength already rejects more elements than remaining bytes; the element's minimum size
        // tightens that so the array allocated is never larger than the input could fill.
        int at = r.Position;
        int length = r.ReadLength(maxLength);
        if ((long)length * _elementMinSize > r.Remaining)
        {
            throw ScaleReader.Error(at, $"{length} elements of at least {_elementMinSize} bytes cannot fit in the {r.Remaining} bytes left");
        }

        var items = new T[length];
        for (int i = 0; i < length; i++)
        {
            items[i] = element.Decode(ref r);
        }
        return items;
    }
}

/// <summary><c>[T; N]</c>: exactly N elements, no length prefix.</summary>
internal sealed class ArrayCodec<T>(IScaleCodec<T> element, int length) : IScaleCodec<T[]>, IScaleSizeHint
{
    private readonly int _elementMinSize = ScaleSizeHint.MinEncodedSize(element);

    public int MinEncodedSize => (int)System.Math.Min((long)length * _elementMinSize, int.MaxValue);

    public void Encode(ScaleWriter w, in T[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != length)
        {
            throw new ArgumentException($"Fixed array needs exactly {length} elements, got {value.Length}.", nameof(value));
        }

        foreach (var item in value)
        {
            element.Encode(w, item);
        }
    }

    public T[] Decode(ref ScaleReader r)
    {
        if ((long)length * _elementMinSize > r.Remaining)
        {
            throw ScaleReader.Error(r.Position, $"fixed array of {length} elements cannot fit in the {r.Remaining} bytes left");
        }

        var items = new T[length];
        for (int i = 0; i < length; i++)
        {
            items[i] = element.Decode(ref r);
        }
        return items;
    }
}

/// <summary><c>Option&lt;T&gt;</c> for value types: tag 0 (None) or 1 then the value.</summary>
internal sealed class OptionCodec<T>(IScaleCodec<T> inner) : IScaleCodec<T?>, IScaleSizeHint
    where T : struct
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in T? value)
    {
        w.WriteU8(value.HasValue ? (byte)1 : (byte)0);
        if (value.HasValue)
        {
            inner.Encode(w, value.GetValueOrDefault());
        }
    }

    public T? Decode(ref ScaleReader r) => r.ReadOptionTag() ? inner.Decode(ref r) : null;
}

/// <summary><c>Option&lt;T&gt;</c> for reference types (null is None).</summary>
internal sealed class OptionRefCodec<T>(IScaleCodec<T> inner) : IScaleCodec<T?>, IScaleSizeHint
    where T : class
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in T? value)
    {
        w.WriteU8(value is null ? (byte)0 : (byte)1);
        if (value is not null)
        {
            inner.Encode(w, value);
        }
    }

    public T? Decode(ref ScaleReader r) => r.ReadOptionTag() ? inner.Decode(ref r) : null;
}

/// <summary>
/// parity-scale-codec packs <c>Option&lt;bool&gt;</c> into one byte: 0 None, 1 Some(true), 2 Some(false).
/// </summary>
internal sealed class OptionBoolCodec : IScaleCodec<bool?>, IScaleSizeHint
{
    public int MinEncodedSize => 1;

    public void Encode(ScaleWriter w, in bool? value) =>
        w.WriteU8(value switch { null => 0, true => 1, false => 2 });

    public bool? Decode(ref ScaleReader r)
    {
        int at = r.Position;
        return r.ReadU8() switch
        {
            0 => null,
            1 => true,
            2 => false,
            var b => throw ScaleReader.Error(at, $"invalid Option<bool> byte 0x{b:x2} (0 None, 1 true, 2 false)"),
        };
    }
}

internal sealed class TupleCodec<TA, TB>(IScaleCodec<TA> a, IScaleCodec<TB> b) : IScaleCodec<(TA, TB)>, IScaleSizeHint
{
    public int MinEncodedSize { get; } = ScaleSizeHint.Sum(ScaleSizeHint.MinEncodedSize(a), ScaleSizeHint.MinEncodedSize(b));

    public void Encode(ScaleWriter w, in (TA, TB) value)
    {
        a.Encode(w, value.Item1);
        b.Encode(w, value.Item2);
    }

    public (TA, TB) Decode(ref ScaleReader r)
    {
        var first = a.Decode(ref r);
        return (first, b.Decode(ref r));
    }
}

internal sealed class TupleCodec<TA, TB, TC>(IScaleCodec<TA> a, IScaleCodec<TB> b, IScaleCodec<TC> c) : IScaleCodec<(TA, TB, TC)>, IScaleSizeHint
{
    public int MinEncodedSize { get; } = ScaleSizeHint.Sum(
        ScaleSizeHint.Sum(ScaleSizeHint.MinEncodedSize(a), ScaleSizeHint.MinEncodedSize(b)), ScaleSizeHint.MinEncodedSize(c));

    public void Encode(ScaleWriter w, in (TA, TB, TC) value)
    {
        a.Encode(w, value.Item1);
        b.Encode(w, value.Item2);
        c.Encode(w, value.Item3);
    }

    public (TA, TB, TC) Decode(ref ScaleReader r)
    {
        var first = a.Decode(ref r);
        var second = b.Decode(ref r);
        return (first, second, c.Decode(ref r));
    }
}

/// <summary>
/// A field-less C# enum as a SCALE enum: one tag byte (the enum's numeric value). Decoding an
/// undefined tag is an error; the enum's values must all lie in 0..255.
/// </summary>
internal sealed class EnumCodec<TEnum> : IScaleCodec<TEnum>, IScaleSizeHint
    where TEnum : struct, Enum
{
    public int MinEncodedSize => 1;

    private readonly bool[] _defined = new bool[256];

    public EnumCodec()
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            ulong raw = ToRaw(value);
            if (raw > byte.MaxValue)
            {
                throw new ArgumentException($"{typeof(TEnum).Name}.{value} = {raw} does not fit a SCALE enum tag byte.");
            }
            _defined[raw] = true;
        }
    }

    public void Encode(ScaleWriter w, in TEnum value)
    {
        ulong raw = ToRaw(value);
        if (raw > byte.MaxValue || !_defined[raw])
        {
            throw new ArgumentException($"{value} is not a defined {typeof(TEnum).Name}.", nameof(value));
        }

        w.WriteU8((byte)raw);
    }

    public TEnum Decode(ref ScaleReader r)
    {
        int at = r.Position;
        byte tag = r.ReadU8();
        if (!_defined[tag])
        {
            throw ScaleReader.Error(at, $"unknown {typeof(TEnum).Name} variant {tag}");
        }

        return FromRaw(tag);
    }

    // Enums may have any integral underlying type; go through its exact size.
    private static ulong ToRaw(TEnum value) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, ushort>(ref value),
        4 => Unsafe.As<TEnum, uint>(ref value),
        _ => Unsafe.As<TEnum, ulong>(ref value),
    };

    private static TEnum FromRaw(byte tag)
    {
        switch (Unsafe.SizeOf<TEnum>())
        {
            case 1:
                return Unsafe.As<byte, TEnum>(ref tag);
            case 2:
                ushort u16 = tag;
                return Unsafe.As<ushort, TEnum>(ref u16);
            case 4:
                uint u32 = tag;
                return Unsafe.As<uint, TEnum>(ref u32);
            default:
                ulong u64 = tag;
                return Unsafe.As<ulong, TEnum>(ref u64);
        }
    }
}

/// <summary>A type encoded exactly like another (a wrapper), converting on the way in and out.</summary>
internal sealed class MappedCodec<TInner, T>(IScaleCodec<TInner> inner, Func<TInner, T> fromInner, Func<T, TInner> toInner)
    : IScaleCodec<T>, IScaleSizeHint
{
    public int MinEncodedSize { get; } = ScaleSizeHint.MinEncodedSize(inner);

    public void Encode(ScaleWriter w, in T value) => inner.Encode(w, toInner(value));

    public T Decode(ref ScaleReader r)
    {
        int at = r.Position;
        TInner decoded = inner.Decode(ref r);
        try
        {
            return fromInner(decoded);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException
                                  && e is not ScaleDecodeException)
        {
            // A converter that validates (e.g. a range check) reports through the decode error type.
            throw new ScaleDecodeException($"SCALE decode error at byte {at}: {e.Message}", e);
        }
    }
}
