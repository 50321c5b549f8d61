namespace TaoSharp.Storage.Tests;

internal static class TestBytes
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);

    public static string ToHex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] B(params byte[] bytes) => bytes;
}

/// <summary>A temp folder removed on dispose, for RocksDB tests.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "taosharp-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
