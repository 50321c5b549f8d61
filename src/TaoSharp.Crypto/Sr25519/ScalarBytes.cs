namespace TaoSharp.Crypto;

/// <summary>
/// Conversions between schnorrkel's canonical key scalar and the "ed25519 form" (key·8) that polkadot-js
/// and @scure store: a 3-bit shift of a 256-bit little-endian integer.
/// </summary>
internal static class ScalarBytes
{
    internal static void DivideByCofactor(ReadOnlySpan<byte> value, Span<byte> result)
    {
        byte carry = 0;
        for (int i = 31; i >= 0; i--)
        {
            byte current = value[i];
            result[i] = (byte)((current >> 3) | carry);
            carry = (byte)(current << 5);
        }
    }

    internal static void MultiplyByCofactor(ReadOnlySpan<byte> value, Span<byte> result)
    {
        byte carry = 0;
        for (int i = 0; i < 32; i++)
        {
            byte current = value[i];
            result[i] = (byte)((current << 3) | carry);
            carry = (byte)(current >> 5);
        }
    }
}
