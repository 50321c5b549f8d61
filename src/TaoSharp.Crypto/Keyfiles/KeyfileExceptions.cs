namespace TaoSharp.Crypto.Keyfiles;

/// <summary>Base of every keyfile error; the message names the file and what is wrong with it.</summary>
public class KeyfileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The keyfile is missing.</summary>
public sealed class KeyfileNotFoundException(string path)
    : KeyfileException($"keyfile {path} does not exist");

/// <summary>The keyfile is truncated, tampered with, not JSON, or in a format we cannot read.</summary>
public sealed class KeyfileFormatException(string message, Exception? inner = null) : KeyfileException(message, inner);

/// <summary>Decryption failed: the password is wrong (or the ciphertext was altered, which secretbox cannot tell apart).</summary>
public sealed class KeyfilePasswordException(string message) : KeyfileException(message);

/// <summary>Writing would replace an existing keyfile and overwriting was not allowed.</summary>
public sealed class KeyfileExistsException(string path)
    : KeyfileException($"keyfile {path} already exists; pass --overwrite to replace it");
