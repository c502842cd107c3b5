using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>
/// Keeps every log line the gateway writes (message, state values, exception text) for assertions, instead of the
/// console: a test's expected warnings and errors are asserted, not printed. Lines from Warning up also go to the
/// test's output when it gives one, which the test log shows only for a failed test.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The running test's output (xunit); null for a shared fixture.</summary>
    public ITestOutputHelper? Output { get; set; }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string line)
    {
        _lines.Enqueue(line);
        if (level < LogLevel.Warning || Output is not { } output)
        {
            return;
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has ended (a background job of the host logged after it); the line stays in Lines.
        }
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            logs._lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a secret could hide in a value the message template leaves out.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Add(logLevel, $"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}
