using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TaoSharp.Sdk;

/// <summary>
/// Synapse ⇄ HTTP headers (spec-client §3.2, §4.4). Header names are lowercase, as Starlette delivers them;
/// readers look them up case-insensitively.
/// </summary>
public static class SynapseHeaders
{
    public const string Name = "name";
    public const string Timeout = "timeout";
    public const string AxonPrefix = "bt_header_axon_";
    public const string DendritePrefix = "bt_header_dendrite_";
    public const string InputObjectPrefix = "bt_header_input_obj_";
    public const string HeaderSize = "header_size";
    public const string TotalSize = "total_size";
    public const string ComputedBodyHash = "computed_body_hash";

    /// <summary>Python's to_headers(): name, timeout, non-null terminal fields, required-field placeholders, sizes, body hash.</summary>
    public static List<KeyValuePair<string, string>> ToHeaders(Synapse synapse, string bodyHash, long totalSize)
    {
        var headers = new List<KeyValuePair<string, string>>(24)
        {
            new(Name, synapse.Name),
            new(Timeout, synapse.Timeout is { } t ? PythonRepr.Float(t) : "None"),
        };
        if (synapse.Axon is { } axon) AddTerminal(headers, AxonPrefix, axon);
        if (synapse.Dendrite is { } dendrite) AddTerminal(headers, DendritePrefix, dendrite);
        AddInputPlaceholders(headers, synapse);

        long headerBytes = 0;
        foreach (var (k, v) in headers) headerBytes += k.Length + v.Length;
        headers.Add(new(HeaderSize, headerBytes.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new(TotalSize, totalSize.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new(ComputedBodyHash, bodyHash));
        return headers;
    }

    private static void AddTerminal(List<KeyValuePair<string, string>> headers, string prefix, TerminalInfo info)
    {
        // Field order of the Python model; values rendered with Python's str().
        Add(headers, prefix + "status_code", info.StatusCode?.ToString(CultureInfo.InvariantCulture));
        Add(headers, prefix + "status_message", info.StatusMessage);
        Add(headers, prefix + "process_time", info.ProcessTime is { } p ? PythonRepr.Float(p) : null);
        Add(headers, prefix + "ip", info.Ip);
        Add(headers, prefix + "port", info.Port?.ToString(CultureInfo.InvariantCulture));
        Add(headers, prefix + "version", info.Version?.ToString(CultureInfo.InvariantCulture));
        Add(headers, prefix + "nonce", info.Nonce?.ToString(CultureInfo.InvariantCulture));
        Add(headers, prefix + "uuid", info.Uuid);
        Add(headers, prefix + "hotkey", info.Hotkey);
        Add(headers, prefix + "signature", info.Signature);
    }

    private static void Add(List<KeyValuePair<string, string>> headers, string name, string? value)
    {
        if (value is not null) headers.Add(new(name, value));
    }

    /// <summary>
    /// For each required field: base64(JSON of an empty default of its type). Only a placeholder so a Python axon can
    /// construct the class from headers; real values travel in the body (spec-client §3.2, quirk 20).
    /// </summary>
    private static void AddInputPlaceholders(List<KeyValuePair<string, string>> headers, Synapse synapse)
    {
        JsonTypeInfo info = SynapseJson.Options.GetTypeInfo(synapse.GetType());
        foreach (JsonPropertyInfo p in info.Properties)
        {
            if (!p.IsRequired) continue;
            string json = EmptyJsonOf(p.PropertyType);
            headers.Add(new(InputObjectPrefix + p.Name, Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));
        }
    }

    private static string EmptyJsonOf(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "\"\"";
        if (t == typeof(double) || t == typeof(float)) return "0.0";
        if (t == typeof(bool)) return "false";
        if (t.IsPrimitive || t == typeof(decimal)) return "0";
        if (typeof(IDictionary).IsAssignableFrom(t)) return "{}";
        if (typeof(IEnumerable).IsAssignableFrom(t)) return "[]";
        return "{}";
    }

    /// <summary>
    /// Reads <c>bt_header_{prefix}_*</c> into a TerminalInfo. <paramref name="strict"/> (the axon) throws
    /// <see cref="FormatException"/> on a malformed number; lenient (the dendrite) skips it, as Python logs and skips.
    /// </summary>
    public static TerminalInfo ReadTerminal(Func<string, string?> header, string prefix, bool strict)
    {
        return new TerminalInfo
        {
            StatusCode = ParseInt(header(prefix + "status_code"), prefix + "status_code", strict),
            StatusMessage = header(prefix + "status_message"),
            ProcessTime = ParseFloat(header(prefix + "process_time"), prefix + "process_time", strict),
            Ip = header(prefix + "ip"),
            Port = ParseInt(header(prefix + "port"), prefix + "port", strict),
            Version = ParseLong(header(prefix + "version"), prefix + "version", strict),
            Nonce = ParseLong(header(prefix + "nonce"), prefix + "nonce", strict),
            Uuid = header(prefix + "uuid"),
            Hotkey = header(prefix + "hotkey"),
            Signature = header(prefix + "signature"),
        };
    }

    public static double? ParseFloat(string? text, string what, bool strict)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        return strict ? throw new FormatException($"header {what} is not a number: '{Truncate(text)}'") : null;
    }

    private static int? ParseInt(string? text, string what, bool strict)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v)) return v;
        return strict ? throw new FormatException($"header {what} is not an integer: '{Truncate(text)}'") : null;
    }

    private static long? ParseLong(string? text, string what, bool strict)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v)) return v;
        return strict ? throw new FormatException($"header {what} is not an integer: '{Truncate(text)}'") : null;
    }

    private static string Truncate(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
