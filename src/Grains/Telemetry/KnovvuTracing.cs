using System.Diagnostics;

namespace KnovvuOrleans.Grains.Telemetry;

/// <summary>
/// The product's own spans (source <see cref="SourceName"/>) and the W3C trace context it keeps with stored work, so
/// that work done later from storage (an outbox delivery, the hourly CA job) continues the trace of the request that
/// caused it.
/// </summary>
public static class KnovvuTracing
{
    public const string SourceName = "KnovvuOrleans";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span as a W3C <c>traceparent</c> value; null outside a trace.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts a span under a stored <c>traceparent</c> (a new trace when there is none or it does not parse); null when
    /// nothing listens to the product's source.
    /// </summary>
    public static Activity? StartUnder(string? traceParent, string name, ActivityKind kind) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
