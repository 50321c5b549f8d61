using TaoSharp.Primitives;
using TaoSharp.Runtime.Calls;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Sdk.Tests;

/// <summary>serve_prometheus and sudo_trim_to_max_allowed_uids: exact bytes, and the Runtime's table decodes them whole.</summary>
public sealed class ServingCallEncoderTests
{
    private static readonly CallTable Table = RuntimeCalls.CreateTable();

    [Fact]
    public void Serve_prometheus_is_subtensor_5_with_the_reference_layout()
    {
        var call = Calls.ServePrometheus(new NetUid(3), 7, AxonEndpoint.Parse("1.2.3.4").Ip, 0x1f9b, 4);
        Assert.Equal([7, 5, 3, 0, 7, 0, 0, 0, 4, 3, 2, 1, .. new byte[12], 0x9b, 0x1f, 4], call);
        Assert.Equal("SubtensorModule.serve_prometheus", Table.Decode(call).Descriptor.FullName);
    }

    [Fact]
    public void Trim_to_max_allowed_uids_is_admin_utils_78()
    {
        var call = Calls.TrimToMaxAllowedUids(new NetUid(3), 0x0140);
        Assert.Equal([19, 78, 3, 0, 0x40, 0x01], call);
        if (Table.All.Any(c => c.PalletIndex == 19 && c.CallIndex == 78))
            Assert.Equal("AdminUtils.sudo_trim_to_max_allowed_uids", Table.Decode(call).Descriptor.FullName);
    }
}
