using TaoSharp.TestKit;
using System.Text;
using System.Text.Json.Nodes;
using static TaoSharp.Crypto.Tests.Sr25519TestSupport;

namespace TaoSharp.Crypto.Tests;

/// <summary>
/// Cross-checks against two independent implementations run by tools/oracle: @scure/sr25519 and Rust
/// schnorrkel compiled to wasm (@polkadot/wasm-crypto). Inputs are random; the seed is in every failure message.
/// </summary>
[Trait("Category", "Oracle")]
public sealed class OracleSr25519Tests(OracleProcess oracle) : IClassFixture<OracleProcess>
{
    private static readonly string[] Implementations = ["scure", "schnorrkel"];

    [Fact]
    public void Oracle_signatures_verify_with_ours_and_tampering_is_rejected()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 30; i++)
        {
            string impl = Implementations[i % 2];
            byte[] mini = Bytes(random, 32);
            byte[] message = Bytes(random, random.Next(0, 200));
            JsonObject signed = oracle.Call(new JsonObject { ["op"] = "sign", ["impl"] = impl, ["mini"] = ToHex(mini), ["msg"] = ToHex(message) });
            byte[] pub = Hex((string)signed["public"]!);
            byte[] signature = Hex((string)signed["signature"]!);

            using var ours = Sr25519KeyPair.FromMiniSecret(mini);
            Assert.Equal(ToHex(ours.PublicKey), ToHex(pub));
            Assert.True(Sr25519.Verify(pub, message, signature), $"seed {seed}, case {i}, {impl}");

            signature[random.Next(64)] ^= (byte)(1 << random.Next(8));
            Assert.False(Sr25519.Verify(pub, message, signature), $"seed {seed}, case {i}, tampered {impl} signature");
        }
    }

    [Fact]
    public void Our_signatures_verify_with_both_oracle_implementations()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 20; i++)
        {
            byte[] mini = Bytes(random, 32);
            byte[] message = Bytes(random, random.Next(0, 200));
            using var ours = Sr25519KeyPair.FromMiniSecret(mini);
            byte[] signature = ours.Sign(message);
            foreach (string impl in Implementations)
            {
                Assert.True(OracleVerifies(impl, ours.PublicKey, message, signature), $"seed {seed}, case {i}, {impl}");
            }

            byte[] other = [.. message, 0x00];
            Assert.False(OracleVerifies("schnorrkel", ours.PublicKey, other, signature), $"seed {seed}, case {i}: oracle accepted a changed message");
        }
    }

    [Fact]
    public void Random_mini_secrets_give_the_same_public_key_and_ed25519_form_secret()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 20; i++)
        {
            byte[] mini = Bytes(random, 32);
            using var ours = Sr25519KeyPair.FromMiniSecret(mini);
            foreach (string impl in Implementations)
            {
                JsonObject pair = oracle.Call(new JsonObject { ["op"] = "keypair", ["impl"] = impl, ["mini"] = ToHex(mini) });
                Assert.Equal((string)pair["public"]!, ToHex(ours.PublicKey));
                Assert.Equal((string)pair["secret"]!, ToHex(ours.ToEd25519SecretBytes()));
            }
        }
    }

    [Fact]
    public void Random_mnemonics_and_paths_derive_the_same_keys()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 16; i++)
        {
            JsonObject generated = oracle.Call(new JsonObject { ["op"] = "mnemonic", ["words"] = new[] { 12, 15, 18, 21, 24 }[i % 5] });
            string path = RandomPath(random);
            string impl = Implementations[i % 2];
            JsonObject derived = oracle.Call(new JsonObject
            {
                ["op"] = "derive", ["impl"] = impl, ["mnemonic"] = (string)generated["mnemonic"]!, ["path"] = path,
            });

            using var root = Sr25519KeyPair.FromMiniSecret(Hex((string)generated["mini"]!));
            using var ours = Derive(root, path);
            string context = $"seed {seed}, case {i}, {impl}, path {path}";
            Assert.True((string)derived["public"]! == ToHex(ours.PublicKey), context);

            // Hard-only paths are fully deterministic, so the whole secret must match too.
            if (!path.Replace("//", "", StringComparison.Ordinal).Contains('/', StringComparison.Ordinal))
            {
                Assert.True((string)derived["secret"]! == ToHex(ours.ToEd25519SecretBytes()), context);
            }

            var junctions = derived["junctions"]!.AsArray();
            var ourJunctions = Junctions(path).ToList();
            Assert.Equal(junctions.Count, ourJunctions.Count);
            for (int j = 0; j < junctions.Count; j++)
            {
                Assert.Equal((bool)junctions[j]!["hard"]!, ourJunctions[j].Hard);
                Assert.Equal((string)junctions[j]!["chainCode"]!, ToHex(ChainCode(ourJunctions[j].Name)));
            }
        }
    }

    [Fact]
    public void Soft_public_derivation_matches_both_implementations()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 20; i++)
        {
            using var pair = Sr25519KeyPair.FromMiniSecret(Bytes(random, 32));
            byte[] chainCode = Bytes(random, 32);
            byte[] ours = Sr25519.DeriveSoftPublic(pair.PublicKey, chainCode);
            using var derivedPair = pair.DeriveSoft(chainCode);
            Assert.Equal(ours, derivedPair.PublicKey);
            foreach (string impl in Implementations)
            {
                JsonObject theirs = oracle.Call(new JsonObject
                {
                    ["op"] = "derivePublicSoft", ["impl"] = impl, ["public"] = ToHex(pair.PublicKey), ["chainCode"] = ToHex(chainCode),
                });
                Assert.True((string)theirs["public"]! == ToHex(ours), $"seed {seed}, case {i}, {impl}");
            }
        }
    }

    private bool OracleVerifies(string impl, byte[] pub, byte[] message, byte[] signature) =>
        (bool)oracle.Call(new JsonObject
        {
            ["op"] = "verify", ["impl"] = impl, ["public"] = ToHex(pub), ["msg"] = ToHex(message), ["signature"] = ToHex(signature),
        })["valid"]!;

    internal static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>1–4 junctions, hard or soft, named by a u64, a short word, or a name longer than 32 bytes (hashed).</summary>
    internal static string RandomPath(Random random, bool hardOnly = false)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        var path = new StringBuilder();
        int count = random.Next(1, 5);
        for (int j = 0; j < count; j++)
        {
            path.Append(hardOnly || random.Next(2) == 0 ? "//" : "/");
            switch (random.Next(3))
            {
                case 0:
                    path.Append((ulong)random.NextInt64(0, long.MaxValue));
                    break;
                default:
                    // Start with a letter: polkadot-js reads "0x…" junctions as hex, sp-core does not.
                    path.Append((char)('a' + random.Next(26)));
                    int length = random.Next(0, random.Next(2) == 0 ? 8 : 50);
                    for (int k = 0; k < length; k++)
                    {
                        path.Append(letters[random.Next(letters.Length)]);
                    }

                    break;
            }
        }

        return path.ToString();
    }
}
