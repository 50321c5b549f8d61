using System.Text;
using TaoSharp.Primitives.Hashing;

namespace TaoSharp.Crypto.Ss58;

/// <summary>A decoded SS58 address: the network prefix and the 32-byte account id (public key).</summary>
public readonly record struct Ss58Decoded(ushort Prefix, byte[] PublicKey);

/// <summary>
/// SS58 address codec (spec-client §1.7): base58(prefix ‖ key ‖ blake2b-512("SS58PRE" ‖ prefix ‖ key)[0..2]).
/// Only 32-byte account ids are handled; that is all Bittensor uses.
/// </summary>
public static class Ss58Address
{
    /// <summary>Bittensor's (generic Substrate) prefix: addresses start with '5' and have 48 characters.</summary>
    public const ushort BittensorPrefix = 42;

    /// <summary>Prefixes above this do not fit the two-byte SS58 prefix encoding.</summary>
    public const ushort MaxPrefix = 16383;

    private const int KeyLength = 32;
    private const int ChecksumLength = 2;
    // The longest valid address (2-byte prefix) is 50 characters; anything much longer is rejected before decoding.
    private const int MaxTextLength = 64;
    private static readonly byte[] ChecksumPreimagePrefix = Encoding.ASCII.GetBytes("SS58PRE");

    public static string Encode(ReadOnlySpan<byte> publicKey, ushort prefix = BittensorPrefix)
    {
        if (publicKey.Length != KeyLength)
            throw new ArgumentException($"an SS58 account id is {KeyLength} bytes, got {publicKey.Length}", nameof(publicKey));
        if (prefix > MaxPrefix)
            throw new ArgumentOutOfRangeException(nameof(prefix), prefix, $"SS58 prefixes are 0..{MaxPrefix}");

        int prefixLength = prefix < 64 ? 1 : 2;
        var data = new byte[prefixLength + KeyLength + ChecksumLength];
        if (prefixLength == 1)
        {
            data[0] = (byte)prefix;
        }
        else
        {
            data[0] = (byte)(((prefix & 0xFC) >> 2) | 0x40);
            data[1] = (byte)((prefix >> 8) | ((prefix & 0x03) << 6));
        }
        publicKey.CopyTo(data.AsSpan(prefixLength));
        Checksum(data.AsSpan(0, prefixLength + KeyLength)).CopyTo(data.AsSpan(prefixLength + KeyLength));
        return Base58.Encode(data);
    }

    /// <summary>Decodes any prefix; throws <see cref="Ss58Exception"/> with a clear message on malformed input.</summary>
    public static Ss58Decoded Decode(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
            throw new Ss58Exception("SS58 address is empty");
        if (address.Length > MaxTextLength)
            throw new Ss58Exception($"SS58 address is too long ({address.Length} characters)");

        var data = Base58.TryDecode(address, out int badIndex)
            ?? throw new Ss58Exception($"SS58 address contains '{address[badIndex]}' at position {badIndex + 1}, which is not a base58 character");
        if (data.Length == 0)
            throw new Ss58Exception("SS58 address is empty");

        int prefixLength = (data[0] & 0x40) == 0 ? 1 : 2;
        if (data.Length != prefixLength + KeyLength + ChecksumLength)
            throw new Ss58Exception(
                $"SS58 address has the wrong length: it decodes to {data.Length} bytes, expected {prefixLength + KeyLength + ChecksumLength} for a 32-byte account");
        if (data[0] >= 0x80)
            throw new Ss58Exception($"SS58 address has an invalid prefix byte 0x{data[0]:x2}");

        ushort prefix = prefixLength == 1
            ? data[0]
            : (ushort)((((data[0] & 0x3F) << 2) | (data[1] >> 6)) | ((data[1] & 0x3F) << 8));

        var expected = Checksum(data.AsSpan(0, prefixLength + KeyLength));
        if (!expected.AsSpan().SequenceEqual(data.AsSpan(prefixLength + KeyLength)))
            throw new Ss58Exception("SS58 address checksum does not match (a character is wrong)");

        return new Ss58Decoded(prefix, data.AsSpan(prefixLength, KeyLength).ToArray());
    }

    public static bool TryDecode(string? address, out Ss58Decoded decoded, out string? error)
    {
        try
        {
            decoded = Decode(address ?? "");
            error = null;
            return true;
        }
        catch (Ss58Exception e)
        {
            decoded = default;
            error = e.Message;
            return false;
        }
    }

    public static bool IsValid(string? address) => TryDecode(address, out _, out _);

    private static byte[] Checksum(ReadOnlySpan<byte> payload)
    {
        var preimage = new byte[ChecksumPreimagePrefix.Length + payload.Length];
        ChecksumPreimagePrefix.CopyTo(preimage, 0);
        payload.CopyTo(preimage.AsSpan(ChecksumPreimagePrefix.Length));
        return Blake2b.Hash512(preimage)[..ChecksumLength];
    }
}
