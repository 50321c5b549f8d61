using System.Security.Cryptography;
using System.Text;

namespace TaoSharp.Crypto.Merlin;

/// <summary>
/// The subset of STROBE v1.0.2 at the 128-bit security level that Merlin uses: AD, meta-AD, PRF and KEY,
/// each with the "more" (continue previous operation) flag. Transport operations, MACs and ratchets are
/// deliberately absent because Merlin never calls them.
/// </summary>
internal sealed class Strobe128 : IDisposable
{
    // Rate in bytes: 200 − 2·(128/8) − 2 (the two bytes reserved for padding / operation framing).
    private const int Rate = KeccakF1600.StateBytes - (2 * 128 / 8) - 2;

    [Flags]
    private enum OperationFlags : byte
    {
        None = 0,
        Inbound = 1 << 0,
        Application = 1 << 1,
        Cipher = 1 << 2,
        Transport = 1 << 3,
        Meta = 1 << 4,
        Keyed = 1 << 5,
    }

    private readonly byte[] _state;
    private int _position;
    private int _positionBegin;
    private OperationFlags _currentFlags;

    internal Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        _state = new byte[KeccakF1600.StateBytes];
        // cSHAKE-style domain separation block: [1, rate+2, 1, 0, 1, 12·8] ‖ "STROBEv1.0.2".
        _state[0] = 1;
        _state[1] = Rate + 2;
        _state[2] = 1;
        _state[3] = 0;
        _state[4] = 1;
        _state[5] = 96;
        Encoding.ASCII.GetBytes("STROBEv1.0.2", _state.AsSpan(6));
        KeccakF1600.Permute(_state);
        MetaAd(protocolLabel, more: false);
    }

    private Strobe128(Strobe128 other)
    {
        _state = (byte[])other._state.Clone();
        _position = other._position;
        _positionBegin = other._positionBegin;
        _currentFlags = other._currentFlags;
    }

    internal Strobe128 Clone() => new(this);

    internal void MetaAd(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(OperationFlags.Meta | OperationFlags.Application, more);
        Absorb(data);
    }

    internal void Ad(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(OperationFlags.Application, more);
        Absorb(data);
    }

    internal void Prf(Span<byte> output, bool more)
    {
        BeginOperation(OperationFlags.Inbound | OperationFlags.Application | OperationFlags.Cipher, more);
        Squeeze(output);
    }

    internal void Key(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(OperationFlags.Application | OperationFlags.Cipher, more);
        Overwrite(data);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_state);

    private void BeginOperation(OperationFlags flags, bool more)
    {
        if (more)
        {
            if (flags != _currentFlags)
            {
                throw new InvalidOperationException($"STROBE: cannot continue operation {_currentFlags} as {flags}.");
            }

            return;
        }

        int previousBegin = _positionBegin;
        _positionBegin = _position + 1;
        _currentFlags = flags;
        Span<byte> header = [(byte)previousBegin, (byte)flags];
        Absorb(header);

        // Cipher and keyed operations must start on a fresh block so their output depends on everything before.
        bool forcePermutation = (flags & (OperationFlags.Cipher | OperationFlags.Keyed)) != 0;
        if (forcePermutation && _position != 0)
        {
            RunF();
        }
    }

    private void RunF()
    {
        _state[_position] ^= (byte)_positionBegin;
        _state[_position + 1] ^= 0x04;
        _state[Rate + 1] ^= 0x80;
        KeccakF1600.Permute(_state);
        _position = 0;
        _positionBegin = 0;
    }

    private void Absorb(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            _state[_position] ^= b;
            Advance();
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            _state[_position] = b;
            Advance();
        }
    }

    private void Squeeze(Span<byte> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = _state[_position];
            _state[_position] = 0;
            Advance();
        }
    }

    private void Advance()
    {
        _position++;
        if (_position == Rate)
        {
            RunF();
        }
    }
}
