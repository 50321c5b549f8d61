namespace TaoSharp.Primitives.Scale;

/// <summary>One-call encoding and whole-buffer decoding.</summary>
public static class Scale
{
    public static byte[] Encode<T>(IScaleCodec<T> codec, T value)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var writer = new ScaleWriter();
        codec.Encode(writer, value);
        return writer.ToArray();
    }

    /// <summary>Decodes exactly one value; trailing bytes are an error.</summary>
    public static T Decode<T>(IScaleCodec<T> codec, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var reader = new ScaleReader(bytes);
        T value = codec.Decode(ref reader);
        reader.EnsureEnd();
        return value;
    }

    /// <summary>Like <see cref="Decode"/> but reports malformed input as <paramref name="error"/> instead of throwing.</summary>
    public static bool TryDecode<T>(IScaleCodec<T> codec, ReadOnlySpan<byte> bytes, out T value, out string? error)
    {
        try
        {
            value = Decode(codec, bytes);
            error = null;
            return true;
        }
        catch (ScaleDecodeException e)
        {
            value = default!;
            error = e.Message;
            return false;
        }
    }
}
