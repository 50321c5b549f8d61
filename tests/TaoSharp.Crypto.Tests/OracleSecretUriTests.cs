using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaoSharp.Crypto.Bip39;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;
using TaoSharp.TestKit;
using static TaoSharp.Crypto.Tests.Sr25519TestSupport;

namespace TaoSharp.Crypto.Tests;

/// <summary>
/// Whole secret URIs (mnemonic of every length, mixed hard/soft numeric and string junctions, optional ///password)
/// resolved by our product path (SecretKeyUri → SecretUriResolver → Ss58Address) and by polkadot-js's keyring path
/// (keyExtractSuri → mnemonicToMiniSecret → keyFromPath → encodeAddress) in one oracle round trip.
/// The seed is fixed so a failure can be replayed; every message names the case and its URI.
/// </summary>
[Trait("Category", "Oracle")]
public sealed class OracleSecretUriTests(OracleProcess oracle) : IClassFixture<OracleProcess>
{
    private const int Seed = 20261125;
    private const int CaseCount = 240;

    // One-byte and two-byte SS58 forms and their edges; polkadot-js refuses the reserved prefixes 46 and 47, so they are not drawn.
    private static readonly ushort[] NotablePrefixes = [0, 1, 2, 42, 63, 64, 65, 255, 256, 1000, 4095, 16383];

    // Precomposed (NFC-stable) text: polkadot-js NFC-normalises the URI while Substrate does not, so only NFC-stable text is comparable.
    private static readonly string[] UnicodeBits = ["é", "ß", "日本", "Ωμέγα", "ñandú", "😀", "Ünïcödé"];

    private sealed record UriCase(int Index, string Uri, KeyScheme Scheme, ushort[] Prefixes, Mnemonic Mnemonic, string? Password, bool Soft);

