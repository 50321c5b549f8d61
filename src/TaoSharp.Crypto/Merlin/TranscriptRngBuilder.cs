namespace TaoSharp.Crypto.Merlin;

/// <summary>
/// Merlin's TranscriptRngBuilder: rekeys a forked transcript with secret witness bytes, then with external
/// randomness, producing an RNG that is safe as long as either the witness or the randomness is secret.
/// </summary>
internal sealed class TranscriptRngBuilder : IDisposable
{
    private readonly Strobe128 _strobe;
    private bool _finalized;

    internal TranscriptRngBuilder(Strobe128 strobe) => _strobe = strobe;

    internal TranscriptRngBuilder RekeyWithWitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness)
    {
        ThrowIfFinalized();
        Span<byte> length = stackalloc byte[4];
        Transcript.WriteLength(length, witness.Length);
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Key(witness, more: false);
        return this;
    }

    /// <summary>Mixes in 32 bytes from <paramref name="randomness"/> and hands the keyed STROBE to a <see cref="TranscriptRng"/>.</summary>
    internal TranscriptRng Finalize(IRandomSource randomness)
    {
        ThrowIfFinalized();
        _finalized = true;
        Span<byte> random = stackalloc byte[32];
        randomness.Fill(random);
        _strobe.MetaAd("rng"u8, more: false);
        _strobe.Key(random, more: false);
        random.Clear();
        return new TranscriptRng(_strobe);
    }

    public void Dispose()
    {
        // After Finalize the STROBE belongs to the TranscriptRng, which disposes it.
        if (!_finalized)
        {
            _strobe.Dispose();
        }
    }

    private void ThrowIfFinalized()
    {
        if (_finalized)
        {
            throw new InvalidOperationException("The transcript RNG builder was already finalized.");
        }
    }
}
