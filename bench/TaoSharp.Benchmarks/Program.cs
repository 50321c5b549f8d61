using BenchmarkDotNet.Running;

// Whole-node figures are not BenchmarkDotNet runs: `-- node-macro [transfers] [restartBlocks]`.
if (args is ["node-macro", ..])
    return await TaoSharp.Benchmarks.Chain.NodeMacroBenchmark.RunAsync(args[1..]);

if (args is ["metagraph-macro", ..])
    return await TaoSharp.Benchmarks.Sdk.MetagraphMacroBenchmark.RunAsync(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
