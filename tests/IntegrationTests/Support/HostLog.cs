using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Etransactions.IntegrationTests.Support;

/// <summary>The lines a local host logged, kept so a test can look for one and show them when it fails.</summary>
public sealed class HostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string Tail(int count = 60) => string.Join(Environment.NewLine, _lines.TakeLast(count));

    public void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddProvider(this);
        Etransactions.Local.HostLogging.Filters(logging);
    }

    public ILogger CreateLogger(string categoryName) => new Writer(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Writer(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
            if (lines.Count > 5000)
            {
                lines.TryDequeue(out _);
            }
        }
    }
}
