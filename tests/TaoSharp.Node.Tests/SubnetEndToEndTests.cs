using System.Text.Json.Nodes;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Primitives.Scale;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Node.Tests;

/// <summary>
/// A subnet's life on a real node process over JSON-RPC only: register a network, start it, register miners, stake,
/// set weights, wait past an epoch, and read incentive, dividends and emission back from state.
/// </summary>
public sealed class SubnetEndToEndTests : IAsyncLifetime
{
    private const ushort Net = 1;
    private readonly string _dir = Directory.CreateTempSubdirectory("taosharp-subnet-e2e-").FullName;
    private NodeProcess _node = null!;
    private RpcClient _rpc = null!;
    private DevSigner _dev = null!;

    public async Task InitializeAsync()
    {
        _node = await NodeProcess.StartAsync(_dir, "--block-time 100");
        _rpc = new RpcClient(_node.Http);
        _dev = await DevSigner.ForNodeAsync(_rpc);
    }

    public Task DisposeAsync()
    {
        _dev.Dispose();
        _rpc.Dispose();
        _node.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_stake_set_weights_and_an_epoch_writes_incentive_dividends_and_emission()
    {
        var ownerHot = _dev.Account("//Bob//hot");
        string[] minerColds = ["//Charlie", "//Dave", "//Eve"];
        var minerHots = minerColds.Select(c => _dev.Account(c + "//hot")).ToArray();

        await Ok("//Bob", Sub(59, w => w.WriteFixed(ownerHot.AsSpan())));
        Assert.True(await StorageExists(SubtensorStorage.NetworksAdded.Key(new NetUid(Net))));
        await Ok("//Bob", Sub(92, w => w.WriteU16(Net)));
        await Sudo(Admin(74, w => w.WriteU16(0)));                         // admin freeze window 0
        await Sudo(Admin(30, w => { w.WriteU16(Net); w.WriteU16(10); }));   // tempo 10
        await Sudo(Admin(7, w => { w.WriteU16(Net); w.WriteU64(0); }));     // weights rate limit 0
        await Sudo(Admin(49, w => { w.WriteU16(Net); w.WriteBool(false); })); // commit-reveal off
        await Sudo(Admin(94, w => { w.WriteU16(Net); w.WriteBool(true); }));  // TAO emission on
        for (var k = 0; k < minerColds.Length; k++)
        {
            var hot = minerHots[k];
            var events = await Ok(minerColds[k], Sub(7, w => { w.WriteU16(Net); w.WriteFixed(hot.AsSpan()); }));
            Assert.Contains(events, e => (string?)e!["name"] == "NeuronRegistered");
        }
        await Ok("//Bob", Sub(2, w => { w.WriteFixed(ownerHot.AsSpan()); w.WriteU16(Net); w.WriteU64(100_000_000_000); }));
        await Ok("//Bob//hot", Sub(0, w =>
        {
            w.WriteU16(Net);
            U16s(w, [1, 2, 3]);
            U16s(w, [10, 20, 30]);
            w.WriteU64(0);
        }));
        await Ok("//Charlie//hot", Sub(4, w =>
        {
            w.WriteU16(Net);
            w.WriteU32(1);
            w.WriteU128(0x0a00_0001);
            w.WriteU16(8091);
            w.WriteU8(4);
            w.WriteU8(4);
            w.WriteU8(0);
            w.WriteU8(0);
        }));

        // Wait for an epoch after the weights (tempo 10 at 100 ms blocks: a few seconds).
        var incentive = Array.Empty<ushort>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !incentive.Skip(1).Any(v => v > 0))
        {
            await Task.Delay(200);
            incentive = U16Vec(await Storage(SubtensorStorage.Incentive.Key(Net)));
        }
        Assert.True(incentive.Skip(1).All(v => v > 0), $"incentive after 60 s: [{string.Join(",", incentive)}]\n{_node.OutputTail}");
        Assert.True(incentive[3] > incentive[1], "more weight, more incentive");
        var dividends = U16Vec(await Storage(SubtensorStorage.Dividends.Key(new NetUid(Net))));
        Assert.True(dividends[0] > 0, $"dividends {string.Join(",", dividends)}");
        var emission = U64Vec(await Storage(SubtensorStorage.Emission.Key(new NetUid(Net))));
        Assert.Contains(emission, v => v > 0);
        var axon = await Storage(SubtensorStorage.Axons.Key(new NetUid(Net), minerHots[0]));
        Assert.NotNull(axon);
        Assert.Equal(8091, (int)Scale.Decode(Runtime.Subnets.AxonInfo.Codec, axon).Port);
    }

    private static ScaleWriter Begin(byte pallet, byte call, Action<ScaleWriter> args)
    {
        var w = CallBuilder.Begin(pallet, call);
        args(w);
        return w;
    }

    private static byte[] Sub(byte call, Action<ScaleWriter> args) => Begin(PalletIndices.SubtensorModule, call, args).ToArray();

    private static byte[] Admin(byte call, Action<ScaleWriter> args) => Begin(PalletIndices.AdminUtils, call, args).ToArray();

    private static void U16s(ScaleWriter w, ushort[] v)
    {
        w.WriteCompact((ulong)v.Length);
        foreach (var x in v) w.WriteU16(x);
    }

    private async Task Sudo(byte[] inner)
    {
        var events = await Ok("//Alice", CallBuilder.Sudo(inner));
        Assert.Equal("Ok", (string?)events.First(e => (string?)e!["name"] == "Sudid")!["fields"]!["sudo_result"]);
    }

    /// <summary>Signs with the account's next nonce, submits, waits until it is in a block, asserts success, returns its events.</summary>
    private async Task<JsonArray> Ok(string signer, byte[] call)
    {
        var nonce = (uint)(await _rpc.CallAsync("system_accountNextIndex", _dev.Account(signer).ToHex()))!;
        var x = _dev.Signer.Sign(_dev.Key(signer), call, nonce);
        await _rpc.CallAsync("author_submitExtrinsic", DevSigner.Hex(x.Encoded));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await _rpc.CallAsync("tao_findExtrinsic", x.Hash.ToHex()) is JsonObject at)
            {
                var events = (await _rpc.CallAsync("tao_getEvents", (string)at["block"]!))!;
                var receipt = events["extrinsics"]![(int)at["index"]!]!;
                Assert.True((bool)receipt["success"]!, $"{signer}: {receipt.ToJsonString()}");
                return (JsonArray)receipt["events"]!;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"extrinsic {x.Hash} of {signer} was not included within 30 s\n{_node.OutputTail}");
    }

    private async Task<byte[]?> Storage(byte[] key) =>
        await _rpc.CallAsync("state_getStorage", DevSigner.Hex(key)) is JsonValue v ? Convert.FromHexString(((string)v!)[2..]) : null;

    private async Task<bool> StorageExists(byte[] key) => await Storage(key) is not null;

    private static ushort[] U16Vec(byte[]? bytes) => bytes is null ? [] : Scale.Decode(ScaleCodecs.Vec(ScaleCodecs.U16, 4096), bytes);

    private static ulong[] U64Vec(byte[]? bytes) => bytes is null ? [] : Scale.Decode(ScaleCodecs.Vec(ScaleCodecs.U64, 4096), bytes);
}
