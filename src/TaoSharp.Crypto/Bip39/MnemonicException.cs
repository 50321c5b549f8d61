namespace TaoSharp.Crypto.Bip39;

/// <summary>A phrase that is not a valid BIP39 English mnemonic (unknown word, wrong length, bad checksum).</summary>
public sealed class MnemonicException(string message) : FormatException(message);
