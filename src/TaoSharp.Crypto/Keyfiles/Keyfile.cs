namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// One keyfile on disk (coldkey, coldkeypub.txt, hotkeys/&lt;name&gt;, hotkeys/&lt;name&gt;pub.txt): reads every format btwallet
/// and older bittensor wrote, writes plaintext JSON or $NACL atomically with mode 0600, and never overwrites unless told to.
/// </summary>
public sealed class Keyfile
{
    /// <summary>Real keyfiles are a few hundred bytes; anything larger is refused before it is read into memory.</summary>
    public const int MaxFileSize = 64 * 1024;

    public Keyfile(string path) => Path = KeyfilePaths.Expand(path);

    /// <summary>Absolute path with <c>~</c> expanded.</summary>
    public string Path { get; }

    public bool Exists => File.Exists(Path);

    public override string ToString() => Path;

    /// <summary>The raw bytes, bounded in size; errors name the file.</summary>
    public byte[] ReadBytes()
    {
        if (!File.Exists(Path)) throw new KeyfileNotFoundException(Path);
        try
        {
            var length = new FileInfo(Path).Length;
            if (length > MaxFileSize)
                throw new KeyfileFormatException($"keyfile {Path} is {length} bytes; keyfiles are at most {MaxFileSize} bytes");
            return File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyfileException($"cannot read keyfile {Path}: {e.Message}", e);
        }
    }

    public KeyfileEncoding Encoding() => KeyfileEncodingDetector.Detect(ReadBytes());

    public bool IsEncrypted() => KeyfileEncodingDetector.IsEncrypted(Encoding());

    /// <summary>Reads and, if needed, decrypts the keyfile; the password is only asked for when the file is encrypted.</summary>
    public KeyfileContent Read(IKeyfilePasswordProvider? passwords = null)
    {
        var data = ReadBytes();
        var encoding = KeyfileEncodingDetector.Detect(data);
        try
        {
            if (encoding == KeyfileEncoding.Plaintext) return KeyfileContent.Parse(data);
            if (encoding == KeyfileEncoding.Unknown)
                throw new KeyfileFormatException("not JSON and not a known encrypted format ($NACL, $ANSIBLE_VAULT, Fernet)");

            var password = passwords?.GetPassword(this)
                ?? throw new KeyfilePasswordException($"keyfile is encrypted ({encoding}) and no password was given");
            var plaintext = encoding switch
            {
                KeyfileEncoding.Nacl => NaclKeyfileCipher.Decrypt(data, password),
                KeyfileEncoding.AnsibleVault => LegacyAnsibleVault.Decrypt(data, password),
                _ => LegacyFernet.Decrypt(data, password),
            };
            return KeyfileContent.Parse(plaintext);
        }
        catch (KeyfileFormatException e)
        {
            throw new KeyfileFormatException($"keyfile {Path} is corrupt or truncated: {e.Message}", e);
        }
        catch (KeyfilePasswordException e)
        {
            throw new KeyfilePasswordException($"keyfile {Path}: {e.Message}");
        }
    }

    /// <summary>Writes the content as plaintext JSON (password null) or $NACL (password given), atomically, mode 0600.</summary>
    public void Write(KeyfileContent content, string? password, bool overwrite)
    {
        if (!overwrite && Exists) throw new KeyfileExistsException(Path);
        var json = content.ToJsonBytes();
        var bytes = password is null ? json : NaclKeyfileCipher.Encrypt(json, password);
        AtomicFile.Write(Path, bytes, overwrite);
    }
}
