using System.Diagnostics;
using KnovvuOrleans.Grains.Telemetry;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// The producer span of one Data Feeder message, under the trace its event was raised in (OpenTelemetry's messaging
/// conventions). The span ends when the message is handed to the producer; its id goes in the message's
/// <c>traceparent</c> header, so a consumer's work joins the same trace.
/// </summary>
internal static class DataFeederTracing
{
    /// <summary>Null when the event was not traced or nothing listens.</summary>
    public static Activity? StartSend(string topic, DataFeederRecord record)
    {
        if (record.TraceParent is null)
        {
            return null;
        }

        var span = KnovvuTracing.StartUnder(record.TraceParent, $"send {topic}", ActivityKind.Producer);
        span?.SetTag("messaging.system", "kafka")
            .SetTag("messaging.operation.type", "send")
            .SetTag("messaging.destination.name", topic)
            .SetTag("messaging.kafka.message.key", record.Key)
            .SetTag("messaging.message.id", record.EventId.ToString("D"));
        return span;
    }
}
