using TaoSharp.Sdk.Client;

namespace TaoSharp.Sdk.Tests;

/// <summary>
/// The leak test measures this process's sockets and managed heap, which every test running beside it also uses
/// (axons, dendrites, other clients): it runs alone, after the parallel classes, so what it sees is its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeasurements
{
    public const string Name = "Process-wide measurements (run alone)";
}

/// <summary>Issue #7: a create/close loop of 10,000 clients against a real node leaves no sockets or memory behind.</summary>
[Collection(ProcessWideMeasurements.Name)]
public sealed class ClientLeakTests : IAsyncLifetime
{
    private const int Clients = 10_000;
    private ClientTestNode _node = null!;

    public async Task InitializeAsync() => _node = await ClientTestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_clients_opened_and_closed_leave_no_sockets_or_memory_behind()
    {
        // Warm up (JIT, HttpClient/WebSocket statics) so the baseline includes what is allocated once per process.
        for (var i = 0; i < 50; i++)
            await using (var c = await TaoClient.ConnectAsync(_node.Ws)) await c.CallAsync("system_health");
        var socketsBefore = OpenSockets();
        var memoryBefore = SettledMemory();

        for (var i = 0; i < Clients; i++)
        {
            var client = await TaoClient.ConnectAsync(_node.Ws);
            // Every 100th client also makes a call, so the receive loop and pending-request paths are exercised too.
            if (i % 100 == 0) Assert.NotNull(await client.CallAsync("system_health"));
            await client.DisposeAsync();
        }

        var socketsAfter = OpenSockets();
        var memoryAfter = SettledMemory();
        Assert.True(socketsAfter <= socketsBefore + 2, $"open sockets grew from {socketsBefore} to {socketsAfter} after {Clients} clients");
        Assert.True(memoryAfter - memoryBefore < 16 * 1024 * 1024,
            $"managed heap grew by {(memoryAfter - memoryBefore) / 1024} KiB after {Clients} clients");
        // The node still serves new clients (its per-client connection slots were all released).
        await using var last = await TaoClient.ConnectAsync(_node.Ws);
        Assert.NotNull(await last.CallAsync("system_health"));
    }

    /// <summary>Socket file descriptors of this process (Linux /proc; the CI machine is Linux).</summary>
    private static int OpenSockets()
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:", StringComparison.Ordinal)) count++;
            }
            catch (IOException) { } // the descriptor closed while we looked
            catch (UnauthorizedAccessException) { }
        }
        return count;
    }

    private static long SettledMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
