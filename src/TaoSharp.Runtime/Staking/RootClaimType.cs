using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Staking;

/// <summary>What a coldkey's root dividends become when claimed (spec-dtao §4.8).</summary>
public enum RootClaimKind : byte
{
    /// <summary>Sell the alpha fee-free and stake the TAO on root (the default).</summary>
    Swap = 0,

    /// <summary>Stake the alpha on the subnet it came from.</summary>
    Keep = 1,

    /// <summary>Keep for the listed subnets, swap the others.</summary>
    KeepSubnets = 2,
}

/// <summary>The reference's <c>RootClaimTypeEnum</c>; <see cref="Subnets"/> is only used by KeepSubnets (sorted, unique).</summary>
public sealed record RootClaimType(RootClaimKind Kind, NetUid[] Subnets)
{
    /// <summary>Bound on the KeepSubnets set when decoding (netuids are u16; the subnet limit is far lower).</summary>
    public const int MaxKeepSubnets = 1024;

    public static readonly RootClaimType Swap = new(RootClaimKind.Swap, []);

    public static readonly RootClaimType Keep = new(RootClaimKind.Keep, []);

    public static RootClaimType KeepSubnets(IEnumerable<NetUid> subnets) =>
        new(RootClaimKind.KeepSubnets, subnets.Distinct().OrderBy(n => n.Value).ToArray());

    /// <summary>Whether a claim from <paramref name="netuid"/> is sold for root TAO.</summary>
    public bool Swaps(NetUid netuid) => Kind switch
    {
        RootClaimKind.Swap => true,
        RootClaimKind.Keep => false,
        _ => Array.IndexOf(Subnets, netuid) < 0,
    };

    public bool Equals(RootClaimType? other) =>
        other is not null && Kind == other.Kind && Subnets.AsSpan().SequenceEqual(other.Subnets);

    public override int GetHashCode() => HashCode.Combine(Kind, Subnets.Length);

    public override string ToString() => Kind == RootClaimKind.KeepSubnets
        ? $"KeepSubnets[{string.Join(",", Subnets.Select(n => n.Value))}]"
        : Kind.ToString();

    /// <summary>SCALE: variant byte, then for KeepSubnets the BTreeSet as a Vec of u16 (ascending, unique).</summary>
    public static readonly IScaleCodec<RootClaimType> Codec = ScaleCodecs.Create<RootClaimType>(
        (ScaleWriter w, in RootClaimType v) =>
        {
            w.WriteU8((byte)v.Kind);
            if (v.Kind == RootClaimKind.KeepSubnets) ScaleCodecs.Vec(ScaleCodecs.NetUid).Encode(w, v.Subnets);
        },
        (ref ScaleReader r) =>
        {
            var tag = r.ReadU8();
            switch (tag)
            {
                case 0: return Swap;
                case 1: return Keep;
                case 2:
                    var set = ScaleCodecs.Vec(ScaleCodecs.NetUid, MaxKeepSubnets).Decode(ref r);
                    for (var i = 1; i < set.Length; i++)
                        if (set[i].Value <= set[i - 1].Value) throw new ScaleDecodeException("KeepSubnets: subnets must be ascending and unique");
                    return new RootClaimType(RootClaimKind.KeepSubnets, set);
                default:
                    throw new ScaleDecodeException($"RootClaimType: unknown variant {tag}");
            }
        });
}
