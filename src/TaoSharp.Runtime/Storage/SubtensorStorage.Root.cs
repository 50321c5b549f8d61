using TaoSharp.Primitives;
using TaoSharp.Primitives.Hashing;
using TaoSharp.Primitives.Scale;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Storage;

/// <summary>Root subnet membership (spec-dtao §7).</summary>
public static partial class SubtensorStorage
{
    /// <summary>At most this many root validators.</summary>
    public const ushort MaxRootValidators = 64;
}
