using System.Collections.Frozen;
using System.Reflection;

namespace TaoSharp.Crypto.Bip39;

/// <summary>The standard BIP39 English word list (2048 words), embedded as a resource so no file lookup can fail at run time.</summary>
public sealed class Bip39Wordlist
{
    public const int WordCount = 2048;
    private const string ResourceName = "TaoSharp.Crypto.Bip39.english.txt";

    /// <summary>The one English list; immutable once loaded.</summary>
    public static Bip39Wordlist English { get; } = Load();

    private readonly string[] _words;
    private readonly FrozenDictionary<string, int> _indexByWord;

    private Bip39Wordlist(string[] words)
    {
        _words = words;
        _indexByWord = words.Select((w, i) => KeyValuePair.Create(w, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Words => _words;

    public string this[int index] => _words[index];

    /// <summary>Index 0..2047 of an exact (lower-case) word, or -1 when the word is not in the list.</summary>
    public int IndexOf(string word) => _indexByWord.TryGetValue(word, out var i) ? i : -1;

    private static Bip39Wordlist Load()
    {
        using var stream = typeof(Bip39Wordlist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != WordCount)
            throw new InvalidOperationException($"BIP39 word list has {words.Length} words, expected {WordCount}");
        return new Bip39Wordlist(words);
    }
}
