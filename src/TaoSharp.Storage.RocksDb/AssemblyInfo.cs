using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TaoSharp.Storage.Tests")]
[assembly: InternalsVisibleTo("TaoSharp.Benchmarks")]
