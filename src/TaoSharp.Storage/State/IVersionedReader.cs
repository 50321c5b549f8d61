namespace TaoSharp.Storage;

/// <summary>
/// A readable state or store that can tell whether its contents may have changed: <see cref="ReadVersion"/> takes a
/// new value after (never before) any change a read could observe. A reader that remembers values read at one
/// version may reuse them while the version stays the same (<see cref="StateOverlay"/> does so for its backing state).
/// </summary>
public interface IVersionedReader
{
    /// <summary>The current version; null when this reader cannot tell (then nothing read from it may be remembered).</summary>
    long? ReadVersion { get; }
}
