using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>Loads librdkafka at start and logs which one runs, so a wrong library shows before the first event.</summary>
internal sealed class LibrdkafkaStartupLog(ILogger<LibrdkafkaStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var loaded = LoadedLibrdkafka.Current();
        if (loaded.IsApplicationCopy)
        {
            logger.LogInformation("Kafka client: librdkafka {Version} loaded from {File}", loaded.Version, loaded.File ?? "(unknown file)");
        }
        else
        {
            logger.LogWarning("Kafka client: librdkafka {Version} loaded from {File}, outside the application: the build did not put the redist's glibc-only library in place (see docs/kafka.md)",
                loaded.Version, loaded.File);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
