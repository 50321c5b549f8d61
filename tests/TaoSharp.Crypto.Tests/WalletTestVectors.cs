using System.Text.Json;

namespace TaoSharp.Crypto.Tests;

/// <summary>Loads the key vectors of shared/vectors/keys and this project's own keyfile fixtures.</summary>
internal static class WalletTestVectors
{
    public static JsonElement Keys(string file) =>
        JsonDocument.Parse(File.ReadAllText(TaoSharp.TestKit.SharedFiles.Vectors("keys", file))).RootElement;

    public static JsonElement LocalFixture(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KeyfileData", file))).RootElement;

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static byte[] Hex(this JsonElement e, string name) => Convert.FromHexString(e.Str(name).Replace("0x", ""));

    /// <summary>A fresh empty folder under the temp directory, deleted by Dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("taosharp-keys-").FullName;

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Every file under a folder with its bytes, to assert that a failed operation changed nothing.</summary>
    public static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes)
            : [];

    public static void AssertSameFiles(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, after[path]);
    }
}
