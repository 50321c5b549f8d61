using System.Globalization;

namespace TaoSharp.Primitives;

/// <summary>
/// A block height. Kept as u64 because subtensor stores block numbers as u64 in its items
/// (LastUpdate, BlockAtRegistration, ...) even though the frame block number is u32.
/// </summary>
public readonly record struct BlockNumber(ulong Value) : IComparable<BlockNumber>
{
    public static BlockNumber Genesis => default;

    /// <summary>The following block; throws <see cref="OverflowException"/> at u64::MAX, which no chain reaches.</summary>
    public BlockNumber Next() => new(checked(Value + 1));

    /// <summary>Blocks elapsed since <paramref name="earlier"/>, 0 if it is not earlier (subtensor's saturating_sub).</summary>
    public ulong SaturatingBlocksSince(BlockNumber earlier) => Value > earlier.Value ? Value - earlier.Value : 0;

    public int CompareTo(BlockNumber other) => Value.CompareTo(other.Value);

    public static bool operator <(BlockNumber left, BlockNumber right) => left.Value < right.Value;
    public static bool operator >(BlockNumber left, BlockNumber right) => left.Value > right.Value;
    public static bool operator <=(BlockNumber left, BlockNumber right) => left.Value <= right.Value;
    public static bool operator >=(BlockNumber left, BlockNumber right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
