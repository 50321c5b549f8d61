using System.Text.Json;
using TaoSharp.TestKit;

namespace TaoSharp.Sdk.Tests;

/// <summary>vectors/protocol/body_hash.json: Python str() of typed values, per-field SHA3-256 and the body hash, exactly.</summary>
public sealed class BodyHashVectorTests
{
    /// <summary>The typed C# values whose Python str() each vector case hashes.</summary>
    private static readonly Dictionary<string, object?[]> Values = new()
    {
        ["no_required_hash_fields"] = [],
        ["int_field"] = [5],
        ["str_field"] = ["hello"],
        ["list_of_str"] = [new List<string> { "hello", "world" }],
        ["list_with_apostrophe"] = [new[] { "it's", "x" }],
        ["two_fields_float_bool"] = [0.1, true],
        ["float_reprs"] = [1.0, 1e-05, 1e17, 0.1 + 0.2],
        ["none_field"] = [null],
        ["dict_field"] = [new Dictionary<string, object> { ["k"] = new List<int> { 1, 2 }, ["t"] = "x" }],
        ["list_of_int"] = [new ushort[] { 0, 1, 2, 255 }],
        ["unicode_str"] = ["héllo τ"],
    };

    public static TheoryData<int, string> CaseNames()
    {
        var data = new TheoryData<int, string>();
        int i = 0;
        foreach (JsonElement c in Load().GetProperty("cases").EnumerateArray())
        {
            data.Add(i, c.TryGetProperty("name", out JsonElement name) ? name.GetString()! : $"cases[{i}]");
            i++;
        }

        return data;
    }

    /// <summary>
    /// Every case: each field's Python str() hashes to its per-field hash and the field strings give the body hash (a str's str() is
    /// itself, so the strings go through the same code path as typed values); where this file knows the case's typed values,
    /// their Python str() is checked too.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Vector_case_matches_python_str_field_hashes_and_body_hash(int index, string name)
    {
        JsonElement c = Load().GetProperty("cases")[index];
        string[] expectedStr = c.GetProperty("python_str_of_each_field").EnumerateArray().Select(e => e.GetString()!).ToArray();
        string[] expectedFieldHash = c.GetProperty("per_field_sha3_256_hex").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(expectedStr.Length, expectedFieldHash.Length);
        if (c.TryGetProperty("required_hash_fields", out JsonElement fields))
            Assert.True(fields.GetArrayLength() == expectedStr.Length, $"{name}: {fields.GetArrayLength()} required_hash_fields, {expectedStr.Length} strings");

        for (int i = 0; i < expectedStr.Length; i++)
            Assert.True(expectedFieldHash[i] == BodyHash.Sha3Hex(expectedStr[i]), $"{name}: field {i} hash");
        string expectedBody = c.GetProperty("body_hash").GetString()!;
        Assert.True(expectedBody == BodyHash.FromFieldValues(expectedStr), $"{name}: body hash from the field strings");

        if (!Values.TryGetValue(name, out object?[]? values)) return;
        Assert.Equal(expectedStr.Length, values.Length);
        for (int i = 0; i < values.Length; i++)
            Assert.True(expectedStr[i] == PythonRepr.Str(values[i], SynapseJson.Options), $"{name}: field {i} str() is {PythonRepr.Str(values[i], SynapseJson.Options)}");
        Assert.True(expectedBody == BodyHash.FromFieldValues(values), $"{name}: body hash from typed values");
    }

    [Fact]
    public void Every_typed_value_set_names_a_vector_case()
    {
        // Guards against a renamed case silently dropping its typed str() check.
        string[] names = Load().GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.All(Values.Keys, k => Assert.Contains(k, names));
    }

    [Fact]
    public void Plain_synapse_hash_is_sha3_of_empty_string()
    {
        Assert.Equal("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", BodyHash.Compute(new Synapse()));
    }

    [Theory]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123.456, "123.456")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(12.0, "12.0")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    [InlineData(-0.0, "-0.0")]
    public void Floats_render_like_python_repr(double value, string expected)
    {
        Assert.Equal(expected, PythonRepr.Float(value));
    }

    [Fact]
    public void Repr_covers_tuples_bytes_escapes_and_nested_models()
    {
        var o = SynapseJson.Options;
        Assert.Equal("(1,)", PythonRepr.Repr(Tuple.Create(1), o));
        Assert.Equal("(1, 'a')", PythonRepr.Repr((1, "a"), o));
        Assert.Equal("b'a\\'\"\\x00'", PythonRepr.Repr(new byte[] { (byte)'a', (byte)'\'', (byte)'"', 0 }, o));
        Assert.Equal("['a\\nb\\t\\\\', '\\x07']", PythonRepr.Repr(new[] { "a\nb\t\\", "\a" }, o));
        Assert.Equal("[True, False, None]", PythonRepr.Repr(new object?[] { true, false, null }, o));
        Assert.Equal("{'status_code': 200, 'status_message': None, 'process_time': 0.5, 'ip': None, 'port': None, 'version': None, 'nonce': None, 'uuid': None, 'hotkey': None, 'signature': None}",
            PythonRepr.Repr(new TerminalInfo { StatusCode = 200, ProcessTime = 0.5 }, o));
    }

    private static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(SharedFiles.Vectors("protocol", "body_hash.json"))).RootElement;
}
