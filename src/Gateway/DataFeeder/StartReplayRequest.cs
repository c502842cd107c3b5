using System.Globalization;
using System.Text.RegularExpressions;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Gateway.DataFeeder;

/// <summary>
/// The body of POST /api/tenants/{tenantId}/datafeeder/replays. <c>from</c> and <c>to</c> bound the conversations'
/// start times (from inclusive, to exclusive), ISO 8601 with an explicit offset ("2026-01-22T00:00:00Z");
/// <c>eventTypes</c> defaults to every type; <c>topic</c> to the tenant's own Data Feeder topic. Fields are optional for
/// the JSON reader so that a missing one is named by <see cref="Validate"/>.
/// </summary>
public sealed partial record StartReplayRequest(string? From = null, string? To = null, IReadOnlyList<string>? EventTypes = null, string? Topic = null)
{
    /// <summary>
    /// The replay this asks for, or the errors: times with an offset, from before to, neither in the future, from not
    /// before the tenant's retention (its <c>dailyReports.retentionMonths</c>, the conversation log's retention).
    /// </summary>
    public (ReplayRequest? Request, ValidationErrors Errors) Validate(TenantFeatures features, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var from = Time(errors, "from", From);
        var to = Time(errors, "to", To);
        var earliest = now.AddMonths(-features.DailyReports.RetentionMonths);
        if (from is { } start)
        {
            if (start < earliest)
            {
                errors.Add("from", $"from is beyond the tenant's retention of {features.DailyReports.RetentionMonths} months (earliest {earliest.UtcDateTime:O}).");
            }
            else if (start > now)
            {
                errors.Add("from", "from is in the future.");
            }
        }

        if (to is { } end)
        {
            if (end > now)
            {
                errors.Add("to", "to is in the future.");
            }
            else if (from is { } begin && end <= begin)
            {
                errors.Add("to", "to must be after from.");
            }
        }

        var eventTypes = EventTypes ?? DataFeederEventTypes.All;
        ValidateEventTypes(errors, eventTypes);
        var topic = Topic ?? features.DataFeeder.Topic;
        if (topic is null)
        {
            errors.Add("topic", "topic is required: the tenant has no Data Feeder topic to default to.");
        }
        else if (!KafkaTopicName.IsValid(topic))
        {
            errors.Add("topic", $"topic must be {KafkaTopicName.Rule}.");
        }

        return errors.IsEmpty
            ? (new ReplayRequest(from!.Value.ToUniversalTime(), to!.Value.ToUniversalTime(), eventTypes.ToList(), topic!), errors)
            : (null, errors);
    }

    private static DateTimeOffset? Time(ValidationErrors errors, string field, string? value)
    {
        if (value is not null && WithOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, $"{field} is required: a date and time with an explicit offset, such as 2026-01-22T00:00:00Z.");
        return null;
    }

    private static void ValidateEventTypes(ValidationErrors errors, IReadOnlyList<string> eventTypes)
    {
        if (eventTypes.Count == 0)
        {
            errors.Add("eventTypes", "eventTypes must name at least one event type (leave it out for all).");
        }

        for (var i = 0; i < eventTypes.Count; i++)
        {
            if (!DataFeederEventTypes.All.Contains(eventTypes[i]))
            {
                errors.Add($"eventTypes[{i}]", $"'{eventTypes[i]}' is not a Data Feeder event type; known: {string.Join(", ", DataFeederEventTypes.All)}.");
            }
        }

        if (eventTypes.Distinct(StringComparer.Ordinal).Count() != eventTypes.Count)
        {
            errors.Add("eventTypes", "eventTypes must not repeat an event type.");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
