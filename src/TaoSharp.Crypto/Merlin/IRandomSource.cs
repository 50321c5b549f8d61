namespace TaoSharp.Crypto.Merlin;

/// <summary>External randomness for witness RNGs; production uses the OS CSPRNG, tests inject fixed bytes.</summary>
internal interface IRandomSource
{
    void Fill(Span<byte> output);
}
