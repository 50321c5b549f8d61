using Microsoft.Extensions.Logging;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>
/// Writes neuron logs as single lines to one writer (the localnet log file, or stderr when headless) so they never
/// interleave with the live table or the JSON summary on stdout.
/// </summary>
public sealed class LineLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    private void Write(string category, LogLevel level, string message)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {Short(level)} {category}: {message}";
        lock (_lock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Warning => "warn",
        LogLevel.Error or LogLevel.Critical => "fail",
        LogLevel.Debug or LogLevel.Trace => "dbug",
        _ => "info",
    };

    public void Dispose()
    {
    }

    private sealed class LineLogger(LineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= ProviderMinimum && logLevel != LogLevel.None;

        private LogLevel ProviderMinimum => provider.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var text = formatter(state, exception);
            if (exception is not null)
                text += " | " + exception.Message;
            provider.Write(category, logLevel, text);
        }
    }

    private LogLevel Minimum => minimum;
}
