using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// A subnet's identity (the reference's <c>SubnetIdentityV3</c>, stored in <c>SubnetIdentitiesV3</c>): eight byte
/// strings, SCALE-encoded as eight <c>Vec&lt;u8&gt;</c> in this order. The chain does not require UTF-8 or any field;
/// only the lengths are bounded (<see cref="IsValid"/>).
/// </summary>
public sealed record SubnetIdentity(
    byte[] SubnetName, byte[] GithubRepo, byte[] SubnetContact, byte[] SubnetUrl, byte[] Discord, byte[] Description, byte[] LogoUrl,
    byte[] Additional)
{
    public static readonly IScaleCodec<SubnetIdentity> Codec = ScaleCodecs.Create<SubnetIdentity>(
        static (ScaleWriter w, in SubnetIdentity v) =>
        {
            foreach (var field in v.Fields) w.WriteBytes(field);
        },
        static (ref ScaleReader r) => Read(ref r));

    /// <summary>The fields in SCALE order.</summary>
    public IEnumerable<byte[]> Fields => [SubnetName, GithubRepo, SubnetContact, SubnetUrl, Discord, Description, LogoUrl, Additional];

    /// <summary>
    /// <c>is_valid_subnet_identity</c>: name ≤ 256 bytes, github ≤ 1024, contact ≤ 1024, url ≤ 1024, discord ≤ 256,
    /// description ≤ 1024, logo url ≤ 1024, additional ≤ 1024, and name + github + contact ≤ the sum of all limits
    /// (the reference's total check, which the per-field limits already imply).
    /// </summary>
    public bool IsValid =>
        (long)SubnetName.Length + GithubRepo.Length + SubnetContact.Length <= 256 + 1024 + 1024 + 1024 + 256 + 1024 + 1024 + 1024
        && SubnetName.Length <= 256 && GithubRepo.Length <= 1024 && SubnetContact.Length <= 1024 && SubnetUrl.Length <= 1024
        && Discord.Length <= 256 && Description.Length <= 1024 && LogoUrl.Length <= 1024 && Additional.Length <= 1024;

    /// <summary>Reads the eight fields (a call argument or a stored value).</summary>
    public static SubnetIdentity Read(ref ScaleReader r) => new(
        r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes());
}

/// <summary>
/// A coldkey's identity (the reference's <c>ChainIdentityV2</c>, stored in <c>IdentitiesV2</c>): seven byte strings,
/// SCALE-encoded as seven <c>Vec&lt;u8&gt;</c> in this order; only lengths are bounded (<see cref="IsValid"/>).
/// </summary>
public sealed record ChainIdentity(
    byte[] Name, byte[] Url, byte[] GithubRepo, byte[] Image, byte[] Discord, byte[] Description, byte[] Additional)
{
    public static readonly IScaleCodec<ChainIdentity> Codec = ScaleCodecs.Create<ChainIdentity>(
        static (ScaleWriter w, in ChainIdentity v) =>
        {
            foreach (var field in v.Fields) w.WriteBytes(field);
        },
        static (ref ScaleReader r) => Read(ref r));

    /// <summary>The fields in SCALE order.</summary>
    public IEnumerable<byte[]> Fields => [Name, Url, GithubRepo, Image, Discord, Description, Additional];

    /// <summary>
    /// <c>is_valid_identity</c>: name ≤ 256 bytes, url ≤ 256, github ≤ 256, image ≤ 1024, discord ≤ 256,
    /// description ≤ 1024, additional ≤ 1024, and the sum of every field but github ≤ 4096 (as the reference counts it).
    /// </summary>
    public bool IsValid =>
        (long)Name.Length + Url.Length + Image.Length + Discord.Length + Description.Length + Additional.Length
            <= 256 + 256 + 256 + 1024 + 256 + 1024 + 1024
        && Name.Length <= 256 && Url.Length <= 256 && GithubRepo.Length <= 256 && Image.Length <= 1024
        && Discord.Length <= 256 && Description.Length <= 1024 && Additional.Length <= 1024;

    public static ChainIdentity Read(ref ScaleReader r) => new(
        r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes(), r.ReadBytes());
}
