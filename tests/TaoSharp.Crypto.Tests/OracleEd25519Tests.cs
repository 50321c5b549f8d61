using TaoSharp.TestKit;
using System.Text.Json.Nodes;
using static TaoSharp.Crypto.Tests.Sr25519TestSupport;

namespace TaoSharp.Crypto.Tests;

/// <summary>ed25519 against @polkadot/util-crypto: signatures both ways and Substrate's hard derivation.</summary>
[Trait("Category", "Oracle")]
public sealed class OracleEd25519Tests(OracleProcess oracle) : IClassFixture<OracleProcess>
{
    [Fact]
    public void Signatures_verify_both_ways_and_are_identical()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 20; i++)
        {
            byte[] key = OracleSr25519Tests.Bytes(random, 32);
            byte[] message = OracleSr25519Tests.Bytes(random, random.Next(0, 200));
            using var ours = Ed25519KeyPair.FromSeed(key);
            JsonObject theirs = oracle.Call(new JsonObject { ["op"] = "ed25519Sign", ["seed"] = ToHex(key), ["msg"] = ToHex(message) });
            string context = $"seed {seed}, case {i}";
            Assert.True((string)theirs["public"]! == ToHex(ours.PublicKey), context);

            // Ed25519 is deterministic, so the signatures themselves must agree.
            byte[] ourSignature = ours.Sign(message);
            Assert.True((string)theirs["signature"]! == ToHex(ourSignature), context);
            Assert.True(Ed25519.Verify(ours.PublicKey, message, Hex((string)theirs["signature"]!)), context);
            JsonObject verified = oracle.Call(new JsonObject
            {
                ["op"] = "ed25519Verify", ["public"] = ToHex(ours.PublicKey), ["msg"] = ToHex(message), ["signature"] = ToHex(ourSignature),
            });
            Assert.True((bool)verified["valid"]!, context);
        }
    }

    [Fact]
    public void Random_hard_paths_derive_the_same_keys()
    {
        int seed = Random.Shared.Next();
        var random = new Random(seed);
        for (int i = 0; i < 16; i++)
        {
            byte[] mini = OracleSr25519Tests.Bytes(random, 32);
            string path = OracleSr25519Tests.RandomPath(random, hardOnly: true);
            JsonObject theirs = oracle.Call(new JsonObject { ["op"] = "derive", ["scheme"] = "ed25519", ["mini"] = ToHex(mini), ["path"] = path });

            var current = Ed25519KeyPair.FromSeed(mini);
            foreach (var (_, name) in Junctions(path))
            {
                Ed25519KeyPair next = current.DeriveHard(ChainCode(name));
                current.Dispose();
                current = next;
            }

            using (current)
            {
                string context = $"seed {seed}, case {i}, path {path}";
                Assert.True((string)theirs["public"]! == ToHex(current.PublicKey), context);
                Assert.True((string)theirs["seed"]! == ToHex(current.Seed), context);
            }
        }
    }
}
