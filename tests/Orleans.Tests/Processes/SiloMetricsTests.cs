using System.Globalization;
using System.Text.RegularExpressions;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Testing;
using Orleans;

namespace KnovvuOrleans.Orleans.Tests.Processes;

/// <summary>
/// The silo host's Prometheus endpoint, read from a real silo process after traffic: the product's meters per tenant
/// (sessions in, Data Feeder events out and lag to a real Kafka endpoint) and Orleans' own meter.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed partial class SiloMetricsTests
{
    [Fact]
    public async Task GET_metrics_on_a_silo_lists_the_product_meters_per_tenant_and_Orleans_meters()
    {
        await using var cluster = await SiloProcessCluster.StartAsync(1, TimeSpan.FromSeconds(30));
        var client = cluster.Client;
        var (feeding, quiet) = ($"m-feed-{Guid.NewGuid():N}"[..14], $"m-quiet-{Guid.NewGuid():N}"[..15]);
        await client.GetGrain<ITenantGrain>(feeding).Create("Feeding");
        await client.GetGrain<ITenantGrain>(feeding).UpdateFeatures(TenantFeatures.Default with
        {
            DataFeeder = new DataFeederSettings(true, [DataFeederEventTypes.ConversationCreated], $"metrics-{feeding}"),
        });
        await client.GetGrain<ITenantGrain>(quiet).Create("Quiet");

        for (var i = 0; i < 3; i++)
        {
            await OneMessageSessions.IngestAsync(client, feeding, $"c{i}");
        }

        await OneMessageSessions.IngestAsync(client, quiet, "c0");
        // A session sent again is acknowledged, not counted again.
        Assert.Equal(IngestOutcome.AlreadyRecorded, await OneMessageSessions.IngestAsync(client, quiet, "c0"));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{cluster.Silos[0].HttpPort}") };
        var metrics = "";
        await Eventually.TrueAsync(async () =>
        {
            metrics = await http.GetStringAsync("/metrics");
            return Sample(metrics, "knovvu_datafeeder_events_out_total", feeding) == 3;
        }, "three events out for the feeding tenant", TimeSpan.FromSeconds(60));

        Assert.Equal(3, Sample(metrics, "knovvu_va_sessions_in_total", feeding));
        Assert.Equal(1, Sample(metrics, "knovvu_va_sessions_in_total", quiet));
        Assert.Null(Sample(metrics, "knovvu_datafeeder_events_out_total", quiet));
        Assert.Equal(3, Sample(metrics, "knovvu_datafeeder_lag_seconds_count", feeding));
        Assert.Contains("# TYPE knovvu_datafeeder_lag_seconds histogram", metrics);
        Assert.Contains("\norleans_catalog_activations", metrics);
    }

    /// <summary>The value of the tenant's sample of a metric in Prometheus' text format; null when there is none.</summary>
    private static double? Sample(string exposition, string metric, string tenant) =>
        exposition.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains($"tenant=\"{tenant}\"", StringComparison.Ordinal))
            .Select(m => (double?)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .SingleOrDefault();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\}\s+(?<value>\S+)")]
    private static partial Regex SampleLine();
}
