using System.Security.Cryptography;

namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// Writes a file so readers see either the old or the new content, never a partial one: the bytes go to a temporary file in
/// the same folder (mode 0600 from the start, so a secret is never world-readable) which is then renamed over the target.
/// </summary>
internal static class AtomicFile
{
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, ReadOnlySpan<byte> content, bool overwrite)
    {
        var directory = Path.GetDirectoryName(path) ?? throw new ArgumentException($"{path} has no parent folder", nameof(path));
        Directory.CreateDirectory(directory);
        if (!overwrite && (File.Exists(path) || Directory.Exists(path)))
            throw new KeyfileExistsException(path);

        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerReadWrite;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temp file is harmless and hidden; the original error matters more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
