using System.Runtime.InteropServices;

namespace TaoSharp.Benchmarks.Crypto;

/// <summary>
/// CPU time of the calling thread per operation, summed over every invocation of a benchmark case.
/// The project machine's two cores are shared with other builds, which inflates BenchmarkDotNet's wall-clock
/// means several-fold; the thread's own CPU time is the "on one core" cost the crypto targets ask for.
/// Reads CLOCK_THREAD_CPUTIME_ID around each call (≈0.1 µs, negligible next to ≥15 µs operations) and prints
/// "// CPU time ..." lines into the BenchmarkDotNet log from GlobalCleanup. Linux only; elsewhere it stays silent.
/// </summary>
internal sealed partial class CpuTimeMeter
{
    private const int ClockThreadCpuTime = 3; // Linux CLOCK_THREAD_CPUTIME_ID

    private readonly bool _available = OperatingSystem.IsLinux();
    private long _nanoseconds;
    private long _operations;
    private string _operation = "";

    internal T Measure<T>(string operation, Func<T> body)
    {
        if (!_available)
        {
            return body();
        }

        long start = ThreadCpuNanoseconds();
        T result = body();
        _nanoseconds += ThreadCpuNanoseconds() - start;
        _operations++;
        _operation = operation;
        return result;
    }

    internal void Report()
    {
        if (_operations == 0)
        {
            return;
        }

        double micros = _nanoseconds / 1000.0 / _operations;
        Console.WriteLine($"// CPU time {_operation}: {micros:F1} us/op = {1e6 / micros:F0} ops/s on one core ({_operations} ops)");
    }

    private static long ThreadCpuNanoseconds()
    {
        clock_gettime(ClockThreadCpuTime, out TimeSpec now);
        return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
