namespace TaoSharp.Primitives.Scale;

/// <summary>
/// The only exception a SCALE decoder throws: the input is truncated, non-canonical, out of range
/// or otherwise not a valid encoding of the expected type.
/// </summary>
public sealed class ScaleDecodeException : FormatException
{
    public ScaleDecodeException(string message)
        : base(message)
    {
    }

    public ScaleDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
