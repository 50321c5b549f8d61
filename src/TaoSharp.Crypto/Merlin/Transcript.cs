using System.Buffers.Binary;

namespace TaoSharp.Crypto.Merlin;

/// <summary>
/// A Merlin v1.0 transcript (merlin.cool): a STROBE-128 duplex that absorbs labelled messages and
/// squeezes labelled challenges. Every message is framed as meta-AD(label) ‖ meta-AD(u32 LE length) ‖ AD(data),
/// so transcripts with different message boundaries never collide.
/// </summary>
internal sealed class Transcript : IDisposable
{
    private readonly Strobe128 _strobe;

    internal Transcript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128("Merlin v1.0"u8);
        AppendMessage("dom-sep"u8, label);
    }

    private Transcript(Strobe128 strobe) => _strobe = strobe;

    internal Transcript Clone() => new(_strobe.Clone());

    internal void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[4];
        WriteLength(length, message.Length);
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Ad(message, more: false);
    }

    internal void AppendU64(ReadOnlySpan<byte> label, ulong value)
    {
        Span<byte> encoded = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(encoded, value);
        AppendMessage(label, encoded);
    }

    internal void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> output)
    {
        Span<byte> length = stackalloc byte[4];
        WriteLength(length, output.Length);
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Prf(output, more: false);
    }

    /// <summary>
    /// Forks the transcript into an RNG builder: the fork shares everything absorbed so far, so the witness
    /// randomness is bound to the public statement, but nothing done on the fork affects this transcript.
    /// </summary>
    internal TranscriptRngBuilder BuildRng() => new(_strobe.Clone());

    public void Dispose() => _strobe.Dispose();

    /// <summary>Merlin frames every message and request with its length as a u32, little-endian.</summary>
    internal static void WriteLength(Span<byte> destination, int length) =>
        BinaryPrimitives.WriteUInt32LittleEndian(destination, checked((uint)length));
}
