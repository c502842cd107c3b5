using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>Data Feeder (seed 002): on or off, which event types are sent, and to which Kafka topic.</summary>
[GenerateSerializer, Alias("knovvu.DataFeederSettings")]
public sealed record DataFeederSettings(bool Enabled, IReadOnlyList<string> EventTypes, string? Topic)
{
    public void Validate(ValidationErrors errors, string prefix)
    {
        var field = $"{prefix}.eventTypes";
        if (EventTypes is null)
        {
            errors.Add(field, "eventTypes is required (an empty list is allowed while dataFeeder is disabled).");
        }
        else
        {
            ValidateEventTypes(errors, field);
        }

        if (Topic is not null && !KafkaTopicName.IsValid(Topic))
        {
            errors.Add($"{prefix}.topic", $"topic must be {KafkaTopicName.Rule}.");
        }
        else if (Enabled && Topic is null)
        {
            errors.Add($"{prefix}.topic", "topic is required while dataFeeder is enabled.");
        }
    }

    private void ValidateEventTypes(ValidationErrors errors, string field)
    {
        for (var i = 0; i < EventTypes.Count; i++)
        {
            if (!DataFeederEventTypes.All.Contains(EventTypes[i]))
            {
                errors.Add($"{field}[{i}]",
                    $"'{EventTypes[i]}' is not a Data Feeder event type; known: {string.Join(", ", DataFeederEventTypes.All)}.");
            }
        }

        if (EventTypes.Distinct(StringComparer.Ordinal).Count() != EventTypes.Count)
        {
            errors.Add(field, "eventTypes must not repeat an event type.");
        }

        if (Enabled && EventTypes.Count == 0)
        {
            errors.Add(field, "eventTypes must name at least one event type while dataFeeder is enabled.");
        }
    }
}