    [Fact]
    public void Random_secret_uris_give_the_same_keys_and_addresses_as_polkadot_js()
    {
        var random = new Random(Seed);
        var cases = Enumerable.Range(0, CaseCount).Select(i => NewCase(random, i)).ToList();
        var request = new JsonObject
        {
            ["op"] = "suriBatch",
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["suri"] = c.Uri,
                ["scheme"] = c.Scheme == KeyScheme.Ed25519 ? "ed25519" : "sr25519",
                ["prefixes"] = new JsonArray([.. c.Prefixes.Select(p => (JsonNode)JsonValue.Create((int)p))]),
            })]),
        };
        var results = oracle.Call(request)["results"]!.AsArray();
        Assert.Equal(cases.Count, results.Count);

        int compared = 0, rejectedByBoth = 0;
        foreach (var c in cases)
        {
            var theirs = results[c.Index]!.AsObject();
            string context = $"seed {Seed}, case {c.Index} ({c.Scheme}): {c.Uri}";
            if (c.Scheme == KeyScheme.Ed25519 && c.Soft)
            {
                // Neither side may derive an ed25519 key softly, and ours must say why.
                Assert.True(theirs["error"] is not null, $"{context}: oracle derived a soft ed25519 key");
                var e = Assert.Throws<SecretUriException>(() => SecretUriResolver.Resolve(c.Uri, c.Scheme));
                Assert.Contains("soft", e.Message, StringComparison.Ordinal);
                rejectedByBoth++;
                continue;
            }

            Assert.True(theirs["error"] is null, $"{context}: oracle error {theirs["error"]}");
            var parsed = SecretKeyUri.Parse(c.Uri);
            Assert.True(c.Password == parsed.Password, $"{context}: password parsed as '{parsed.Password}'");
            Assert.True((string?)theirs["password"] == parsed.Password, $"{context}: polkadot-js read password '{theirs["password"]}'");
            Assert.True(ToHex(c.Mnemonic.EntropyBytes()) == (string)theirs["entropy"]!, $"{context}: entropy");

            var junctions = theirs["junctions"]!.AsArray();
            Assert.True(junctions.Count == parsed.Junctions.Count, $"{context}: {parsed.Junctions.Count} junctions, polkadot-js {junctions.Count}");
            for (int j = 0; j < junctions.Count; j++)
            {
                Assert.True((bool)junctions[j]!["hard"]! == parsed.Junctions[j].IsHard, $"{context}: junction {j} hardness");
                Assert.True((string)junctions[j]!["chainCode"]! == ToHex(parsed.Junctions[j].ChainCodeBytes()),
                    $"{context}: junction {j} '{parsed.Junctions[j]}' chain code");
            }

            using var ours = SecretUriResolver.Resolve(parsed, c.Scheme);
            Assert.True((string)theirs["public"]! == ToHex(ours.PublicKey), $"{context}: public key");

            var addresses = theirs["addresses"]!.AsArray();
            Assert.Equal(c.Prefixes.Length, addresses.Count);
            for (int p = 0; p < c.Prefixes.Length; p++)
            {
                string their = (string)addresses[p]!;
                Assert.True(their == Ss58Address.Encode(ours.PublicKey, c.Prefixes[p]), $"{context}: SS58 prefix {c.Prefixes[p]}");
                var decoded = Ss58Address.Decode(their);
                Assert.True(decoded.Prefix == c.Prefixes[p] && decoded.PublicKey.SequenceEqual(ours.PublicKey), $"{context}: decoding {their}");
            }

            compared++;
        }

        // The generator must really have produced both kinds; otherwise the test would pass vacuously.
        Assert.True(compared >= CaseCount * 3 / 4, $"only {compared} cases compared");
        Assert.True(rejectedByBoth > 0, "no soft ed25519 case was drawn");
    }

    private static UriCase NewCase(Random random, int index)
    {
        int words = Mnemonic.AllowedWordCounts[random.Next(Mnemonic.AllowedWordCounts.Count)];
        var mnemonic = Mnemonic.FromEntropy(OracleSr25519Tests.Bytes(random, words * 4 / 3));
        var scheme = random.Next(4) == 0 ? KeyScheme.Ed25519 : KeyScheme.Sr25519;
        // ed25519 paths are hard-only except now and then, to check both sides refuse a soft step.
        bool hardOnly = scheme == KeyScheme.Ed25519 && random.Next(5) != 0;
        var path = new StringBuilder();
        bool soft = false;
        int junctionCount = random.Next(0, 6);
        for (int j = 0; j < junctionCount; j++)
        {
            bool hard = hardOnly || random.Next(2) == 0;
            soft |= !hard;
            path.Append(hard ? "//" : "/").Append(JunctionText(random));
        }

        string? password = random.Next(3) switch
        {
            0 => null,
            _ => PasswordText(random),
        };
        string uri = mnemonic.Phrase + path + (password is null ? "" : "///" + password);
        var prefixes = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => random.Next(2) == 0 ? NotablePrefixes[random.Next(NotablePrefixes.Length)] : RandomPrefix(random))
            .Prepend(Ss58Address.BittensorPrefix)
            .ToArray();
        return new UriCase(index, uri, scheme, prefixes, mnemonic, password, soft);
    }

    /// <summary>A u64 (small, large, with leading zeros, or the maximum), a short or long (hashed) word, or Unicode text.</summary>
    private static string JunctionText(Random random) => random.Next(7) switch
    {
        0 => random.Next(0, 100).ToString(CultureInfo.InvariantCulture),
        1 => ((ulong)random.NextInt64(0, long.MaxValue) * 2 + (ulong)random.Next(2)).ToString(CultureInfo.InvariantCulture),
        2 => "00" + random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
        3 => ulong.MaxValue.ToString(CultureInfo.InvariantCulture),
        4 => UnicodeBits[random.Next(UnicodeBits.Length)] + Word(random, 0, 6),
        // Start with a letter: polkadot-js reads "0x…" junctions as hex, Substrate does not.
        5 => (char)('a' + random.Next(26)) + Word(random, 31, 60),
        _ => (char)('a' + random.Next(26)) + Word(random, 0, 12),
    };

    /// <summary>Empty, printable ASCII (slashes and spaces included, so "///" inside a password is exercised), or Unicode.</summary>
    private static string PasswordText(Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return "";
            case 1:
                return UnicodeBits[random.Next(UnicodeBits.Length)] + " " + Word(random, 0, 8);
            default:
                var text = new StringBuilder();
                int length = random.Next(1, 40);
                for (int k = 0; k < length; k++)
                {
                    text.Append((char)random.Next(0x20, 0x7F));
                }

                return text.ToString();
        }
    }

    private static string Word(Random random, int min, int max)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. ";
        var word = new StringBuilder();
        int length = random.Next(min, max);
        for (int k = 0; k < length; k++)
        {
            word.Append(letters[random.Next(letters.Length)]);
        }

        return word.ToString();
    }

    private static ushort RandomPrefix(Random random)
    {
        while (true)
        {
            var prefix = (ushort)random.Next(0, Ss58Address.MaxPrefix + 1);
            if (prefix is not 46 and not 47) return prefix;
        }
    }
}
