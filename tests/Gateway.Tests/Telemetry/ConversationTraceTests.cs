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
/// One conversation is one trace: the gateway's HTTP span, the Orleans spans of the conversation's grain call, the
/// Data Feeder's producer span whose context the Kafka message carries in its <c>traceparent</c> header (read back
/// from a real Kafka endpoint), and the hourly job's request to CA (spans from OpenTelemetry's in-memory exporter added
/// to the gateway's tracer provider).
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
        var traceId = (await IngestRequestOfAsync(harness, spans)).TraceId;

        IReadOnlyList<ConsumeResult<string, byte[]>> read = [];
        await Eventually.TrueAsync(() => (read = KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, topic)).Count > 0,
            "the Created event in the topic", TimeSpan.FromSeconds(60));
        var header = read.First(r => r.Message.Key == "traced-1").Header(KafkaDataFeederConnector.TraceParentHeader);
        Assert.True(ActivityContext.TryParse(header, null, out var messageContext), $"a W3C traceparent: {header}");

        Assert.Equal(traceId, messageContext.TraceId);

        // The producer span has ended by the time the message is in Kafka.
        var trace = spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
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

    [Fact]
    public async Task The_hourly_CA_request_of_a_VA_session_joins_the_trace_of_the_request_that_recorded_it()
    {
        var spans = new CollectedSpans();
        await using var harness = await VaHarness.StartAsync(
            testServices: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        using (var toggled = await harness.ToggleProjectAsync("p1", true))
        {
            Assert.True(toggled.IsSuccessStatusCode, $"{(int)toggled.StatusCode}");
        }

        await harness.PostSessionsAsync([VaHarness.Session("traced-ca", "published", "web")]);
        var traceId = (await IngestRequestOfAsync(harness, spans)).TraceId;
        // Started outside that trace: the run's own request is not what links the CA request to the session.
        var status = await harness.RunSyncAsync();
        Assert.Equal(1, status["sessionsSent"]!.GetValue<int>());

        var trace = spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
        Assert.Single(trace, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http"
                                  && (s.GetTagItem("url.full") as string)?.EndsWith("api/chats", StringComparison.Ordinal) == true);
    }

    /// <summary>
    /// The server span of this harness's ingest request. Listeners are process-wide, so the exporter also gets the spans
    /// of other tests' gateways: this one's are those on its own port. It is exported as it ends, which may be just
    /// after the client has the response.
    /// </summary>
    private static async Task<Activity> IngestRequestOfAsync(VaHarness harness, CollectedSpans spans)
    {
        var port = harness.Api.Http.BaseAddress!.Port;
        bool IsIngest(Activity s) => s.Kind == ActivityKind.Server && PathOf(s) == SessionsPath && s.GetTagItem("server.port") is int p && p == port;
        await Eventually.TrueAsync(() => spans.Snapshot().Any(IsIngest), "the ingest request's span exported", TimeSpan.FromSeconds(10));
        return spans.Snapshot().Single(IsIngest);
    }

    private static string? PathOf(Activity span) => span.GetTagItem("url.path") as string;
}
