using KnovvuOrleans.Grains.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Marks as expired the held results whose conversation was not recorded within <see cref="HeldResultsOptions.Expiry"/>,
/// so the status counts them; the Conversation grain drops the same results from its state by the same rule, should the
/// conversation be recorded after all. Runs on an Orleans reminder, so on a live silo.
/// </summary>
[GrainType("held-results-expiry")]
public sealed class HeldResultsExpiryGrain(IKeptEventStore kept, IOptions<HeldResultsOptions> options, ILogger<HeldResultsExpiryGrain> logger)
    : Grain, IHeldResultsExpiryGrain, IRemindable
{
    private const string ReminderName = "expire-held-results";

    public async Task Start() =>
        await this.RegisterOrUpdateReminder(ReminderName, options.Value.SweepPeriod, options.Value.SweepPeriod);

    public async Task<int> Sweep()
    {
        var expired = await kept.ExpireUnrecordedAsync(DateTimeOffset.UtcNow - options.Value.Expiry, CancellationToken.None);
        if (expired > 0)
        {
            DataFeederMetrics.ExpiredHeldResults.Add(expired);
            logger.LogInformation("Held Data Feeder results expired: {Count} (conversations not recorded within {Expiry})",
                expired, options.Value.Expiry);
        }

        return expired;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Sweep();
}
