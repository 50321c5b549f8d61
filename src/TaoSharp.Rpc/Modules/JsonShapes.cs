using System.Globalization;
using System.Text.Json.Nodes;
using TaoSharp.Chain.Blocks;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Events;

namespace TaoSharp.Rpc.Modules;

/// <summary>JSON shapes of chain objects, following Substrate's RPC where one exists (hex numbers, 0x bytes).</summary>
public static class JsonShapes
{
    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public static string HexNumber(ulong n) => "0x" + n.ToString("x", CultureInfo.InvariantCulture);

    public static JsonObject Header(BlockHeader h) => new()
    {
        ["parentHash"] = h.ParentHash.ToHex(),
        ["number"] = HexNumber(h.Number),
        ["stateRoot"] = h.StateRoot.ToHex(),
        ["extrinsicsRoot"] = h.ExtrinsicsRoot.ToHex(),
        ["digest"] = new JsonObject { ["logs"] = new JsonArray() },
        // Not in Substrate's header (it carries these in digests/inherents); ours has them as fields.
        ["timestamp"] = h.Timestamp,
        ["author"] = Ss58Address.Encode(h.Author.AsSpan()),
        ["hash"] = h.Hash.ToHex(),
    };

    public static JsonObject Block(Block b) => new()
    {
        ["block"] = new JsonObject
        {
            ["header"] = Header(b.Header),
            ["extrinsics"] = new JsonArray(b.Extrinsics.Select(x => (JsonNode)Hex(x.Encoded)).ToArray()),
        },
        ["justifications"] = null,
    };

    public static JsonObject Event(RuntimeEvent e)
    {
        var fields = new JsonObject();
        foreach (var (k, v) in e.Fields) fields[k] = v;
        return new JsonObject { ["pallet"] = e.Pallet, ["name"] = e.Name, ["fields"] = fields };
    }

    public static JsonObject Events(BlockEvents events) => new()
    {
        ["initialization"] = new JsonArray(events.Initialization.Select(e => (JsonNode)Event(e)).ToArray()),
        ["extrinsics"] = new JsonArray(events.Receipts.Select(r => (JsonNode)new JsonObject
        {
            ["index"] = r.Index,
            ["hash"] = r.ExtrinsicHash.ToHex(),
            ["success"] = r.Success,
            ["error"] = r.Error,
            ["fee"] = r.Fee,
            ["events"] = new JsonArray(r.Events.Select(e => (JsonNode)Event(e)).ToArray()),
        }).ToArray()),
    };

    public static string Address(AccountId id) => Ss58Address.Encode(id.AsSpan());
}
