using System.Globalization;

namespace TaoSharp.Primitives;

/// <summary>A neuron's position (u16) inside one subnet; only meaningful together with a <see cref="NetUid"/>.</summary>
public readonly record struct Uid(ushort Value) : IComparable<Uid>
{
    public int CompareTo(Uid other) => Value.CompareTo(other.Value);

    public static bool operator <(Uid left, Uid right) => left.Value < right.Value;
    public static bool operator >(Uid left, Uid right) => left.Value > right.Value;
    public static bool operator <=(Uid left, Uid right) => left.Value <= right.Value;
    public static bool operator >=(Uid left, Uid right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
