using System.Text;
using TaoSharp.Crypto.Keyfiles;
using static TaoSharp.Crypto.Tests.WalletTestVectors;

namespace TaoSharp.Crypto.Tests;

public class KeyfileNaclTests
{
    private static readonly System.Text.Json.JsonElement Vector = Keys("keyfile_nacl.json");

    [Fact]
    public void Vector_salt_and_parameters_are_btwallets()
    {
        Assert.Equal(Vector.Hex("nacl_salt_hex"), NaclKeyfileCipher.Salt.ToArray());
        var argon = Vector.GetProperty("argon2");
        Assert.Equal(NaclKeyfileCipher.OpsLimit, argon.GetProperty("t_cost_iterations").GetUInt64());
        Assert.Equal(NaclKeyfileCipher.MemLimit, argon.GetProperty("memlimit_bytes").GetUInt64());
    }

    [Fact]
    [Trait("Category", "Slow")] // Argon2i at btwallet's limits: ~6 s of CPU and 512 MiB per run
    public void Argon2i_derives_the_vector_key_and_decrypts_the_vector_file()
    {
        // One real Argon2i run (512 MiB, ~1-3 s): the rest of the tests reuse the published key.
        var key = NaclKeyfileCipher.DeriveKey(Vector.Str("password"));
        Assert.Equal(Vector.Hex("derived_key_hex"), key);
        var plaintext = NaclKeyfileCipher.Decrypt(Vector.Hex("keyfile_bytes_hex"), key);
        Assert.Equal(Vector.Str("plaintext_utf8"), Encoding.UTF8.GetString(plaintext));
    }

    /// <summary>
    /// Every NaCl keyfile object in the file (the root today; any nested object or array entry with the same fields too):
    /// with its published key and nonce, encryption reproduces its bytes and decryption its plaintext. No Argon2 run needed.
    /// </summary>
    [Fact]
    public void Every_nacl_vector_round_trips_with_its_published_key()
    {
        int checkedCount = 0;
        foreach (var (label, v) in NaclObjects(Vector, "keyfile_nacl"))
        {
            var bytes = v.Hex("keyfile_bytes_hex");
            var plaintext = v.TryGetProperty("plaintext_hex", out _) ? v.Hex("plaintext_hex") : Encoding.UTF8.GetBytes(v.Str("plaintext_utf8"));
            Assert.True(KeyfileEncoding.Nacl == KeyfileEncodingDetector.Detect(bytes), $"{label}: not detected as NaCl");
            Assert.True(plaintext.AsSpan().SequenceEqual(NaclKeyfileCipher.Decrypt(bytes, v.Hex("derived_key_hex"))), $"{label}: decryption");
            if (v.TryGetProperty("nonce_hex", out _))
                Assert.True(bytes.AsSpan().SequenceEqual(NaclKeyfileCipher.Encrypt(plaintext, v.Hex("derived_key_hex"), v.Hex("nonce_hex"))), $"{label}: encryption");
            checkedCount++;
        }

        Assert.True(checkedCount > 0, "no NaCl keyfile vector found");
    }

    private static IEnumerable<(string Label, System.Text.Json.JsonElement Vector)> NaclObjects(System.Text.Json.JsonElement e, string label)
    {
        if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            if (e.TryGetProperty("keyfile_bytes_hex", out _) && e.TryGetProperty("derived_key_hex", out _)) yield return (label, e);
            foreach (var p in e.EnumerateObject())
                foreach (var found in NaclObjects(p.Value, $"{label}.{p.Name}")) yield return found;
        }
        else if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            int i = 0;
            foreach (var item in e.EnumerateArray())
                foreach (var found in NaclObjects(item, $"{label}[{i++}]")) yield return found;
        }
    }

    [Fact]
    public void Encrypting_with_the_vector_nonce_reproduces_the_vector_bytes()
    {
        var file = NaclKeyfileCipher.Encrypt(Vector.Hex("plaintext_hex"), Vector.Hex("derived_key_hex"), Vector.Hex("nonce_hex"));
        Assert.Equal(Vector.Hex("keyfile_bytes_hex"), file);
        Assert.Equal("$NACL", Encoding.ASCII.GetString(file, 0, 5));
    }

    [Fact]
    public void Wrong_key_and_tampering_are_password_errors_and_truncation_is_a_format_error()
    {
        var file = Vector.Hex("keyfile_bytes_hex");
        var key = Vector.Hex("derived_key_hex");
        var wrongKey = (byte[])key.Clone();
        wrongKey[0] ^= 1;
        Assert.Throws<KeyfilePasswordException>(() => NaclKeyfileCipher.Decrypt(file, wrongKey));

        var tampered = (byte[])file.Clone();
        tampered[^1] ^= 0x40;
        Assert.Throws<KeyfilePasswordException>(() => NaclKeyfileCipher.Decrypt(tampered, key));

        var e = Assert.Throws<KeyfileFormatException>(() => NaclKeyfileCipher.Decrypt(file.AsSpan(0, 30), key));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Environment_password_matches_btwallet_obfuscation()
    {
        var env = Vector.GetProperty("env_password");
        var name = KeyfilePasswordEnvironment.VariableName(env.Str("path_example"));
        Assert.Equal(env.Str("env_var_name"), name);
        Assert.Equal(env.Str("value_base64"), KeyfilePasswordEnvironment.Encode(Vector.Str("password"), name));
        Assert.Equal(Vector.Str("password"), KeyfilePasswordEnvironment.Decode(env.Str("value_base64"), name));
        Assert.Throws<KeyfileException>(() => KeyfilePasswordEnvironment.Decode("not base64!", name));
    }
}
