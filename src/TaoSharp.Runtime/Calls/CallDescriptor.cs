using TaoSharp.Primitives.Scale;

namespace TaoSharp.Runtime.Calls;

/// <summary>Whether the signer pays the weight/length fee for a call (Pays::Yes / Pays::No in the reference).</summary>
public enum Pays { Yes, No }

/// <summary>Reads a call's arguments (everything after the pallet and call index bytes).</summary>
public delegate IRuntimeCall CallArgsDecoder(ref ScaleReader args, CallTable table);

/// <summary>One row of the dispatch table: indices as the reference runtime numbers them, names, weight and fee policy.</summary>
public sealed record CallDescriptor(byte PalletIndex, byte CallIndex, string PalletName, string CallName, ulong Weight, Pays Pays, CallArgsDecoder Decode)
{
    public string FullName => $"{PalletName}.{CallName}";
}
