namespace TaoSharp.Crypto.SecretUri;

/// <summary>
/// A parsed secret URI <c>&lt;phrase-or-0xseed&gt;? (//hard | /soft)* (///password)?</c> (spec-client §1.6), the syntax of
/// Substrate's <c>Pair::from_string</c> and btwallet's <c>create_from_uri</c>. An empty phrase means the dev phrase.
/// </summary>
public sealed class SecretKeyUri
{
    /// <summary>Longest URI we accept: bounds the work done on hostile input (24 words plus a deep path fit easily).</summary>
    public const int MaxLength = 4096;

    private SecretKeyUri(string phrase, IReadOnlyList<DeriveJunction> junctions, string? password)
    {
        Phrase = phrase;
        Junctions = junctions;
        Password = password;
    }

    /// <summary>The phrase or 0x-hex seed as written (trimmed); empty for the dev phrase.</summary>
    public string Phrase { get; }

    public bool UsesDevPhrase => Phrase.Length == 0;

    /// <summary>True when the root is a 0x-prefixed hex seed rather than a mnemonic.</summary>
    public bool IsHexSeed => Phrase.StartsWith("0x", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<DeriveJunction> Junctions { get; }

    /// <summary>The BIP39 password from <c>///password</c>, or null when absent.</summary>
    public string? Password { get; }

    public static SecretKeyUri Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Length > MaxLength)
            throw new SecretUriException($"secret URI is too long ({uri.Length} characters, at most {MaxLength})");

        // Junction texts never contain '/', so the first "///" can only start the password (which may contain anything).
        string? password = null;
        int passwordAt = uri.IndexOf("///", StringComparison.Ordinal);
        string rest = uri;
        if (passwordAt >= 0)
        {
            password = uri[(passwordAt + 3)..];
            rest = uri[..passwordAt];
        }

        int pathAt = rest.IndexOf('/');
        string phrase = (pathAt < 0 ? rest : rest[..pathAt]).Trim();
        string path = pathAt < 0 ? "" : rest[pathAt..];
        return new SecretKeyUri(phrase, ParsePath(path), password);
    }

    public static bool TryParse(string uri, out SecretKeyUri? parsed, out string? error)
    {
        try
        {
            parsed = Parse(uri);
            error = null;
            return true;
        }
        catch (SecretUriException e)
        {
            parsed = null;
            error = e.Message;
            return false;
        }
    }

    private static List<DeriveJunction> ParsePath(string path)
    {
        var junctions = new List<DeriveJunction>();
        int i = 0;
        while (i < path.Length)
        {
            // path[i] is '/' here by construction.
            bool hard = i + 1 < path.Length && path[i + 1] == '/';
            int start = i + (hard ? 2 : 1);
            int end = path.IndexOf('/', start);
            if (end < 0) end = path.Length;
            if (end == start)
                throw new SecretUriException($"secret URI has an empty derivation junction at '{path[i..]}'");
            string text = path[start..end];
            junctions.Add(hard ? DeriveJunction.Hard(text) : DeriveJunction.Soft(text));
            i = end;
        }
        return junctions;
    }
}
