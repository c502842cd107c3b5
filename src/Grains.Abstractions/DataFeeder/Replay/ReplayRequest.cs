using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;

/// <summary>
/// What a replay sends again: the tenant's published conversations that started in [<see cref="From"/>, <see cref="To"/>)
/// (UTC), the events of <see cref="EventTypes"/>, to <see cref="Topic"/> (a topic of the tenant). The gateway checks the
/// range against the tenant's retention and the clock before a job is made.
/// </summary>
[GenerateSerializer, Alias("knovvu.ReplayRequest")]
public sealed record ReplayRequest(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] IReadOnlyList<string> EventTypes,
    [property: Id(3)] string Topic)
{
    /// <summary>The rules a job needs whoever calls (the gateway checks more: offsets, the clock, the retention).</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (To <= From)
        {
            errors.Add("to", "to must be after from.");
        }

        if (EventTypes is not { Count: > 0 } || EventTypes.Any(t => !DataFeederEventTypes.All.Contains(t)))
        {
            errors.Add("eventTypes", $"eventTypes must name Data Feeder event types: {string.Join(", ", DataFeederEventTypes.All)}.");
        }

        if (!KafkaTopicName.IsValid(Topic))
        {
            errors.Add("topic", $"topic must be {KafkaTopicName.Rule}.");
        }

        return errors;
    }
}
