using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TaoSharp.Crypto.Tests")]
[assembly: InternalsVisibleTo("TaoSharp.Benchmarks")]
