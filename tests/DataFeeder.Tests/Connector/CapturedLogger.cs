using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

/// <summary>Keeps every log line at every level, with its exception, to check what the connector writes.</summary>
internal sealed class CapturedLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
