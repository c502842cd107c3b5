using System.Diagnostics;
using Confluent.Kafka;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Simulators.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Data Feeder benchmark: events/s through KafkaDataFeederConnector and through a raw Confluent.Kafka producer with the
// same configuration, on the same broker in the same run, and their ratio; then the whole grain path (GrainPathBench);
// then another tenant's live latency with and without a replay running (ReplayLiveBench); then the durable path on one and
// on two silos (ScalingBench). The argument "replay" runs only ReplayLiveBench, "scaling" only ScalingBench, "durable"
// only the raw producer and the grain path's outbox-to-broker throughput (their ratio).
// Each figure the median of 3 runs, one JSON line each. The broker is KNOVVU_TEST_KAFKA when set (scripts/services.sh
// up), else a mock cluster in this process; the grain path runs on a one-silo Orleans test cluster on KNOVVU_TEST_POSTGRES.
const int Runs = 3;
const int Publishers = 8;
const int BatchSize = 100;
const int Conversations = 400;
const int Events = 40_000;

var external = Environment.GetEnvironmentVariable("KNOVVU_TEST_KAFKA") is { Length: > 0 } address ? address : null;
using var mock = external is null ? MockKafkaCluster.Start() : null;
var bootstrap = external ?? mock!.BootstrapServers;
var broker = external is null ? "librdkafka mock cluster in the bench process" : "KNOVVU_TEST_KAFKA";
var options = new KafkaDataFeederOptions { BootstrapServers = bootstrap };
var records = Records();
// A publisher owns whole conversations (record i is conversation i % Conversations), as a relay owns its streams.
var batchesByPublisher = Enumerable.Range(0, Publishers)
    .Select(p => records.Where((_, i) => i % Conversations % Publishers == p).Chunk(BatchSize).ToArray())
    .ToArray();
var workload = $"{Events} events of {records[0].Body.Length} bytes, {Conversations} conversations, {Publishers} concurrent publishers awaiting batches of {BatchSize}, acks=all, idempotent, {broker}, librdkafka {Library.VersionString}";

using var connector = new KafkaDataFeederConnector(Options.Create(options), NullLogger<KafkaDataFeederConnector>.Instance);
using var raw = new ProducerBuilder<string, byte[]>(KafkaDataFeederProducerConfig.Create(options)).Build();
if (args is ["replay"])
{
    await ReplayLiveBench.RunAsync(bootstrap, mock, broker);
    return;
}

if (args is ["scaling"])
{
    await ScalingBench.RunAsync(bootstrap, mock, broker);
    return;
}

Func<string, Func<DataFeederRecord[], Task>> rawPublisher = topic => batch =>
    Task.WhenAll(batch.Select(r => raw.ProduceAsync(topic, new Message<string, byte[]> { Key = r.Key, Value = r.Body })));
if (args is ["durable"])
{
    var rawAlone = await MeasureAsync(rawPublisher);
    BenchReport.Figure("kafka_raw_producer_throughput", "events/s", workload + ", ProduceAsync per event and Task.WhenAll per batch, no headers", rawAlone);
    await GrainPathBench.RunAsync(bootstrap, mock, broker, BenchReport.Median(rawAlone), raw, latency: false);
    return;
}

var connectorRuns = await MeasureAsync(topic => batch => connector.PublishAsync(new DataFeederDestination(topic), batch, CancellationToken.None));
var rawRuns = await MeasureAsync(rawPublisher);

BenchReport.Figure("datafeeder_connector_throughput", "events/s", workload + ", headers event-id/event-type/tenant-id", connectorRuns);
BenchReport.Figure("kafka_raw_producer_throughput", "events/s", workload + ", ProduceAsync per event and Task.WhenAll per batch, no headers", rawRuns);
BenchReport.Ratio("datafeeder_connector_vs_raw_producer", BenchReport.Median(connectorRuns) / BenchReport.Median(rawRuns), "median / median, same broker, same run");
await GrainPathBench.RunAsync(bootstrap, mock, broker, BenchReport.Median(rawRuns), raw);
await ReplayLiveBench.RunAsync(bootstrap, mock, broker);
await ScalingBench.RunAsync(bootstrap, mock, broker);

// Each publisher awaits its batches in turn, as a relay does; the batches are cut once, outside the timing.
static Task PublishAllAsync(DataFeederRecord[][][] batchesByPublisher, Func<DataFeederRecord[], Task> publish) =>
    Task.WhenAll(batchesByPublisher.Select(async batches =>
    {
        foreach (var batch in batches)
        {
            await publish(batch);
        }
    }));

async Task<double[]> MeasureAsync(Func<string, Func<DataFeederRecord[], Task>> publisherFor)
{
    var topic = $"datafeeder-bench-{Guid.NewGuid():N}";
    mock?.CreateTopic(topic, 4);
    var publish = publisherFor(topic);
    // One untimed batch per publisher creates the topic where it is auto-created and opens the connections.
    await PublishAllAsync(batchesByPublisher.Select(b => b[..1]).ToArray(), publish);
    var rates = new double[Runs];
    for (var r = 0; r < Runs; r++)
    {
        var watch = Stopwatch.StartNew();
        await PublishAllAsync(batchesByPublisher, publish);
        rates[r] = Events / watch.Elapsed.TotalSeconds;
    }

    return rates;
}

static List<DataFeederRecord> Records()
{
    var raised = new DateTimeOffset(2026, 1, 22, 8, 32, 4, TimeSpan.Zero);
    return Enumerable.Range(0, Events).Select(i =>
    {
        var externalId = $"bench-{i % Conversations}.wav";
        var payload = new ConversationCreatedForDataFeeder
        {
            Conversation = new DataFeederConversation
            {
                ConversationId = i, DepartmentId = 3, AgentId = "3a1e7c52-15c4-bbbf-76b7-04bcef21c305", ExternalId = externalId,
                StartTime = raised.AddMinutes(-5), EndTime = raised, Duration = 300, AttachedData = [],
                Call = new DataFeederCall { DirectionId = 1285, ReleasingPartyId = 1306, HoldCount = 0 },
            },
            TenantId = "bench-tenant",
        };
        return new DataFeederRecord(externalId, Guid.NewGuid(), ConversationCreatedForDataFeeder.EventType, "bench-tenant",
            DataFeederMessageSerializer.Serialize(raised, payload));
    }).ToList();
}
