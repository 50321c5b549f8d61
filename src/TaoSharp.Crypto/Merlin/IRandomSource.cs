using System.Security.Cryptography;

namespace TaoSharp.Crypto.Merlin;

/// <summary>External randomness for witness RNGs; production uses the OS CSPRNG, tests inject fixed bytes.</summary>
internal interface IRandomSource
{
    void Fill(Span<byte> output);
}

/// <summary>The operating system's CSPRNG.</summary>
internal sealed class OsRandomSource : IRandomSource
{
    internal static readonly OsRandomSource Instance = new();

    private OsRandomSource()
    {
    }

    public void Fill(Span<byte> output) => RandomNumberGenerator.Fill(output);
}
