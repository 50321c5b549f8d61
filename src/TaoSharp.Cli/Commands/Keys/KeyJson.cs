using System.Text.Encodings.Web;
using System.Text.Json;

namespace TaoSharp.Cli.Commands.Keys;

/// <summary>Writes exactly one JSON document to stdout (for --json-output / --output-type json).</summary>
public static class KeyJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Action<Utf8JsonWriter> body)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, Options))
        {
            body(writer);
        }
        stdout.Write("\n"u8);
        stdout.Flush();
    }

    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
