using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using KnovvuOrleans.Gateway.Tests.VirtualAgent;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Grains.Telemetry;
using KnovvuOrleans.Testing;
using OpenTelemetry.Trace;

namespace KnovvuOrleans.Gateway.Tests.Telemetry;

/// <summary>
/// One conversation is one trace: the gateway's HTTP span, the Orleans spans of the conversation's grain call, and the
/// Data Feeder's producer span whose context the Kafka message carries in its <c>traceparent</c> header, read back
/// from a real Kafka endpoint (spans from OpenTelemetry's in-memory exporter added to the gateway's tracer provider).
/// </summary>
public sealed class ConversationTraceTests
{
    private const string SessionsPath = $"/api/tenants/{VaHarness.Tenant}/va/sessions";

    [Fact]
    public async Task A_VA_session_is_one_trace_from_the_HTTP_request_through_its_grain_to_the_traceparent_of_its_Kafka_message()
    {
        var spans = new CollectedSpans();
        await using var harness = await VaHarness.StartAsync(integrationEnabled: false,
            testServices: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        var topic = $"trace-{Guid.NewGuid():N}";
        await harness.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{VaHarness.Tenant}/features", harness.HostToken, JsonSerializer.Serialize(new
        {
            dailyReports = new { enabled = false, retentionMonths = 1 },
            dataFeeder = new { enabled = true, eventTypes = new[] { DataFeederEventTypes.ConversationCreated }, topic },
            vaToCa = new { sessionsPerHourCap = 1000 },
        }));

        await harness.PostSessionsAsync([VaHarness.Session("traced-1", "published", "web")]);

        IReadOnlyList<ConsumeResult<string, byte[]>> read = [];
        await Eventually.TrueAsync(() => (read = KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, topic)).Count > 0,
            "the Created event in the topic", TimeSpan.FromSeconds(60));
        var header = read.First(r => r.Message.Key == "traced-1").Header(KafkaDataFeederConnector.TraceParentHeader);
        Assert.True(ActivityContext.TryParse(header, null, out var messageContext), $"a W3C traceparent: {header}");

        // The request's server span ends with the response; the producer span by the time the message is in Kafka.
        var request = spans.Snapshot().Single(s => s.Kind == ActivityKind.Server && PathOf(s) == SessionsPath);
        Assert.Equal(request.TraceId, messageContext.TraceId);

        var trace = spans.Snapshot().Where(s => s.TraceId == request.TraceId).ToList();
        var grainCalls = trace.Where(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
                                          && s.DisplayName.Contains("IngestVaSession", StringComparison.Ordinal)).ToList();
        Assert.Contains(grainCalls, s => s.Kind == ActivityKind.Client);
        var grainTurn = Assert.Single(grainCalls, s => s.Kind == ActivityKind.Server);

        var send = Assert.Single(trace, s => s.Source.Name == KnovvuTracing.SourceName && s.Kind == ActivityKind.Producer);
        Assert.Equal(send.SpanId, messageContext.SpanId);
        Assert.Equal($"send {topic}", send.DisplayName);
        // The event was raised in the grain's turn: the message hangs under the grain call, not beside the request.
        Assert.Equal(grainTurn.SpanId, send.ParentSpanId);
    }

    private static string? PathOf(Activity span) => span.GetTagItem("url.path") as string;
}
