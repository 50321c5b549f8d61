namespace TaoSharp.Crypto.Merlin;

/// <summary>Merlin's TranscriptRng: each request squeezes PRF output framed by its length.</summary>
internal sealed class TranscriptRng : IDisposable
{
    private readonly Strobe128 _strobe;

    internal TranscriptRng(Strobe128 strobe) => _strobe = strobe;

    internal void Fill(Span<byte> output)
    {
        Span<byte> length = stackalloc byte[4];
        Transcript.WriteLength(length, output.Length);
        _strobe.MetaAd(length, more: false);
        _strobe.Prf(output, more: false);
    }

    public void Dispose() => _strobe.Dispose();
}
