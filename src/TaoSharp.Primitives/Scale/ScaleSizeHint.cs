namespace TaoSharp.Primitives.Scale;

/// <summary>
/// Implemented by codecs whose every encoding takes at least <see cref="MinEncodedSize"/> bytes.
/// Collection decoders multiply a claimed element count by it and compare with the remaining input
/// before allocating, which bounds the memory a hostile length prefix can request.
/// </summary>
internal interface IScaleSizeHint
{
    int MinEncodedSize { get; }
}

internal static class ScaleSizeHint
{
    /// <summary>The codec's lower bound, or 1 for codecs that do not declare one (every SCALE value but () takes a byte).</summary>
    internal static int MinEncodedSize<T>(IScaleCodec<T> codec) =>
        codec is IScaleSizeHint hint ? System.Math.Max(hint.MinEncodedSize, 1) : 1;

    /// <summary>Adds two bounds, saturating at int.MaxValue.</summary>
    internal static int Sum(int a, int b) => (int)System.Math.Min((long)a + b, int.MaxValue);
}
