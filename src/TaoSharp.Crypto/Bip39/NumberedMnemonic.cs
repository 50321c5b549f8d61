namespace TaoSharp.Crypto.Bip39;

/// <summary>
/// btcli also accepts "numbered" phrases such as <c>2-drive 1-bottom 3-obey …</c> (spec-client §1.3):
/// tokens are sorted by their number, which must run 1..n without gaps.
/// </summary>
public static class NumberedMnemonic
{
    /// <summary>True when every token looks like <c>&lt;n&gt;-word</c>.</summary>
    public static bool IsNumbered(string phrase)
    {
        var tokens = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length > 0 && tokens.All(t => TrySplit(t, out _, out _));
    }

    /// <summary>Returns the plain phrase for a numbered one, or the input unchanged when it is not numbered.</summary>
    public static string Normalize(string phrase)
    {
        if (!IsNumbered(phrase)) return phrase;
        var tokens = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var ordered = new string?[tokens.Length];
        foreach (var token in tokens)
        {
            TrySplit(token, out int number, out string word);
            if (number < 1 || number > tokens.Length)
                throw new MnemonicException($"numbered mnemonic: number {number} is outside 1..{tokens.Length}");
            if (ordered[number - 1] is not null)
                throw new MnemonicException($"numbered mnemonic: number {number} appears twice");
            ordered[number - 1] = word;
        }
        return string.Join(' ', ordered!);
    }

    private static bool TrySplit(string token, out int number, out string word)
    {
        number = 0;
        word = "";
        int dash = token.IndexOf('-');
        if (dash <= 0 || dash == token.Length - 1) return false;
        if (!int.TryParse(token.AsSpan(0, dash), System.Globalization.NumberStyles.None, null, out number)) return false;
        word = token[(dash + 1)..];
        return true;
    }
}
