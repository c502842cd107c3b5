using KnovvuOrleans.Grains.DataFeeder;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnovvuOrleans.Hosting;

/// <summary>
/// Which librdkafka the Data Feeder runs, in the health details: healthy with the application's own copy, unhealthy
/// (not ready) when a system library was loaded instead: its version and features are not the ones the product was
/// built and tested with (Debian 12's 2.0.2 crashes Confluent.Kafka 2.16's consumer).
/// </summary>
public sealed class KafkaClientHealthCheck : IHealthCheck
{
    public const string Name = "kafka-client";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = LoadedLibrdkafka.Current();
        var data = new Dictionary<string, object>
        {
            ["librdkafkaVersion"] = loaded.Version,
            ["librdkafkaFile"] = loaded.File ?? "unknown",
        };
        return Task.FromResult(loaded.IsApplicationCopy
            ? HealthCheckResult.Healthy($"librdkafka {loaded.Version}", data)
            : HealthCheckResult.Unhealthy($"librdkafka {loaded.Version} from outside the application", data: data));
    }
}
