using Confluent.Kafka;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// Three silos holding one day of tenant "acme": 10,000 published conversations, each analysed, every other one with a
/// category match (the first hundred analysed before they were recorded, so held); around it, conversations of acme
/// on the days before and after, acme's drafts of the day, and another tenant's conversations of the day. Everything
/// delivered live before the tests replay it; <see cref="Live"/> is acme's live topic read back.
/// </summary>
public sealed class ReplayDayFixture : IAsyncLifetime
{
    public const string Tenant = "acme";
    public const string OtherTenant = "other";
    public const int Conversations = 10_000;
    private const int HeldFirst = 100;
    private const int Around = 30;

    /// <summary>Two days ago, so that the whole day is past and within the default retention.</summary>
    public static readonly DateTimeOffset Day = new(DateTime.UtcNow.Date.AddDays(-2), TimeSpan.Zero);

    public FeederCluster Feeder { get; private set; } = null!;

    public IReadOnlyList<string> DayIds { get; } = Enumerable.Range(0, Conversations).Select(i => $"day-{i:D5}").ToList();

    public IReadOnlyList<ConsumeResult<string, byte[]>> Live { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Feeder = await FeederCluster.StartAsync(3, TestEnvironment.KafkaBootstrapServers, settings: new Dictionary<string, string?>
        {
            ["DataFeeder:Replay:EventsPerSecond"] = "4000",
            ["DataFeeder:Replay:ResumePeriod"] = "00:00:01",
        });
        await Feeder.AddTenantAsync(Tenant);
        await Feeder.AddTenantAsync(OtherTenant);

        for (var i = 0; i < HeldFirst; i++)
        {
            Assert.Equal(RaiseOutcome.Held, await Feeder.PostAnalysisAsync(Tenant, DayIds[i]));
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, Conversations), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            // Spread over the whole day, the last one just before midnight.
            Assert.Equal(IngestOutcome.Recorded, await Feeder.IngestAsync(Tenant, DayIds[i], isCall: i % 3 == 0, start: Day.AddMilliseconds(i * 8_640L)));
            if (i >= HeldFirst)
            {
                Assert.Equal(RaiseOutcome.Published, await Feeder.PostAnalysisAsync(Tenant, DayIds[i]));
            }

            if (i % 2 == 0)
            {
                Assert.Equal(RaiseOutcome.Published, await Feeder.PostCategoryAsync(Tenant, DayIds[i]));
            }
        });

        var around = Enumerable.Range(0, Around).SelectMany(i => new (string Tenant, string Id, DateTimeOffset Start, string Status)[]
        {
            (Tenant, $"before-{i:D2}", Day.AddSeconds(-1 - i), VaSessionStatus.Published),
            (Tenant, $"after-{i:D2}", Day.AddDays(1).AddSeconds(i), VaSessionStatus.Published),
            (Tenant, $"draft-{i:D2}", Day.AddHours(12).AddSeconds(i), i % 2 == 0 ? VaSessionStatus.Draft : VaSessionStatus.Test),
            (OtherTenant, $"day-{i:D5}", Day.AddHours(12).AddSeconds(i), VaSessionStatus.Published),
        });
        foreach (var (tenant, id, start, status) in around)
        {
            await Feeder.IngestAsync(tenant, id, start: start, status: status);
            await Feeder.PostAnalysisAsync(tenant, id);
            await Feeder.PostCategoryAsync(tenant, id);
        }

        await Feeder.WaitUntilDeliveredAsync(TimeSpan.FromMinutes(5));
        Live = KafkaReadBack.ReadAll(TestEnvironment.KafkaBootstrapServers, Feeder.TopicOf(Tenant));
    }

    public async Task DisposeAsync() => await Feeder.DisposeAsync();
}
