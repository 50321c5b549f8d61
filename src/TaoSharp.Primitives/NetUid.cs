using System.Globalization;

namespace TaoSharp.Primitives;

/// <summary>A subnet id (u16). Netuid 0 is the root subnet.</summary>
public readonly record struct NetUid(ushort Value) : IComparable<NetUid>
{
    public static NetUid Root => default;

    public bool IsRoot => Value == 0;

    public int CompareTo(NetUid other) => Value.CompareTo(other.Value);

    public static bool operator <(NetUid left, NetUid right) => left.Value < right.Value;
    public static bool operator >(NetUid left, NetUid right) => left.Value > right.Value;
    public static bool operator <=(NetUid left, NetUid right) => left.Value <= right.Value;
    public static bool operator >=(NetUid left, NetUid right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
