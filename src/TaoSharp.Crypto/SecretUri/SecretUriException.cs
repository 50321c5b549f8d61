namespace TaoSharp.Crypto.SecretUri;

/// <summary>A secret URI that cannot be parsed or resolved to a key.</summary>
public sealed class SecretUriException(string message, Exception? inner = null) : FormatException(message, inner);
