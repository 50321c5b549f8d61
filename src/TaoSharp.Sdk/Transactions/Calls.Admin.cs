using TaoSharp.Primitives;

namespace TaoSharp.Sdk.Transactions;

public static partial class Calls
{
    /// <summary>
    /// An AdminUtils (pallet 19) <c>sudo_set_*</c> call with its value parsed from text by the call's argument type
    /// (docs/calls.md). Per-subnet calls need <paramref name="netuid"/>; global ones refuse it.
    /// Malformed values throw <see cref="FormatException"/> naming the call and the expected form.
    /// </summary>
    public static byte[] AdminSet(AdminHyperparameter parameter, NetUid? netuid, string value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.PerSubnet && netuid is null)
            throw new ArgumentException($"{parameter.CallName} is set per subnet: give the netuid");
        if (!parameter.PerSubnet && netuid is not null)
            throw new ArgumentException($"{parameter.CallName} is a global setting and takes no netuid");
        var w = Begin(AdminUtils, parameter.CallIndex);
        if (netuid is { } n) w.WriteU16(n.Value);
        parameter.WriteValue(w, value);
        return w.ToArray();
    }
}
