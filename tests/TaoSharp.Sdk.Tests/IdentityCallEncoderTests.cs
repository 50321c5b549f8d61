using System.Text;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Sdk.Queries;
using TaoSharp.Sdk.Transactions;
using RuntimeIdentity = TaoSharp.Runtime.Subnets;

namespace TaoSharp.Sdk.Tests;

/// <summary>Identity, symbol and owner-hotkey encoders: the Runtime's table decodes them and its identity types read the same fields.</summary>
public sealed class IdentityCallEncoderTests
{
    private static readonly CallTable Table = RuntimeCalls.CreateTable();
    private static readonly AccountId Hotkey = AccountId.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly SubnetIdentity Identity = new("forecast", "github.com/x", "c@x", "https://x", "x#1", "time series ✓", "https://x/l.png", "more");

    private static string Text(byte[] b) => Encoding.UTF8.GetString(b);

    [Fact]
    public void Register_network_with_identity_is_79_with_an_option_the_runtime_reads()
    {
        var call = Calls.RegisterNetworkWithIdentity(Hotkey, Identity);
        Assert.Equal("SubtensorModule.register_network_with_identity", Table.Decode(call).Descriptor.FullName);
        var r = new ScaleReader(call.AsSpan(2 + 32));
        Assert.True(r.ReadOptionTag());
        var read = RuntimeIdentity.SubnetIdentity.Read(ref r);
        Assert.Equal(0, r.Remaining);
        Assert.Equal(["forecast", "github.com/x", "c@x", "https://x", "x#1", "time series ✓", "https://x/l.png", "more"], read.Fields.Select(Text));

        var none = Calls.RegisterNetworkWithIdentity(Hotkey, null);
        Assert.Equal([7, 79, .. Hotkey.AsSpan().ToArray(), 0], none);
        Table.Decode(none);
    }

    [Fact]
    public void Set_subnet_identity_set_identity_update_symbol_and_owner_hotkey_decode()
    {
        var set = Calls.SetSubnetIdentity(new NetUid(3), Identity);
        Assert.Equal([7, 78, 3, 0], set[..4]);
        Assert.Equal("SubtensorModule.set_subnet_identity", Table.Decode(set).Descriptor.FullName);

        var chain = Calls.SetIdentity(new ChainIdentity("Alice", Url: "https://a", GithubRepo: "github.com/a"));
        Assert.Equal("SubtensorModule.set_identity", Table.Decode(chain).Descriptor.FullName);
        var r = new ScaleReader(chain.AsSpan(2));
        var id = RuntimeIdentity.ChainIdentity.Read(ref r);
        Assert.Equal(("Alice", "https://a", "github.com/a", ""), (Text(id.Name), Text(id.Url), Text(id.GithubRepo), Text(id.Image)));

        Assert.Equal([7, 112, 1, 0, 8, 0xCE, 0xB2], Calls.UpdateSymbol(new NetUid(1), "β"));
        Assert.Equal("SubtensorModule.update_symbol", Table.Decode(Calls.UpdateSymbol(new NetUid(1), "β")).Descriptor.FullName);
        var owner = Calls.SetSubnetOwnerHotkey(new NetUid(2), Hotkey);
        Assert.Equal([19, 64, 2, 0, .. Hotkey.AsSpan().ToArray()], owner);
        Assert.Equal("AdminUtils.sudo_set_subnet_owner_hotkey", Table.Decode(owner).Descriptor.FullName);
    }

    [Fact]
    public void Client_side_limits_agree_with_the_runtime_rules()
    {
        string X(int n) => new('x', n);
        foreach (var (identity, ok) in new[]
                 {
                     (new SubnetIdentity(SubnetName: X(256), Description: X(1024), Discord: X(256)), true),
                     (new SubnetIdentity(SubnetName: X(257)), false),
                     (new SubnetIdentity(Discord: X(257)), false),
                     (new SubnetIdentity(LogoUrl: X(1025)), false),
                     (new SubnetIdentity(SubnetName: new string('é', 128)), true),   // 256 UTF-8 bytes
                     (new SubnetIdentity(SubnetName: new string('é', 129)), false),
                 })
        {
            Assert.Equal(ok, IdentityLimits.Check(identity) is null);
            var call = Calls.SetSubnetIdentity(new NetUid(1), identity);
            var r = new ScaleReader(call.AsSpan(4));
            Assert.Equal(ok, RuntimeIdentity.SubnetIdentity.Read(ref r).IsValid);
        }
        Assert.Null(IdentityLimits.Check(new ChainIdentity(Name: X(256), GithubRepo: X(256), Image: X(1024))));
        Assert.Equal("github_repo (257 bytes, at most 256)", IdentityLimits.Check(new ChainIdentity(GithubRepo: X(257))));
    }
}
