using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TaoSharp.Sdk;

/// <summary>
/// Python's <c>str()</c> / <c>repr()</c> of the values a Pydantic model holds, because the body hash hashes
/// <c>str(field)</c> (spec-client §4.3). Type-directed: a C# double renders as a Python float ("1.0"), an integer
/// as an int ("1"). Covered: None, bool, integers, floats (shortest repr, inf/nan), str, bytes, lists/arrays
/// (as Python lists), dictionaries (insertion order), tuples, JSON elements and nested objects (dumped to a dict
/// of their JSON properties, like Pydantic's model_dump).
/// </summary>
public static class PythonRepr
{
    /// <summary>Python <c>str(value)</c>: a top-level string is verbatim, everything else is its repr.</summary>
    public static string Str(object? value, JsonSerializerOptions options) =>
        value is string s ? s : Repr(value, options);

    public static string Repr(object? value, JsonSerializerOptions options)
    {
        var sb = new StringBuilder();
        Append(sb, value, options, depth: 0);
        return sb.ToString();
    }

    private const int MaxDepth = 64;

    private static void Append(StringBuilder sb, object? value, JsonSerializerOptions options, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException("value nests deeper than 64 levels");
        switch (value)
        {
            case null: sb.Append("None"); return;
            case bool b: sb.Append(b ? "True" : "False"); return;
            case string s: AppendQuoted(sb, s); return;
            case char c: AppendQuoted(sb, c.ToString()); return;
            case double d: sb.Append(Float(d)); return;
            case float f: sb.Append(Float(f)); return;
            case byte or sbyte or short or ushort or int or uint or long or ulong or Int128 or UInt128 or System.Numerics.BigInteger:
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)); return;
            case Enum e: sb.Append(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)); return;
            case byte[] bytes: AppendBytes(sb, bytes); return;
            case JsonElement json: AppendJson(sb, json, depth); return;
            case ITuple tuple:
                sb.Append('(');
                for (int i = 0; i < tuple.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, tuple[i], options, depth + 1);
                }
                sb.Append(tuple.Length == 1 ? ",)" : ")");
                return;
            case IDictionary dict:
                sb.Append('{');
                bool firstEntry = true;
                foreach (DictionaryEntry entry in dict)
                {
                    if (!firstEntry) sb.Append(", ");
                    firstEntry = false;
                    Append(sb, entry.Key, options, depth + 1);
                    sb.Append(": ");
                    Append(sb, entry.Value, options, depth + 1);
                }
                sb.Append('}');
                return;
            case IEnumerable list:
                sb.Append('[');
                bool firstItem = true;
                foreach (object? item in list)
                {
                    if (!firstItem) sb.Append(", ");
                    firstItem = false;
                    Append(sb, item, options, depth + 1);
                }
                sb.Append(']');
                return;
            default:
                AppendModel(sb, value, options, depth);
                return;
        }
    }

    /// <summary>A nested model is dumped to a dict of its JSON properties in serialization order (Pydantic model_dump).</summary>
    private static void AppendModel(StringBuilder sb, object value, JsonSerializerOptions options, int depth)
    {
        JsonTypeInfo info = options.GetTypeInfo(value.GetType());
        sb.Append('{');
        bool first = true;
        foreach (JsonPropertyInfo p in info.Properties)
        {
            if (p.Get is null) continue;
            if (!first) sb.Append(", ");
            first = false;
            AppendQuoted(sb, p.Name);
            sb.Append(": ");
            Append(sb, p.Get(value), options, depth + 1);
        }
        sb.Append('}');
    }

    /// <summary>Untyped JSON: numbers with a fraction or exponent are floats, others ints (how json.loads types them).</summary>
    private static void AppendJson(StringBuilder sb, JsonElement json, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException("value nests deeper than 64 levels");
        switch (json.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: sb.Append("None"); break;
            case JsonValueKind.True: sb.Append("True"); break;
            case JsonValueKind.False: sb.Append("False"); break;
            case JsonValueKind.String: AppendQuoted(sb, json.GetString()!); break;
            case JsonValueKind.Number:
                string raw = json.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") >= 0) sb.Append(Float(json.GetDouble()));
                else sb.Append(System.Numerics.BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                int i = 0;
                foreach (JsonElement item in json.EnumerateArray())
                {
                    if (i++ > 0) sb.Append(", ");
                    AppendJson(sb, item, depth + 1);
                }
                sb.Append(']');
                break;
            case JsonValueKind.Object:
                sb.Append('{');
                int j = 0;
                foreach (JsonProperty p in json.EnumerateObject())
                {
                    if (j++ > 0) sb.Append(", ");
                    AppendQuoted(sb, p.Name);
                    sb.Append(": ");
                    AppendJson(sb, p.Value, depth + 1);
                }
                sb.Append('}');
                break;
        }
    }

    /// <summary>
    /// Python's float repr: the shortest digits that round-trip, positional when the decimal exponent is in
    /// [-4, 16), otherwise scientific with a signed exponent of at least two digits ("1e-05", "1e+17").
    /// </summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // .NET's "R" is also the shortest round-trip representation; only the layout differs from Python.
        string r = System.Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int ePos = r.IndexOfAny(['E', 'e']);
        string mantissa = ePos < 0 ? r : r[..ePos];
        int exponent = ePos < 0 ? 0 : int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointPos = (dot < 0 ? mantissa.Length : dot) + exponent; // digits[0..pointPos] is the integer part
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointPos -= leadingZeros;
        int sciExponent = pointPos - 1; // value = d.ddd × 10^sciExponent

        var sb = new StringBuilder();
        if (value < 0) sb.Append('-');
        if (sciExponent < -4 || sciExponent >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(sciExponent < 0 ? '-' : '+').Append(System.Math.Abs(sciExponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }
        return sb.ToString();
    }

    /// <summary>Python str repr: single quotes unless the text has a single quote and no double quote.</summary>
    private static void AppendQuoted(StringBuilder sb, string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == quote || c == '\\') { sb.Append('\\').Append(c); continue; }
            switch (c)
            {
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
            }
            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, s[i + 1]);
            }
            if (IsPrintable(codePoint))
            {
                sb.Append(c);
                if (codePoint > 0xFFFF) sb.Append(s[++i]);
            }
            else if (codePoint < 0x100) sb.Append("\\x").Append(codePoint.ToString("x2", CultureInfo.InvariantCulture));
            else if (codePoint < 0x10000) sb.Append("\\u").Append(codePoint.ToString("x4", CultureInfo.InvariantCulture));
            else { sb.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture)); i++; }
        }
        sb.Append(quote);
    }

    /// <summary>Python's str.isprintable: everything except the Other and Separator categories, but ASCII space is printable.</summary>
    private static bool IsPrintable(int codePoint)
    {
        if (codePoint == ' ') return true;
        if (codePoint is >= 0xD800 and <= 0xDFFF) return false; // lone surrogate
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }

    private static void AppendBytes(StringBuilder sb, byte[] bytes)
    {
        bool hasSingle = Array.IndexOf(bytes, (byte)'\'') >= 0;
        bool hasDouble = Array.IndexOf(bytes, (byte)'"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        sb.Append("b").Append(quote);
        foreach (byte b in bytes)
        {
            if (b == quote || b == '\\') sb.Append('\\').Append((char)b);
            else if (b == '\n') sb.Append("\\n");
            else if (b == '\r') sb.Append("\\r");
            else if (b == '\t') sb.Append("\\t");
            else if (b is < 0x20 or >= 0x7F) sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)b);
        }
        sb.Append(quote);
    }
}
