namespace TaoSharp.Crypto.Wallet;

/// <summary>A wallet operation that cannot proceed (missing key, key without a secret, invalid input).</summary>
public sealed class WalletException(string message, Exception? inner = null) : Exception(message, inner);
