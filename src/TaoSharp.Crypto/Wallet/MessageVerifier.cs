using System.Text;

namespace TaoSharp.Crypto.Wallet;

/// <summary>
/// Bittensor's signature check (btwallet <c>Keypair.verify</c>, spec-client §1.8): a signature is valid over the data itself
/// or over <c>&lt;Bytes&gt;</c> + data + <c>&lt;/Bytes&gt;</c>, the wrapping the polkadot-js extension's signRaw applies.
/// </summary>
public static class MessageVerifier
{
    private static readonly byte[] Open = Encoding.ASCII.GetBytes("<Bytes>");
    private static readonly byte[] Close = Encoding.ASCII.GetBytes("</Bytes>");

    public static bool Verify(KeyScheme scheme, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (Signatures.Verify(scheme, publicKey, message, signature)) return true;
        return Signatures.Verify(scheme, publicKey, [.. Open, .. message, .. Close], signature);
    }
}
