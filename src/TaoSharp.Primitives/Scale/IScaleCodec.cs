namespace TaoSharp.Primitives.Scale;

/// <summary>Encodes and decodes one type in SCALE. Implementations are immutable and thread-safe.</summary>
public interface IScaleCodec<T>
{
    void Encode(ScaleWriter w, in T value);

    /// <summary>Reads one value; throws only <see cref="ScaleDecodeException"/> on malformed input.</summary>
    T Decode(ref ScaleReader r);
}

public delegate void ScaleEncoder<T>(ScaleWriter writer, in T value);

public delegate T ScaleDecoder<T>(ref ScaleReader reader);

/// <summary>A codec from two functions, for composite types declared elsewhere (see <see cref="ScaleCodecs.Create"/>).</summary>
public sealed class ScaleCodec<T> : IScaleCodec<T>
{
    private readonly ScaleEncoder<T> _encode;
    private readonly ScaleDecoder<T> _decode;

    public ScaleCodec(ScaleEncoder<T> encode, ScaleDecoder<T> decode)
    {
        _encode = encode ?? throw new ArgumentNullException(nameof(encode));
        _decode = decode ?? throw new ArgumentNullException(nameof(decode));
    }

    public void Encode(ScaleWriter w, in T value) => _encode(w, value);

    public T Decode(ref ScaleReader r) => _decode(ref r);
}
