using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TaoSharp.Crypto.Merlin;

namespace TaoSharp.Crypto.Tests;

/// <summary>
/// Helpers for the sr25519/ed25519 tests: vector loading, hex, and a minimal junction/URI walker so these
/// tests do not depend on the SecretUri implementation (which is tested on its own).
/// </summary>
internal static class Sr25519TestSupport
{
    internal const string DevMiniSecret = "0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";

    internal static JsonElement LoadKeys(string file) =>
        JsonDocument.Parse(File.ReadAllText(TaoSharp.TestKit.SharedFiles.Vectors("keys", file))).RootElement;

    internal static byte[] Hex(string hex) => Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);

    internal static string ToHex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Substrate junction chain code: u64 LE, else SCALE string; blake2b-256 if longer than 32 bytes.</summary>
    internal static byte[] ChainCode(string junction)
    {
        var code = new byte[32];
        if (ulong.TryParse(junction, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong number))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(code, number);
            return code;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(junction);
        byte[] prefix = utf8.Length < 64
            ? [(byte)(utf8.Length << 2)]
            : [(byte)((utf8.Length << 2) | 1), (byte)(utf8.Length >> 6)];
        byte[] encoded = [.. prefix, .. utf8];
        if (encoded.Length > 32)
        {
            return NSec.Cryptography.HashAlgorithm.Blake2b_256.Hash(encoded);
        }

        encoded.CopyTo(code, 0);
        return code;
    }

    /// <summary>Splits "//a/b//c" into (hard?, name) junctions, left to right.</summary>
    internal static IEnumerable<(bool Hard, string Name)> Junctions(string path)
    {
        int i = 0;
        while (i < path.Length)
        {
            bool hard = path.AsSpan(i).StartsWith("//");
            i += hard ? 2 : 1;
            int end = path.IndexOf('/', i);
            if (end < 0)
            {
                end = path.Length;
            }

            yield return (hard, path[i..end]);
            i = end;
        }
    }

    internal static Sr25519KeyPair Derive(Sr25519KeyPair root, string path)
    {
        Sr25519KeyPair current = root;
        foreach (var (hard, name) in Junctions(path))
        {
            byte[] cc = ChainCode(name);
            Sr25519KeyPair next = hard ? current.DeriveHard(cc) : current.DeriveSoft(cc);
            if (!ReferenceEquals(current, root))
            {
                current.Dispose();
            }

            current = next;
        }

        return current;
    }

    /// <summary>substrate-bip39: PBKDF2-HMAC-SHA512 over the entropy (not the phrase), first 32 bytes.</summary>
    internal static byte[] MiniSecretFromEntropy(byte[] entropy, string password) =>
        Rfc2898DeriveBytes.Pbkdf2(entropy, Encoding.UTF8.GetBytes("mnemonic" + password), 2048, HashAlgorithmName.SHA512, 64)[..32];
}

/// <summary>Deterministic witness randomness so signatures can be compared with fixed-randomness vectors.</summary>
internal sealed class FixedRandomSource(byte fill) : IRandomSource
{
    public void Fill(Span<byte> output) => output.Fill(fill);
}
