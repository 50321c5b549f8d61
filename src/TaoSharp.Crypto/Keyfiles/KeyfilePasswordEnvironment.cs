using System.Text;

namespace TaoSharp.Crypto.Keyfiles;

/// <summary>
/// btwallet's non-interactive password convention (spec-client §2.4): variable <c>BT_PW_</c> + the keyfile path upper-cased with
/// '/' and '.' replaced by '_'; value = base64(password XOR variable name, repeated). This is obfuscation, not encryption.
/// </summary>
public static class KeyfilePasswordEnvironment
{
    public static string VariableName(string keyfilePath)
    {
        var path = KeyfilePaths.Expand(keyfilePath);
        return "BT_PW_" + path.Replace('/', '_').Replace('.', '_').ToUpperInvariant();
    }

    public static string Encode(string password, string variableName)
    {
        var data = Encoding.UTF8.GetBytes(password);
        Xor(data, Encoding.UTF8.GetBytes(variableName));
        return Convert.ToBase64String(data);
    }

    public static string Decode(string value, string variableName)
    {
        byte[] data;
        try
        {
            data = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new KeyfileException($"environment variable {variableName} is not valid base64 (expected btwallet's obfuscated password)");
        }
        Xor(data, Encoding.UTF8.GetBytes(variableName));
        return Encoding.UTF8.GetString(data);
    }

    /// <summary>The password stored for a keyfile in the current environment, or null when the variable is unset.</summary>
    public static string? TryGet(string keyfilePath)
    {
        var name = VariableName(keyfilePath);
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : Decode(value, name);
    }

    private static void Xor(byte[] data, byte[] key)
    {
        for (int i = 0; i < data.Length; i++) data[i] ^= key[i % key.Length];
    }
}
