using TaoSharp.Crypto.Bip39;

namespace TaoSharp.Crypto.SecretUri;

/// <summary>
/// Turns a secret URI into a key pair the way Substrate's <c>Pair::from_string_with_seed</c> does (spec-client §1.6):
/// root = mnemonic (substrate-bip39 with the URI's password) or 0x-hex 32-byte seed or the dev phrase, then the junctions left to right.
/// </summary>
public static class SecretUriResolver
{
    public static ResolvedKey Resolve(string uri, KeyScheme scheme = KeyScheme.Sr25519) => Resolve(SecretKeyUri.Parse(uri), scheme);

    public static ResolvedKey Resolve(SecretKeyUri uri, KeyScheme scheme = KeyScheme.Sr25519)
    {
        string? phrase = null;
        byte[] seed;
        if (uri.IsHexSeed)
        {
            // As in sp-core, a hex seed ignores any ///password.
            seed = ParseHexSeed(uri.Phrase);
        }
        else
        {
            Mnemonic mnemonic;
            try
            {
                mnemonic = Mnemonic.Parse(uri.UsesDevPhrase ? DevAccounts.DevPhrase : uri.Phrase);
            }
            catch (MnemonicException e)
            {
                throw new SecretUriException($"secret URI phrase is not a valid mnemonic: {e.Message}", e);
            }
            seed = SubstrateBip39.MiniSecret(mnemonic, uri.Password ?? "");
            if (!uri.UsesDevPhrase && uri.Junctions.Count == 0 && uri.Password is null) phrase = mnemonic.Phrase;
        }

        IKeyPair pair = scheme switch
        {
            KeyScheme.Sr25519 => Sr25519KeyPair.FromMiniSecret(seed),
            KeyScheme.Ed25519 => Ed25519KeyPair.FromSeed(seed),
            _ => throw new SecretUriException($"unsupported key scheme {scheme}"),
        };
        byte[]? knownSeed = seed;
        try
        {
            foreach (var junction in uri.Junctions)
            {
                var next = Derive(pair, junction);
                pair.Dispose();
                pair = next;
                // ed25519 hard derivation yields a new seed; sr25519 derivation does not expose one.
                knownSeed = pair is Ed25519KeyPair ed ? ed.Seed : null;
            }
        }
        catch
        {
            pair.Dispose();
            throw;
        }
        return new ResolvedKey(pair, phrase, knownSeed);
    }

    private static IKeyPair Derive(IKeyPair pair, DeriveJunction junction) => pair switch
    {
        Sr25519KeyPair sr => junction.IsHard ? sr.DeriveHard(junction.ChainCode) : sr.DeriveSoft(junction.ChainCode),
        Ed25519KeyPair ed when junction.IsHard => ed.DeriveHard(junction.ChainCode),
        Ed25519KeyPair => throw new SecretUriException($"ed25519 keys only support hard derivation (//x); '{junction}' is soft"),
        _ => throw new SecretUriException($"cannot derive a {pair.Scheme} key"),
    };

    private static byte[] ParseHexSeed(string text)
    {
        var hex = text[2..];
        if (hex.Length != 64)
            throw new SecretUriException($"a hex seed must be 0x followed by 64 hex digits (32 bytes), got {hex.Length} digits");
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new SecretUriException("the hex seed contains a character that is not a hex digit");
        }
    }
}
