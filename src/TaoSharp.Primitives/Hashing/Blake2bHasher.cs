namespace TaoSharp.Primitives.Hashing;

/// <summary>
/// Incremental BLAKE2b for inputs that arrive in pieces (e.g. hashing several encoded fields without
/// concatenating them first). Same digests as <see cref="Blake2b"/>; not thread-safe; reusable via <see cref="Reset"/>.
/// </summary>
public sealed class Blake2bHasher
{
    private const int BlockSize = Blake2bCompression.BlockSize;

    private readonly ulong[] _h = new ulong[8];
    private readonly byte[] _block = new byte[BlockSize];
    private int _buffered;
    private ulong _counter;
    private bool _finished;

    public Blake2bHasher(int outputLength = 32)
    {
        if (outputLength is < 1 or > Blake2b.MaxOutputLength)
        {
            throw new ArgumentOutOfRangeException(nameof(outputLength), outputLength, $"BLAKE2b digest length must be 1..{Blake2b.MaxOutputLength} bytes.");
        }

        OutputLength = outputLength;
        Reset();
    }

    public int OutputLength { get; }

    public void Reset()
    {
        Blake2b.Initialize(_h, OutputLength);
        _block.AsSpan().Clear();
        _buffered = 0;
        _counter = 0;
        _finished = false;
    }

    public Blake2bHasher Append(ReadOnlySpan<byte> data)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The hasher was finished; call Reset before appending again.");
        }

        while (!data.IsEmpty)
        {
            // A full buffered block is compressed only once more data proves it is not the last one.
            if (_buffered == BlockSize)
            {
                _counter += BlockSize;
                Blake2bCompression.Compress(_h, _block, _counter, isLast: false);
                _buffered = 0;
            }

            int take = System.Math.Min(BlockSize - _buffered, data.Length);
            data[..take].CopyTo(_block.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
        }

        return this;
    }

    /// <summary>Writes the digest; <paramref name="output"/> must be <see cref="OutputLength"/> bytes.</summary>
    public void Finish(Span<byte> output)
    {
        if (output.Length != OutputLength)
        {
            throw new ArgumentException($"Output must be {OutputLength} bytes, got {output.Length}.", nameof(output));
        }

        if (_finished)
        {
            throw new InvalidOperationException("The hasher was already finished; call Reset to hash again.");
        }

        _block.AsSpan(_buffered).Clear();
        _counter += (ulong)_buffered;
        Blake2bCompression.Compress(_h, _block, _counter, isLast: true);
        _finished = true;
        Blake2b.WriteDigest(_h, output);
    }

    public Hash256 FinishHash256()
    {
        if (OutputLength != Hash256.Length)
        {
            throw new InvalidOperationException($"This hasher produces {OutputLength}-byte digests, not 32.");
        }

        Span<byte> digest = stackalloc byte[Hash256.Length];
        Finish(digest);
        return Hash256.FromBytes(digest);
    }
}
