using System.Security.Cryptography;

namespace TaoSharp.Crypto.Merlin;

/// <summary>The operating system's CSPRNG; stateless, so one shared instance serves every key pair.</summary>
internal sealed class OsRandomSource : IRandomSource
{
    internal static readonly OsRandomSource Instance = new();

    private OsRandomSource()
    {
    }

    public void Fill(Span<byte> output) => RandomNumberGenerator.Fill(output);
}
